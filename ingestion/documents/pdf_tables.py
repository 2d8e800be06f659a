"""Ruled PDF tables: cell texts by row with their grid places, and one table from its page pieces.

A spanned cell is read once: its text in its first row, an empty cell (at the same grid
columns) in the rows it covers below. A cell's lines are wrapped text, joined as such (a
number wrapped as "532.2" / "5" is 532.25). A long table (基础数据表, 自评表) breaks at the
page end and goes on at the top of the next page, sometimes under a repeated header row. The
pieces are one table when the second starts its page, the first ends its page, and both have
the same column edges: a different table would be ruled differently.

Word and LibreOffice also break a row across the page ("年初预" / "算数"). The first row of
the next piece is taken for the rest of the row above when it has the same cells, writes only
under cells that wrote above, leaves some of those empty (they were complete), and holds no
digit: a new row of a form states figures, while a header or label cut in two does not. A row
cut inside a figure cell is therefore left as two rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingestion.documents.model import GridSlot
from ingestion.documents.pdf_grid import GridCell, RuledTable
from ingestion.documents.pdf_lines import text_lines
from ingestion.documents.pdf_text import join_wrapped, tidy_spacing

# Points two column edges may differ by and still be the same ruling (rounding of the drawing).
_EDGE_TOLERANCE = 2.0


@dataclass(frozen=True, slots=True)
class PageTable:
    rows: list[list[str]]
    grid: list[list[GridSlot]]
    column_edges: tuple[float, ...]


def cell_text(cell: GridCell) -> str:
    """The cell's lines, top to bottom, joined as the wrapped text they are."""
    return tidy_spacing(join_wrapped([line.text for line in text_lines(cell.chars)]))


def read_table(table: RuledTable) -> PageTable:
    """A table whose characters ``pdf_grid.place_chars`` has placed, as rows of cell texts."""
    rows: list[list[str]] = [[] for _ in table.ys[:-1]]
    grid: list[list[GridSlot]] = [[] for _ in table.ys[:-1]]
    for cell in table.cells:  # by row, then column: each row's cells come left to right
        rows[cell.row].append(cell_text(cell))
        grid[cell.row].append((cell.col, cell.cols))
        for below in range(cell.row + 1, cell.row + cell.rows):
            rows[below].append("")
            grid[below].append((cell.col, cell.cols))
    for row, slots in zip(rows, grid, strict=True):
        order = sorted(range(len(slots)), key=lambda i: slots[i][0])
        row[:] = [row[i] for i in order]
        slots[:] = [slots[i] for i in order]
    return PageTable(rows, grid, tuple(table.xs))


def continues(previous: PageTable, following: PageTable) -> bool:
    """Whether ``following`` (at the top of a page) goes on with ``previous`` (ending the page before)."""
    if len(previous.column_edges) != len(following.column_edges):
        return False
    pairs = zip(previous.column_edges, following.column_edges, strict=True)
    return all(abs(a - b) <= _EDGE_TOLERANCE for a, b in pairs)


def _is_rest_of(first: list[str], last: list[str]) -> bool:
    """Whether ``first`` (a piece's first row) is the rest of ``last``, a row the page cut."""
    if not any(first) or any(char.isdigit() for text in first for char in text):
        return False
    writes_below_writing = all(not below or above for above, below in zip(last, first, strict=True))
    some_complete = any(above and not below for above, below in zip(last, first, strict=True))
    return writes_below_writing and some_complete


def join(previous: PageTable, following: PageTable) -> PageTable:
    """The two pieces as one table; a header row repeated on the next page is read once, a row
    broken over the page is one row again."""
    rows, grid = following.rows, following.grid
    if rows and previous.rows and rows[0] == previous.rows[0]:
        rows, grid = rows[1:], grid[1:]
    head_rows, head_grid = previous.rows, previous.grid
    if rows and head_rows and grid[0] == head_grid[-1] and _is_rest_of(rows[0], head_rows[-1]):
        whole = [join_wrapped([above, below]) for above, below in zip(head_rows[-1], rows[0], strict=True)]
        head_rows = [*head_rows[:-1], whole]
        rows, grid = rows[1:], grid[1:]
    return PageTable(head_rows + rows, head_grid + grid, previous.column_edges)
