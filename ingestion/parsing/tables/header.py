"""Recognise a table's header rows by their words; the header's columns and where they stand.

A column is found by what its header says, never by its position. When the reader saw the
table's grid, each label also keeps the grid columns it spans (``Header.slots``), so data rows
are lined up with it by grid place (``align.py``); a header over two rows (预算金额 over 指标总额 |
其中：区级资金) gives one label per column of the lower row, under the upper cell covering it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ingestion.documents.model import Cell, GridSlot, Table
from ingestion.parsing.tables.cells import compact

Row = Sequence[Cell]


@dataclass(frozen=True, slots=True)
class Header:
    """Column labels (compacted, sub-header words appended) and where the header ends."""

    labels: tuple[str, ...]
    last_row: int
    # Each label's (first grid column, columns spanned), when the reader saw the grid.
    slots: tuple[GridSlot, ...] | None = None

    @property
    def width(self) -> int:
        return len(self.labels)

    def column(self, keywords: Iterable[str], avoid: Iterable[str] = ()) -> int | None:
        """The first column whose label holds one of ``keywords`` and none of ``avoid``."""
        keywords, avoid = tuple(keywords), tuple(avoid)
        for index, label in enumerate(self.labels):
            if any(k in label for k in keywords) and not any(a in label for a in avoid):
                return index
        return None

    def columns(self, spec: dict[str, tuple[str, ...]]) -> dict[str, int]:
        """Each field of ``spec`` mapped to its column; a column serves the first field that claims it."""
        found: dict[str, int] = {}
        taken: set[int] = set()
        for field, keywords in spec.items():
            for index, label in enumerate(self.labels):
                if index not in taken and any(k in label for k in keywords):
                    found[field] = index
                    taken.add(index)
                    break
        return found


def row_words(row: Row) -> list[str]:
    return [compact(cell.text) for cell in row]


# Rows (tuples, immutable) by id -> (the row, its joined words). Each table is searched for every
# kind of header, so a row is asked about a dozen times; holding the row keeps its id unique.
_JOINED: dict[int, tuple[Row, str]] = {}
_MAX_JOINED = 4096


def _joined_words(row: Row) -> str:
    # Joined on a character no keyword holds, so a keyword is found within one cell, never across two.
    if type(row) is not tuple:
        return "\x00".join(row_words(row))
    cached = _JOINED.get(id(row))
    if cached is not None and cached[0] is row:
        return cached[1]
    if len(_JOINED) >= _MAX_JOINED:
        _JOINED.clear()
    joined = "\x00".join(row_words(row))
    _JOINED[id(row)] = (row, joined)
    return joined


def row_has(row: Row, *required: tuple[str, ...]) -> bool:
    """Whether the row has, for every group in ``required``, a cell holding one of its words."""
    joined = _joined_words(row)
    for group in required:
        for keyword in group:
            if keyword in joined:
                break
        else:
            return False
    return True


def find_rows(table: Table, *required: tuple[str, ...]) -> list[int]:
    """Indexes of the rows that ``row_has`` all of ``required``."""
    return [index for index, row in enumerate(table.rows) if row_has(row, *required)]


def _spread(parent: list[str], width: int, leading_own: int) -> list[str]:
    """Parent labels stretched over ``width`` child columns: the first ``leading_own`` one to one,
    the rest sharing the remaining columns evenly (a merged 预算金额 over 指标总额 | 其中：区级资金)."""
    if len(parent) >= width:
        return parent[:width]
    rest_parents = parent[leading_own:]
    rest_width = width - leading_own
    if not rest_parents or rest_width % len(rest_parents):
        return parent + [""] * (width - len(parent))
    span = rest_width // len(rest_parents)
    return parent[:leading_own] + [label for label in rest_parents for _ in range(span)]


def row_slots(row: Row) -> tuple[GridSlot, ...] | None:
    """The row's grid places, or None when the reader did not see the grid."""
    slots = tuple((cell.col, cell.cols) for cell in row if cell.col is not None)
    return slots if len(slots) == len(row) else None


def _grid_header(top: Row, below: Row, last_row: int) -> Header | None:
    """Labels per column of the lower row under the upper cell covering it; None without a grid."""
    top_slots, below_slots = row_slots(top), row_slots(below)
    if top_slots is None or below_slots is None:
        return None
    columns: list[tuple[GridSlot, str]] = []
    for (first, width), parent in zip(top_slots, row_words(top), strict=True):
        children = [
            (slot, word)
            for slot, word in zip(below_slots, row_words(below), strict=True)
            if first <= slot[0] < first + width
        ]
        if not any(word for _, word in children):
            columns.append(((first, width), parent))
            continue
        columns += [(slot, parent if word in ("", parent) else f"{parent}/{word}") for slot, word in children]
    below_only = [(slot, word) for slot, word in zip(below_slots, row_words(below), strict=True)
                  if not any(first <= slot[0] < first + width for first, width in top_slots)]  # fmt: skip
    columns = sorted(columns + below_only)
    return Header(tuple(label for _, label in columns), last_row, tuple(slot for slot, _ in columns))


def build_header(table: Table, first: int, sub_header: bool, grid: bool = True) -> Header:
    """The header starting at row ``first``; with ``sub_header`` the next row refines its labels.
    ``grid=False`` reads it as if the reader had not seen the grid (labels by position only)."""
    top = row_words(table.rows[first])
    if not sub_header or first + 1 >= len(table.rows):
        return Header(tuple(top), first, row_slots(table.rows[first]) if grid else None)
    gridded = _grid_header(table.rows[first], table.rows[first + 1], first + 1) if grid else None
    if gridded is not None:
        return gridded
    below = row_words(table.rows[first + 1])
    width = max(len(top), len(below))
    leading_own = next((i for i, word in enumerate(below) if word), len(below))
    parents = _spread(top, width, min(leading_own, len(top)))
    children = below + [""] * (width - len(below))
    labels = tuple(p if c in ("", p) else f"{p}/{c}" for p, c in zip(parents, children, strict=True))
    return Header(labels, first + 1)


def label_and_figures(row: Row) -> tuple[Cell | None, list[Cell]]:
    """A summary row (合计, 总分) read loosely: its first non-blank cell and the non-blank cells after it."""
    filled = [cell for cell in row if cell.text.strip()]
    if not filled:
        return None, []
    return filled[0], filled[1:]
