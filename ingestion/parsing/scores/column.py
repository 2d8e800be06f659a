"""The self-evaluation score of a results list that names one project, its cells one per line.

Portals announcing project results (专项债券 projects, say) publish a small list: 序号 | 项目名称 |
… | 自评分数 | 自评等级, then one row per project and often a 总计 row. Copied to text each cell
stands on a line of its own and an empty cell leaves no line at all. When the list holds exactly
one project, its 自评分数 is the report's score. The row is read from the project's name on: the
score cell stands as many cells after it as the score column after the name column, and after it
only the grade cell may come before the 总计/合计 row or the end. A second project's name there
(several projects, each its own score) or a missing cell that shifts the row leaves the score null.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.documents.model import Paragraph
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.scores.total import GRADE_CELL, MAX_SCORE, MIN_FORM_SCORE, as_json_number
from ingestion.parsing.text import Span, fold

_SCORE_HEADERS = ("自评分数", "自评得分", "自评总分")
_NAME_HEADER = "项目名称"
_TRAILING_HEADERS = ("自评等级", "评价等级", "等级", "备注")
_MAX_HEADER_CELL = 8
_MAX_COLUMNS = 8
_SERIAL = re.compile(r"^\d{1,2}$")
_SCORE = re.compile(r"^(?P<score>\d{1,3}(?:\.\d{1,2})?)分?$")
_TOTAL_ROW = ("总计", "合计")


def _cell(paragraph: Paragraph) -> str:
    return "".join(fold(paragraph.text).split())


def _is_header_cell(text: str) -> bool:
    return 0 < len(text) <= _MAX_HEADER_CELL and not any(ch.isdigit() for ch in text)


def one_project_score(paragraphs: list[Paragraph], evidence: Evidence) -> int | float | None:
    """The score of the only project a one-cell-per-line results list names, else None."""
    cells = [_cell(p) for p in paragraphs]
    for at, text in enumerate(cells):
        if text not in _SCORE_HEADERS:
            continue
        name_at = next(
            (i for i in range(at - 1, max(-1, at - _MAX_COLUMNS), -1) if cells[i] == _NAME_HEADER), None
        )
        if name_at is None or not all(_is_header_cell(c) for c in cells[name_at:at]):
            continue
        end = at + 1
        while end < len(cells) and cells[end] in _TRAILING_HEADERS:
            end += 1
        score = _row_score(cells, end, at - name_at)
        if score is not None:
            paragraph = paragraphs[score[1]]
            cite(evidence, "/self_score", Span(paragraph.text, paragraph.start, paragraph.end))
            return as_json_number(score[0])
    return None


def _row_score(cells: list[str], start: int, offset: int) -> tuple[Decimal, int] | None:
    """The score of the one row from ``start`` and its cell's index, when exactly one row stands there."""
    if start < len(cells) and _SERIAL.match(cells[start]):
        start += 1
    score_at = start + offset
    if score_at >= len(cells) or _SCORE.match(cells[start]) or cells[start] in _TOTAL_ROW:
        return None
    if any(cell in _TOTAL_ROW for cell in cells[start:score_at]):
        return None
    match = _SCORE.match(cells[score_at])
    if match is None or not MIN_FORM_SCORE <= Decimal(match["score"]) <= MAX_SCORE:
        return None
    after = score_at + 1
    if after < len(cells) and GRADE_CELL.match(cells[after]):
        after += 1
    if after < len(cells) and cells[after] not in _TOTAL_ROW:
        return None
    return Decimal(match["score"]), score_at
