"""The reporting unit's name (without the region prefix) and the full names its region comes from.

Sources, strongest first: a ``单位名称：`` line or table cell; the title before its topic
(2023年度 | 株洲市芦淞区建宁街道办事处 | 整体支出绩效自评报告); a unit the body names with its
full designation (董家塅街道办事处属...); a short ``XX街道`` / ``XX镇`` named at least twice.
"""

from __future__ import annotations

import re
from collections import Counter

from ingestion.documents.model import Document
from ingestion.parsing.text import Span, fold
from ingestion.regions import split_region_prefix

_NAME_FIELD = re.compile(
    r"(?:部门|单位|预算部门|主管部门|实施单位)(?:[（(](?:单位|部门)[）)])?名称[：:\s]*"
    r"(?P<name>[\u4e00-\u9fff（）()]{3,40}?)(?:[（(]盖章[）)]|\s|$)",
    re.M,
)
_YEAR_PREFIX = re.compile(r"^(?:关于)?(?:(?:19|20)\d{2}年度?)?")
_TITLE_TOPIC = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?(?:部门|单位)?(?:[（(]单位[）)])?"
    r"(?:整体支出|整体绩效|项目支出|重点项目|项目绩效|绩效|预算|决算)"
)
_UNIT_SUFFIX = (
    r"(?:街道办事处|人民政府|办事处|委员会|管理局|局|委|办公室|中心|研究院|院|所|站|馆|队|厅|镇|乡|街道|"
    r"学校|医院|协会|联合会)"
)
_UNIT_END = re.compile(rf"^.*{_UNIT_SUFFIX}")
_FULL_UNIT = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,12}?(?:街道办事处|镇人民政府|乡人民政府))"
    r"(?:属|是|为|系|位于|[，,。（(]|\s)"
)
_SHORT_UNIT = re.compile(r"(?<![本全各该我此两每])(?P<name>[\u4e00-\u9fff]{2,4})(?P<kind>街道|镇)")
_NOT_NAME_START = set("本全各该我此两每的了在和与及对为等是由于从向将把被让给共把辖区")


def _strip_region(name: str) -> str:
    _, rest = split_region_prefix(name)
    return rest or name


def _from_title(title: str) -> str | None:
    rest = _YEAR_PREFIX.sub("", fold(title), count=1)
    topic = _TITLE_TOPIC.search(rest)
    candidate = _UNIT_END.match(rest[: topic.start()] if topic else "")
    return candidate.group() if candidate and len(candidate.group()) >= 2 else None


def _short_name(text: str) -> str | None:
    """The ``XX街道`` the body names most often (at least twice), trimmed to the name itself."""
    counts: Counter[str] = Counter()
    for match in _SHORT_UNIT.finditer(text):
        name = match["name"]
        for size in range(len(name), 1, -1):
            tail = name[-size:]
            if tail[0] not in _NOT_NAME_START:
                counts[tail + match["kind"]] += 1
    best = [(n, c) for n, c in counts.most_common() if c >= 2]
    if not best:
        return None
    top = max(c for _, c in best)
    longest = max((n for n, c in best if c == top), key=len)
    return longest + ("办事处" if longest.endswith("街道") else "")


def unit_name(document: Document, title: Span | None) -> tuple[str | None, list[str], Span | None]:
    """(unit name without region, full names to take the region from, evidence span)."""
    text = document.text
    field = _NAME_FIELD.search(text)
    if field:
        full = field["name"].strip()
        return _strip_region(full), [full], Span(full, field.start("name"), field.end("name"))
    full_names = []
    if title is not None:
        from_title = _from_title(title.text)
        if from_title:
            return _strip_region(from_title), [from_title], title
        full_names.append(_YEAR_PREFIX.sub("", title.text, count=1))
    named = _FULL_UNIT.search(text)
    if named:
        full = named["name"]
        return _strip_region(full), [*full_names, full], Span(full, named.start("name"), named.end("name"))
    short = _short_name(text)
    return short, full_names, None
