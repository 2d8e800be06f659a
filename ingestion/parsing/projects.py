"""Projects from prose: what 项目支出 breaks down into.

Looked for in the section headed ...项目支出情况 (else in any paragraph) after the total's
``其中``: items ``NAME AMOUNT`` separated by punctuation or numbering, e.g.
``1、朱田铺村抛荒治理工作经费项目支出5.0万元；2、...`` or ``其中，城市管理887万元，公共安全330.24万元``.
A trailing 项目支出/支出 is dropped from a name unless only a generic word would be left
(其他项目支出 stays). The figures are what was spent (``spent_wan``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.documents.model import Paragraph
from ingestion.parsing.amounts import NUMBER, to_wan
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.sections import Section
from ingestion.parsing.text import Span, fold

_ITEM_BREAK = re.compile(r"[，,；;。]|(?<![\d.])\d{1,2}[、．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳]")
_ITEM = re.compile(
    rf"^\s*(?P<name>[^：:，,；;。]{{2,60}}?)\s*(?:为|共|计)?\s*(?P<number>{NUMBER})\s*(?P<unit>万元|元|亿元)\s*$"
)
_LIST_START = re.compile(r"其中[：:，,]?")
_NOT_PROJECT = re.compile(
    r"^(?:项目支出|基本支出|人员经费|公用经费|财政拨款|一般公共预算|年初预算|全年预算|合计|总计|小计|"
    r".*(?:收入|结转|结余|余额))"
)
_TRAILING = ("项目支出", "支出")
_MIN_NAME_LEFT = 3


def _clean_name(name: str) -> str:
    name = name.strip().lstrip("、.．").strip()
    for suffix in _TRAILING:
        if name.endswith(suffix):
            return name[: -len(suffix)] if len(name) - len(suffix) >= _MIN_NAME_LEFT else name
    return name


def _items(text: str, offset: int) -> list[tuple[str, str, Span]]:
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
        if not found or _NOT_PROJECT.match(found["name"].strip()):
            continue
        name = _clean_name(text[begin + found.start("name") : begin + found.end("name")])
        wan = to_wan(found["number"], found["unit"])
        piece = text[begin:end]
        lead = len(piece) - len(piece.lstrip())
        snippet = piece.strip()
        items.append((name, wan, Span(snippet, offset + begin + lead, offset + begin + lead + len(snippet))))
    return items


def _list_after_total(paragraphs: list[Paragraph]) -> list[tuple[str, str, Span]]:
    """Items after the first ``其中`` of a run of paragraphs (the list may span paragraphs)."""
    for position, paragraph in enumerate(paragraphs):
        marker = _LIST_START.search(paragraph.text)
        if marker is None or "项目" not in paragraph.text[: marker.start()]:
            continue
        rest = paragraph.text[marker.end() :]
        items = _items(rest, paragraph.start + marker.end())
        for later in paragraphs[position + 1 :]:
            more = _items(later.text, later.start)
            if not more:
                break
            items.extend(more)
        if len(items) >= 1:
            return items
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
