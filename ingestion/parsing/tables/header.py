"""Recognise a table's header rows by their words and line data rows up with the header's columns.

Real tables differ in how a reader renders merged cells: repeated across the span (python-docx),
left empty, or omitted (HTML rowspan). Some portals add an empty leading column to every data row.
So a column is found by what its header says, and a data row is aligned to the header's width:
extra leading blank cells are dropped, and a short row is aligned to the right, because the cells a
merged span omits are the leading level/label cells, not the figures at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.cells import compact

Row = Sequence[Cell]
_FIGURE = re.compile(r"\d")
_BARE_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?分?$")


@dataclass(frozen=True, slots=True)
class Header:
    """Column labels (compacted, sub-header words appended) and where the header ends."""

    labels: tuple[str, ...]
    last_row: int

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


def build_header(table: Table, first: int, sub_header: bool) -> Header:
    """The header starting at row ``first``; with ``sub_header`` the next row refines its labels."""
    top = row_words(table.rows[first])
    if not sub_header or first + 1 >= len(table.rows):
        return Header(tuple(top), first)
    below = row_words(table.rows[first + 1])
    width = max(len(top), len(below))
    leading_own = next((i for i, word in enumerate(below) if word), len(below))
    parents = _spread(top, width, min(leading_own, len(top)))
    children = below + [""] * (width - len(below))
    labels = tuple(p if c in ("", p) else f"{p}/{c}" for p, c in zip(parents, children, strict=True))
    return Header(labels, first + 1)


def _placements(row: Row, width: int) -> list[list[Cell | None]]:
    """Ways to put the row under ``width`` columns, the usual one first: aligned to the right,
    then to the left, then shifted in between (a row missing both a merged leading cell and an
    empty trailing one, as rows split on spaces are)."""
    cells: list[Cell | None] = list(row)
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


def align(
    row: Row, width: int, figure_columns: Iterable[int] = (), text_columns: Iterable[int] = ()
) -> list[Cell | None]:
    """The row's cells placed under a header of ``width`` columns (None where a merged cell is missing).

    A row wider or narrower than the header could be shifted either way (a repeated merged label
    column on the left, or a padded cell on the right); the placement that puts the most figures
    (bare numbers first) under ``figure_columns`` and words under ``text_columns`` wins, the
    right-aligned one on a tie.
    """
    wanted, words = tuple(figure_columns), tuple(text_columns)
    placements = _placements(row, width)
    if len(placements) == 1:
        return placements[0]

    def fit(cells: list[Cell | None]) -> int:
        texts = sum(1 for i in words if (cell := cells[i]) is not None and _is_words(cell))
        return sum(_figure_weight(cells[i]) for i in wanted) + texts

    return max(placements, key=fit)


def _is_words(cell: Cell) -> bool:
    text = compact(cell.text)
    return bool(text) and not _FIGURE.search(text) and len(text) > 1


def label_and_figures(row: Row) -> tuple[Cell | None, list[Cell]]:
    """A summary row (合计, 总分) read loosely: its first non-blank cell and the non-blank cells after it."""
    filled = [cell for cell in row if cell.text.strip()]
    if not filled:
        return None, []
    return filled[0], filled[1:]
