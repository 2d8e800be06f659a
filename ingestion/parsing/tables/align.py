"""Lining a data row's cells up with its header's columns.

By grid place when the reader saw the grid (docx, html, xlsx, pdf): a cell belongs to the
header column whose grid columns it starts in. Where several cells start under one header cell
(a vertically merged 绩效指标 label column beside the 一级指标 cells, both under a header cell
spanning the two), the last one that says something is the column's value: the cells before
it are labels of the rows' group.

By what the cells hold when there is no grid (text exports): readers render merged cells
differently (repeated, left empty, or omitted), and some portals add an empty leading column.
Extra leading blank cells are dropped, and of the ways to shift a row under the header, the one
that puts the most figures under the figure columns and words under the text columns wins,
the right-aligned one on a tie: the cells a merged span omits are the leading level/label
cells, not the figures at the end.

The other shifts stay available by name (``ALIGNMENTS``): when a table read one way does not
add up, the reader tries the others (``indicator_sums.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingestion.documents.model import Cell
from ingestion.parsing.tables.cells import compact
from ingestion.parsing.tables.header import Header, Row, row_slots

GRID, FIT, RIGHT, LEFT = "grid", "fit", "right", "left"
# Every way to line a row up, the usual first.
ALIGNMENTS = (GRID, FIT, RIGHT, LEFT)
_FIGURE = re.compile(r"\d")
_BARE_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?分?$")

Aligned = list[Cell | None]


def _by_grid(row: Row, header: Header) -> Aligned | None:
    """The row under the header by grid place; None when either lacks a grid."""
    if header.slots is None or row_slots(row) is None:
        return None
    aligned: Aligned = []
    for first, width in header.slots:
        under = [cell for cell in row if cell.col is not None and first <= cell.col < first + width]
        said = [cell for cell in under if cell.text.strip()]
        aligned.append(said[-1] if said else (under[0] if under else None))
    return aligned


def _placements(row: Row, width: int) -> list[Aligned]:
    """Ways to put the row under ``width`` columns, the usual one first: aligned to the right,
    then to the left, then shifted in between (a row missing both a merged leading cell and an
    empty trailing one, as rows split on spaces are)."""
    cells: Aligned = list(row)
    extra = len(cells) - width
    if extra == 0:
        return [cells]
    if extra > 0:
        if all(not c.text.strip() for c in row[:extra]):
            return [cells[extra:]]
        return [cells[extra:], cells[:width]]
    missing = -extra
    shifts = [missing, 0, *range(missing - 1, 0, -1)]
    return [[None] * k + cells + [None] * (missing - k) for k in shifts]


def _figure_weight(cell: Cell | None) -> int:
    """2 for a bare number (a score: 20, 9.5分), 1 for other text with digits (6个, 100%), else 0."""
    if cell is None:
        return 0
    text = compact(cell.text)
    if _BARE_NUMBER.match(text):
        return 2
    return 1 if _FIGURE.search(text) else 0


def _is_words(cell: Cell) -> bool:
    text = compact(cell.text)
    return bool(text) and not _FIGURE.search(text) and len(text) > 1


def _by_content(row: Row, width: int, figure_columns: Iterable[int], text_columns: Iterable[int]) -> Aligned:
    wanted, words = tuple(figure_columns), tuple(text_columns)
    placements = _placements(row, width)
    if len(placements) == 1:
        return placements[0]

    def fit(cells: Aligned) -> int:
        texts = sum(1 for i in words if (cell := cells[i]) is not None and _is_words(cell))
        return sum(_figure_weight(cells[i]) for i in wanted) + texts

    return max(placements, key=fit)


def align(
    row: Row,
    header: Header,
    figure_columns: Iterable[int] = (),
    text_columns: Iterable[int] = (),
    how: str = GRID,
) -> Aligned:
    """The row's cells placed under the header's columns (None where a merged cell is missing).

    ``how``: GRID (by grid place, else as FIT), FIT (the placement that puts figures under
    ``figure_columns`` and words under ``text_columns``), RIGHT or LEFT (the row pushed to
    that side, extra cells dropped on the other).
    """
    width = header.width
    if how == GRID:
        by_grid = _by_grid(row, header)
        if by_grid is not None:
            return by_grid
        how = FIT
    if how == FIT:
        return _by_content(row, width, figure_columns, text_columns)
    cells: Aligned = list(row)
    padding: Aligned = [None] * max(0, width - len(cells))
    if how == RIGHT:
        return cells[-width:] if len(cells) >= width else padding + cells
    return cells[:width] + padding
