"""Ruled PDF tables: cell texts by row with their grid places, and one table from its page pieces.

A spanned cell is read once: its text in its first row, an empty cell (at the same grid
columns) in the rows it covers below. A cell's lines are wrapped text, joined as such (a
number wrapped as "537.6" / "0" is 537.60). A long table (基础数据表, 自评表) breaks at the
page end and goes on at the top of the next page, sometimes under a repeated header row. The
pieces are one table when the second starts its page, the first ends its page, and both have
the same outline with column edges one's a subset of the other's (a label column split off
below the header is still the same table): a different table would be ruled differently. The
joined table's grid is the union of the pieces' column edges.

A row Word or LibreOffice broke over the page is one row again (``pdf_split_rows``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ingestion.documents.model import GridSlot
from ingestion.documents.pdf_grid import GridCell, RuledTable
from ingestion.documents.pdf_lines import text_lines
from ingestion.documents.pdf_split_rows import Bounds, is_rest_of, merge_rest
from ingestion.documents.pdf_text import join_wrapped, tidy_spacing

# Points two column edges may differ by and still be the same ruling (rounding of the drawing).
_EDGE_TOLERANCE = 2.0


@dataclass(frozen=True, slots=True)
class PageTable:
    rows: list[list[str]]
    bounds: list[list[Bounds]]
    covered: list[list[bool]]  # the empty entries a cell merged down from above stands for
    column_edges: tuple[float, ...]

    def grid(self) -> list[list[GridSlot]]:
        """Each cell's (first column, columns spanned) in the grid of ``column_edges``."""
        edges = self.column_edges

        def nearest(x: float) -> int:
            return min(range(len(edges)), key=lambda i: abs(edges[i] - x))

        return [[(nearest(x0), max(1, nearest(x1) - nearest(x0))) for x0, x1 in row] for row in self.bounds]


def cell_text(cell: GridCell) -> str:
    """The cell's lines, top to bottom, joined as the wrapped text they are."""
    return tidy_spacing(join_wrapped([line.text for line in text_lines(cell.chars)]))


def read_table(table: RuledTable) -> PageTable:
    """A table whose characters ``pdf_grid.place_chars`` has placed, as rows of cell texts."""
    rows: list[list[str]] = [[] for _ in table.ys[:-1]]
    bounds: list[list[Bounds]] = [[] for _ in table.ys[:-1]]
    covered: list[list[bool]] = [[] for _ in table.ys[:-1]]
    for cell in table.cells:  # by row, then column
        x0, x1 = table.xs[cell.col], table.xs[cell.col + cell.cols]
        for row in range(cell.row, cell.row + cell.rows):
            rows[row].append(cell_text(cell) if row == cell.row else "")
            bounds[row].append((x0, x1))
            covered[row].append(row != cell.row)
    for texts, extents, merged in zip(rows, bounds, covered, strict=True):
        order = sorted(range(len(extents)), key=lambda i: extents[i][0])
        texts[:] = [texts[i] for i in order]
        extents[:] = [extents[i] for i in order]
        merged[:] = [merged[i] for i in order]
    return PageTable(rows, bounds, covered, tuple(table.xs))


def _same_edge(a: float, b: float) -> bool:
    return abs(a - b) <= _EDGE_TOLERANCE


def _within(edges: tuple[float, ...], others: tuple[float, ...]) -> bool:
    return all(any(_same_edge(edge, other) for other in others) for edge in edges)


def continues(previous: PageTable, following: PageTable) -> bool:
    """Whether ``following`` (at the top of a page) goes on with ``previous`` (ending the page before)."""
    before, after = previous.column_edges, following.column_edges
    same_outline = _same_edge(before[0], after[0]) and _same_edge(before[-1], after[-1])
    return same_outline and (_within(before, after) or _within(after, before))


def _union(before: tuple[float, ...], after: tuple[float, ...]) -> tuple[float, ...]:
    return before + tuple(edge for edge in after if not any(_same_edge(edge, b) for b in before))


def join(previous: PageTable, following: PageTable) -> PageTable:
    """The two pieces as one table; a header row repeated on the next page is read once, a row
    broken over the page is one row again."""
    rows, bounds, covered = following.rows, following.bounds, following.covered
    if rows and previous.rows and rows[0] == previous.rows[0]:
        rows, bounds, covered = rows[1:], bounds[1:], covered[1:]
    head = [list(row) for row in previous.rows]
    if (
        rows
        and head
        and _same_cells(bounds[0], previous.bounds[-1])
        and is_rest_of(rows[0], head[-1], previous.covered[-1])
    ):
        merge_rest(head, previous.bounds, previous.covered, rows[0])
        rows, bounds, covered = rows[1:], bounds[1:], covered[1:]
    edges = tuple(sorted(_union(previous.column_edges, following.column_edges)))
    return PageTable(head + rows, previous.bounds + bounds, previous.covered + covered, edges)


def _same_cells(row: list[Bounds], other: list[Bounds]) -> bool:
    return len(row) == len(other) and all(
        _same_edge(a[0], b[0]) and _same_edge(a[1], b[1]) for a, b in zip(row, other, strict=True)
    )
