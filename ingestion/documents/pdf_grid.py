"""Ruled tables on a page: cells from the rulings, then each character put in its one cell.

Cells are found as pdfplumber's ``lines`` strategy finds them (edges snapped and joined, their
crossings, the smallest rectangles those crossings close), from the edges ``pdf_page`` reads.
The cells' edges give the table's grid, so every cell knows its grid row and column and how
many of each it spans. Characters are then placed in one pass, each by the middle of its
body: a glyph whose box pokes over a ruling (large CJK fonts in tight rows do) still belongs
to one cell only, so neighbouring rows never run together.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
from pdfplumber.utils.geometry import filter_edges

from ingestion.documents.pdf_page import Char, Edge

# pdfplumber's defaults for the lines strategy (points).
_SNAP = 3.0
_JOIN = 3.0
_MIN_EDGE = 3.0
_INTERSECTION = 3.0
# Cell edges closer than this (points) are one grid line.
_GRID_TOLERANCE = 1.0

BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class GridCell:
    row: int
    col: int
    rows: int
    cols: int
    bbox: BBox
    chars: list[Char] = field(default_factory=list)


@dataclass(slots=True)
class RuledTable:
    bbox: BBox
    xs: list[float]  # the grid's column edges, left to right
    ys: list[float]  # the grid's row edges, top to bottom
    cells: list[GridCell]  # in reading order: by row, then column
    _slots: dict[tuple[int, int], GridCell] = field(default_factory=dict)

    def cell_at(self, x: float, y: float) -> GridCell | None:
        col = bisect_right(self.xs, x) - 1
        row = bisect_right(self.ys, y) - 1
        return self._slots.get((row, col))


def _grid_lines(values: list[float]) -> list[float]:
    lines: list[float] = []
    for value in sorted(values):
        if not lines or value - lines[-1] > _GRID_TOLERANCE:
            lines.append(value)
    return lines


def _index(lines: list[float], value: float) -> int:
    return min(range(len(lines)), key=lambda i: abs(lines[i] - value))


def _ruled_table(boxes: list[BBox]) -> RuledTable:
    xs = _grid_lines([x for box in boxes for x in (box[0], box[2])])
    ys = _grid_lines([y for box in boxes for y in (box[1], box[3])])
    cells = []
    for box in boxes:
        col, row = _index(xs, box[0]), _index(ys, box[1])
        cols, rows = max(1, _index(xs, box[2]) - col), max(1, _index(ys, box[3]) - row)
        cells.append(GridCell(row, col, rows, cols, box))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    slots = {
        (row, col): cell
        for cell in cells
        for row in range(cell.row, cell.row + cell.rows)
        for col in range(cell.col, cell.col + cell.cols)
    }
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return RuledTable(bbox, xs, ys, cells, slots)


def find_tables(edges: list[Edge]) -> list[RuledTable]:
    """The page's ruled tables, top to bottom."""
    if not edges:
        return []
    merged = merge_edges(edges, _SNAP, _SNAP, _JOIN, _JOIN)
    merged = filter_edges(merged, min_length=_MIN_EDGE)
    cells = intersections_to_cells(edges_to_intersections(merged, _INTERSECTION, _INTERSECTION))
    return [_ruled_table(boxes) for boxes in cells_to_tables(cells)]


def place_chars(tables: list[RuledTable], chars: list[Char]) -> list[Char]:
    """Put each character whose centre lies in a table into its cell; return the others.

    A character inside a table's outline but in no cell (a gap in an irregular ruling) is
    neither table nor running text and is left out, as pdfplumber's table reading did.
    """
    outside = []
    for char in chars:
        x, y = (char.x0 + char.x1) / 2, char.middle
        for table in tables:
            x0, top, x1, bottom = table.bbox
            if x0 <= x <= x1 and top <= y <= bottom:
                cell = table.cell_at(x, y)
                if cell is not None:
                    cell.chars.append(char)
                break
        else:
            outside.append(char)
    return outside
