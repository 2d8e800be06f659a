"""The 总分 row of an indicator table: the stated total score and the 分值 total beside it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingestion.documents.model import Cell
from ingestion.parsing.tables.align import align
from ingestion.parsing.tables.cells import cite, compact, number, score_figure
from ingestion.parsing.tables.facts import Evidence
from ingestion.parsing.tables.header import Header, Row, label_and_figures, row_has

TOTAL_LABELS = ("总分", "合计", "总计", "自评总分", "综合得分")


@dataclass(slots=True)
class Total:
    score: int | float | None = None
    weight: int | float | None = None
    cite: Evidence | None = None
    warnings: list[str] = field(default_factory=list)


def is_total(row: Row) -> bool:
    """A 总分 row; its label need not come first (a merged 绩效指标 column may precede it)."""
    # row_has is the cheap (cached) test a row holding such a label passes first
    return row_has(row, TOTAL_LABELS) and any(
        compact(cell.text).rstrip(":：") in TOTAL_LABELS for cell in row
    )


def read_total(row: Row, header: Header, columns: dict[str, int], how: str, scored: bool) -> Total:
    """The 总分 row: by the header's columns when the row is full width or on a grid, else its
    figures in order (分值 then 得分, or 得分 alone), because merged cells shorten it.
    ``scored``: whether the table's rows state scores (an unscored form totals its 分值 only)."""
    score_cell: Cell | None = None
    weight_cell: Cell | None = None
    if len(row) >= header.width or header.slots is not None:
        figure_columns = [columns[k] for k in ("weight", "score") if k in columns]
        aligned = align(row, header, figure_columns, how=how)
        score_cell = aligned[columns["score"]] if "score" in columns else None
        weight_cell = aligned[columns["weight"]] if "weight" in columns else None
    if score_figure(score_cell) is None:
        _, rest = label_and_figures(row)
        figures = [cell for cell in rest if score_figure(cell) is not None]
        if not figures:
            return Total(warnings=["indicator table: the 总分 row states no score"])
        score_cell = figures[1] if len(figures) > 1 else figures[0]
        weight_cell = figures[0] if len(figures) > 1 else None
        if len(figures) == 1 and not scored:
            # A form left unscored: its lone 合计 figure adds up the 分值 column.
            weight_cell, score_cell = figures[0], None
    weight = score_figure(weight_cell)
    total = Total(weight=number(weight.value) if weight else None)
    score = score_figure(score_cell)
    if score is not None and score_cell is not None:
        total.score, total.cite = number(score.value), cite(score_cell)
    return total
