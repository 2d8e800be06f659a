"""Report metadata: title, kind, fiscal year and the reporting unit's name.

- title: the first heading-like line near the top that says 报告/结果/自评表, joined with the
  short line(s) just above it when the title was broken over lines;
- kind: keywords of the title, else of the body (整体支出 / 重点项目 / 项目支出 / 决算);
- fiscal year: the title's 20XX年(度), else the year the budget text names most often;
- unit: a 单位名称 line, else the title before its 整体支出/项目/绩效 part, else a unit the body
  names (董家塅街道办事处属..., 伍家岭街道 named repeatedly), without its region prefix.
"""

from __future__ import annotations

import re
from collections import Counter

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.preamble import portal_lines
from ingestion.parsing.scan import anchored_finditer, anchored_search
from ingestion.parsing.sections import heading_of
from ingestion.parsing.text import fold
from ingestion.parsing.unit import UNIT_SUFFIX

_TITLE_WORD = re.compile(
    r"(报告|评价结果|自评结果|绩效自评表|绩效评价表|决算|决算公开|(?:决算|公开|决算公开|决算情况|预算情况)说明)$"
)
# A line above the title line belongs to it when it ends as a title's head does: the unit,
# the year, or a topic cut short (2021年茂名市发展和改革局整体支出 / 绩效自评报告).
_TITLE_HEAD_END = re.compile(rf"(?:{UNIT_SUFFIX}|(?:19|20)\d{{2}}年度?|支出|部门|单位|整体|项目|关于)$")
_SPACES = re.compile(r"[ \t\u3000]+")
# 监督索引号53092700122201000, page furniture: never part of a title.
_CODE = re.compile(r"\d{5,}")
_TITLE_TOPIC = re.compile(r"绩效|决算|预算|支出|评价")
_MAX_TITLE_LINE = 60
_TITLE_SCAN = 25
# A form field that names the year outright (评价年度：2024).
_YEAR_FIELD = re.compile(r"(?:评价|预算|所属|报告|会计)年度\s*[：:]\s*((?:19|20)\d{2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(度)?")
# Where matches hold a literal (see ``scan``): a year starts with 19/20; a field has 年度 after 2.
_YEAR_ANCHORS = (("19", 0, 0), ("20", 0, 0))
_YEAR_FIELD_ANCHORS = (("年度", 2, 2),)
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("key_projects", re.compile(r"重点项目.{0,8}(绩效|评价)")),
    # 整体/项目支出绩效目标表 are a budget's target tables, not self-evaluations.
    ("overall_expenditure", re.compile(r"整体(支出)?绩效(?!目标)|整体支出(?!绩效目标)")),
    ("final_accounts", re.compile(r"部门决算|单位决算|决算公开|决算说明")),
    ("project_expenditure", re.compile(r"项目(支出)?绩效自评|项目支出绩效(?!目标)|项目绩效评价")),
)


def _title_candidate(text: str) -> bool:
    text = _SPACES.sub("", text)
    return (
        len(text) <= _MAX_TITLE_LINE
        and bool(_TITLE_WORD.search(text))
        and bool(_TITLE_TOPIC.search(text))
        and not re.search(r"[，。；：:]", text)
    )


def _joinable(text: str) -> bool:
    """A short line above a title line that is part of the title (a unit or year line)."""
    text = _SPACES.sub("", text)
    return (
        0 < len(text) <= 40
        and not re.search(r"[，。；：:、]", text)
        and not _CODE.search(text)
        and _TITLE_HEAD_END.search(text) is not None
        and heading_of(Paragraph(text, 0, 0)) is None
    )


def find_title(document: Document, skip: set[int] | None = None) -> tuple[str, int, int] | None:
    """(title, start, end) of the report's title, or None; ``skip``: portal lines' block indexes."""
    skip = portal_lines(document) if skip is None else skip
    lines = [
        b for i, b in enumerate(document.blocks[:_TITLE_SCAN]) if isinstance(b, Paragraph) and i not in skip
    ]
    for position, paragraph in enumerate(lines):
        heading = heading_of(paragraph)
        if heading is not None and heading[0] is not None:
            return None
        if not _title_candidate(paragraph.text):
            continue
        first = position
        while first > 0 and position - first < 2 and _joinable(lines[first - 1].text):
            first -= 1
        parts = lines[first : position + 1]
        return _SPACES.sub("", "".join(p.text for p in parts)), parts[0].start, parts[-1].end
    return None


def portal_title(fields: dict[str, str]) -> str | None:
    """The title a portal block states (``名称: | X |``), when it reads like a report title."""
    for key in ("名称", "标题"):
        value = _SPACES.sub("", fields.get(key, ""))
        if value and _title_candidate(value):
            return value
    return None


# A page <title> is the report's title and the site's name (标题-武汉市蔡甸区人民政府).
_PAGE_TITLE_SEPARATOR = re.compile(r"\s*(?:[-_|—–]+|\s{2,})\s*")


def page_title_parts(page_title: str) -> tuple[str | None, list[str]]:
    """(the part of a page <title> that reads like a report title, the other parts: site names)."""
    title, others = None, []
    for part in _PAGE_TITLE_SEPARATOR.split(page_title.strip()):
        part = _SPACES.sub("", part)
        if title is None and _title_candidate(part):
            title = part
        elif part:
            others.append(part)
    return title, others


def report_kind(title: str | None, text: str) -> str:
    for kind, pattern in _KINDS:
        if title and pattern.search(title):
            return kind
    head = text[:3000]
    counts = {kind: len(pattern.findall(head)) for kind, pattern in _KINDS}
    best = max(counts, key=lambda kind: counts[kind])
    return best if counts[best] else "unknown"


def fiscal_year(title: str | None, text: str) -> tuple[int | None, list[str]]:
    if title:
        found = _YEAR.search(fold(title))
        if found:
            return int(found.group(1)), []
    field = anchored_search(_YEAR_FIELD, text[:5000], _YEAR_FIELD_ANCHORS)
    if field:
        return int(field.group(1)), []
    counts: Counter[int] = Counter()
    for match in anchored_finditer(_YEAR, fold(text), _YEAR_ANCHORS):
        counts[int(match.group(1))] += 2 if match.group(2) else 1
    if not counts:
        return None, []
    ranked = counts.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None, [f"fiscal_year: {ranked[0][0]} and {ranked[1][0]} are named equally often; left null"]
    return ranked[0][0], []
