"""Projects from prose: what 项目支出 breaks down into.

Looked for in the section headed ...项目支出情况 (else in any paragraph) after the total's
``其中``: items ``NAME AMOUNT`` separated by punctuation or numbering, e.g.
``1、某村河道保洁工作经费项目支出7.0万元；2、...`` or ``其中，环境卫生642万元，社区服务215.36万元``.
A trailing 项目支出/支出 is dropped from a name unless only a generic word would be left
(其他项目支出 stays). The figures are what was spent (``spent_wan``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.documents.model import Paragraph
from ingestion.parsing.amounts.money import NUMBER, to_wan
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.sections import Section
from ingestion.parsing.text import ENCLOSED_NUMERAL, Span, fold

_ITEM_BREAK = re.compile(
    rf"[，；;。]|,(?!(?<=\d,)\d{{3}}(?!\d))|(?<=元)、|(?<![\d.])\d{{1,2}}[、．](?!\d)|[（(]\d{{1,2}}[）)]|"
    rf"[{ENCLOSED_NUMERAL}]"
)
# What opens a list is no part of its first item's name (项目支出包括甲经费3万元，…; 资金已分配到
# 项目单位：甲项目资金3万元、…), nor is the verb between a project and its amount (甲项目安排3万元;
# 年度资金安排… is a label).
_ITEM = re.compile(
    rf"^\s*(?:其中)?(?:[^：:，,；;。]{{0,20}}?(?:主要包括|包括|包含)[：:]?|[^：:，,；;。]{{0,30}}[：:])?(?P<name>[^：:，,；;。]{{2,60}}?)\s*(?:(?<=项目|工程)(?:安排|下达|分配)(?:资金)?)?(?:合计|共计|总计|为|共|计)?\s*"
    rf"(?P<number>{NUMBER})\s*(?P<unit>万元|元|亿元)\s*$"
)
# What a project's own amount was used for follows it: 某项目支出25万元，主要用于….
_USES = re.compile(r"[，,]\s*(?:主要)?用于")
_MIN_HEADED = 2
LIST_START = re.compile(r"(?:其中|主要用于|主要包括|具体包括|具体为)[：:，,]?")
NOT_PROJECT = re.compile(
    r"^(?:项目支出|基本支出|人员经费|公用经费|财政拨款|一般公共预算|年初预算|全年预算|合计|总计|小计|"
    r".*(?:收入|结转|结余|余额))"
)
_TRAILING = ("项目支出", "支出")
# 重点项目 named in one sentence and given figures in the next: 分别为甲项目、乙项目 ... 年初预算分别为
# 318.40万元、962.75万元；实际支出分别为301.26万元、947.10万元.
_NAMED_RESPECTIVELY = re.compile(r"分别(?:为|是)[:：]?(?P<names>[^。；;：:\d]{4,200}?)(?=[。；;，,]|$)")
_MONEY_LIST = rf"{NUMBER}\s*(?:万元|亿元|元)(?:\s*[、和及与,，]\s*{NUMBER}\s*(?:万元|亿元|元))+"
_FIGURES_RESPECTIVELY = re.compile(
    rf"(?P<label>[^，,；;。]{{0,24}}?)分别(?:为|是|达到|达)?[:：]?\s*(?P<list>{_MONEY_LIST})"
)
_LIST_MONEY = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>万元|亿元|元)")
_NAME_SEPARATOR = re.compile(r"[、]|和|及|与")
_BUDGET_LABEL = re.compile(r"预算|安排|下达")
_SPENT_LABEL = re.compile(r"支出|执行|使用|完成|决算")
_PARAGRAPHS_AHEAD = 3
_MIN_NAME_LEFT = 3


def _clean_name(name: str) -> str:
    name = name.strip().lstrip("、.．").strip()
    for suffix in _TRAILING:
        if name.endswith(suffix):
            return name[: -len(suffix)] if len(name) - len(suffix) >= _MIN_NAME_LEFT else name
    return name


def list_items(text: str, offset: int, contiguous: bool = False) -> list[tuple[str, str, Span]]:
    """The ``NAME AMOUNT`` items of ``text`` (at ``offset`` in Document.text): name, 万元, evidence;
    with ``contiguous``, only those up to the first clause that is no item (a list that opens
    ``text`` ends there: what follows is other prose, however far the sentence runs)."""
    items = []
    start = 0
    folded = fold(text)
    pieces = []
    for match in _ITEM_BREAK.finditer(folded):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    for begin, end in pieces:
        found = _ITEM.match(folded[begin:end])
        if contiguous and not found and folded[begin:end].strip():
            break
        if not found or NOT_PROJECT.match(found["name"].strip()):
            continue
        name = _clean_name(text[begin + found.start("name") : begin + found.end("name")])
        wan = to_wan(found["number"], found["unit"])
        piece = text[begin:end]
        lead = len(piece) - len(piece.lstrip())
        snippet = piece.strip()
        items.append((name, wan, Span(snippet, offset + begin + lead, offset + begin + lead + len(snippet))))
    return items


def _headed_items(paragraphs: list[Paragraph]) -> list[tuple[str, str, Span]]:
    """Paragraphs that each open with one project and its amount, then say what it was used for
    (（1）某项目支出25万元，主要用于办公费3万元、…): the openings are the items, the uses are not;
    at least two, up to the first paragraph that opens otherwise."""
    items: list[tuple[str, str, Span]] = []
    for paragraph in paragraphs:
        uses = _USES.search(paragraph.text)
        head = paragraph.text[: uses.start()] if uses else paragraph.text
        found = list_items(head, paragraph.start, contiguous=True)
        if len(found) != 1:
            break
        items.extend(found)
    return items if len(items) >= _MIN_HEADED else []


def _list_after_total(paragraphs: list[Paragraph]) -> list[tuple[str, str, Span]]:
    """Items after the first ``其中`` of a run of paragraphs (the list may span paragraphs), or
    the openings of paragraphs each naming a project before its uses (``_headed_items``)."""
    for position, paragraph in enumerate(paragraphs):
        marker = LIST_START.search(paragraph.text)
        if marker is None or "项目" not in paragraph.text[: marker.start()]:
            continue
        uses = _USES.search(paragraph.text)
        headed = _headed_items(paragraphs[position:]) if uses and uses.start() <= marker.start() else []
        if headed:
            return headed
        rest = paragraph.text[marker.end() :]
        items = list_items(rest, paragraph.start + marker.end())
        for later in paragraphs[position + 1 :]:
            more = list_items(later.text, later.start)
            if not more:
                break
            items.extend(more)
        if len(items) >= 1:
            return items
    return []


def _named(text: str) -> list[str] | None:
    match = _NAMED_RESPECTIVELY.search(text)
    if match is None:
        return None
    names = [_clean_name(n) for n in _NAME_SEPARATOR.split(match["names"]) if n.strip()]
    return names if len(names) >= 2 and all(len(n) >= 2 for n in names) else None


def respective_projects(paragraphs: list[Paragraph]) -> list[dict[str, object]]:
    """Projects named ``分别为A、B`` whose budget and spending follow as ``分别为X万元、Y万元``."""
    for position, paragraph in enumerate(paragraphs):
        if "分别" not in paragraph.text:  # _NAMED_RESPECTIVELY needs it; skip the fold
            continue
        names = _named(fold(paragraph.text))
        if names is None:
            continue
        found: dict[str, list[str]] = {}
        for later in paragraphs[position : position + _PARAGRAPHS_AHEAD]:
            if "分别" not in later.text:  # every match holds it; the regex tries every position
                continue
            for match in _FIGURES_RESPECTIVELY.finditer(fold(later.text)):
                figures = [to_wan(m["number"], m["unit"]) for m in _LIST_MONEY.finditer(match["list"])]
                key = "budget_wan" if _BUDGET_LABEL.search(match["label"]) else None
                key = key or ("spent_wan" if _SPENT_LABEL.search(match["label"]) else None)
                if key and len(figures) == len(names):
                    found.setdefault(key, figures)
        if found:
            return [
                {
                    "name": name,
                    "type": None,
                    "purpose": None,
                    "budget_wan": found["budget_wan"][i] if "budget_wan" in found else None,
                    "spent_wan": found["spent_wan"][i] if "spent_wan" in found else None,
                }
                for i, name in enumerate(names)
            ]
    return []


def prose_projects(
    sections: list[Section], project_total: str | None, evidence: Evidence
) -> tuple[list[dict[str, object]], list[str]]:
    """Projects listed under the project-spending section, with evidence and sum check."""
    candidates = [s for s in sections if "项目支出" in s.title and "绩效" not in s.title]
    candidates += [s for s in sections if "项目支出" in s.title and "绩效" in s.title]
    items: list[tuple[str, str, Span]] = []
    for section in candidates:
        items = _list_after_total(section.body_paragraphs())
        if items:
            break
    projects: list[dict[str, object]] = []
    if not items:
        paragraphs = [p for s in sections for p in s.body_paragraphs()]
        return respective_projects(paragraphs), []
    for index, (name, wan, span) in enumerate(items):
        projects.append({"name": name, "type": None, "purpose": None, "budget_wan": None, "spent_wan": wan})
        cite(evidence, f"/projects/{index}/spent_wan", span)
    warnings = []
    if projects and project_total is not None:
        total = sum(Decimal(str(p["spent_wan"])) for p in projects)
        if total != Decimal(project_total):
            warnings.append(
                f"projects: listed items add up to {total}, not the stated 项目支出 {project_total}"
            )
    return projects, warnings
