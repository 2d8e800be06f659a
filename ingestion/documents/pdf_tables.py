"""Ruled PDF tables: cell texts by row, and one table rejoined from its pieces across pages.

A long table (基础数据表, 自评表) breaks at the page end and goes on at the top of the next
page, sometimes under a repeated header row. The pieces are one table when the second starts
its page, the first ends its page, and both have the same column edges: a different table
would be ruled differently. A spanned cell is read once: its text in its first row, an empty
cell in the rows it covers below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ingestion.documents.pdf_text import tidy_spacing
from ingestion.documents.textjoin import join_fragments

_ROW_TOLERANCE = 1.0
# Points two column edges may differ by and still be the same ruling (rounding of the drawing).
_EDGE_TOLERANCE = 2.0


@dataclass(frozen=True, slots=True)
class PageTable:
    rows: list[list[str]]
    column_edges: tuple[float, ...]


def _rows(page: Any, table: Any) -> list[list[str]]:
    cells = sorted(set(table.cells), key=lambda bbox: (bbox[1], bbox[0]))
    row_tops = sorted({row.bbox[1] for row in table.rows})
    rows = []
    for top in row_tops:
        row = []
        for x0, cell_top, x1, bottom in sorted(
            (c for c in cells if c[1] <= top + _ROW_TOLERANCE and c[3] > top + _ROW_TOLERANCE),
            key=lambda bbox: bbox[0],
        ):
            if abs(cell_top - top) > _ROW_TOLERANCE:
                row.append("")  # covered by a cell spanning down from an earlier row
                continue
            text = page.crop((x0, cell_top, x1, bottom)).extract_text() or ""
            row.append(tidy_spacing(join_fragments(text.split("\n"))))
        rows.append(row)
    return rows


def read_table(page: Any, table: Any) -> PageTable:
    """One pdfplumber table of ``page`` as rows of cell texts, with its column edges."""
    edges = sorted({column.bbox[0] for column in table.columns} | {table.bbox[2]})
    return PageTable(rows=_rows(page, table), column_edges=tuple(edges))


def continues(previous: PageTable, following: PageTable) -> bool:
    """Whether ``following`` (at the top of a page) goes on with ``previous`` (ending the page before)."""
    if len(previous.column_edges) != len(following.column_edges):
        return False
    pairs = zip(previous.column_edges, following.column_edges, strict=True)
    return all(abs(a - b) <= _EDGE_TOLERANCE for a, b in pairs)


def join(previous: PageTable, following: PageTable) -> PageTable:
    """The two pieces as one table; a header row repeated on the next page is read once."""
    rows = following.rows
    if rows and previous.rows and rows[0] == previous.rows[0]:
        rows = rows[1:]
    return PageTable(rows=previous.rows + rows, column_edges=previous.column_edges)
