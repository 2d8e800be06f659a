"""Reading a stream of cells, a form whose row breaks were lost: what a cell says (a figure, a
score, the 合计 row's label, header words), the header words and level cells split over two cells
joined again, and the run of figures after a label. The table readers (``stream_budget``,
``stream_indicators``, ``stream_basic_data``) build on these; ``cell_stream`` runs them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.budget_execution import MONEY_COLUMNS, SCORE_COLUMNS
from ingestion.parsing.tables.cells import LEVEL_END, compact
from ingestion.parsing.tables.indicator_total import TOTAL_LABELS
from ingestion.parsing.tables.indicators import COLUMNS

# None in a stream is a barrier (a line that is no cell): nothing is read across it.
Stream = Sequence[Cell | None]

BUDGET_WORDS = tuple(word for words in (*MONEY_COLUMNS.values(), *SCORE_COLUMNS.values()) for word in words)
INDICATOR_WORDS = tuple(word for words in COLUMNS.values() for word in words)
NAME_WORDS = COLUMNS["name"]
_HEADER_WORDS = (*BUDGET_WORDS, *INDICATOR_WORDS)
# A figure and nothing else: 10, 9.5分, 100%, ≥95%, =12.
_FIGURE = re.compile(r"^[<>≤≥=＜＞]?-?\d+(?:\.\d+)?(?:%|分|万元)?$")
_BARE = re.compile(r"^-?\d+(?:\.\d+)?分?$")
# Both halves of a split header word are short (年初 / 预算数, 实际 / 完成值).
MAX_FRAGMENT = 3
# A level cell's points note may stand apart: (40), 20分).
_POINTS_ONLY = re.compile(r"^(?:[(（]\d+(?:\.\d+)?分?[)）]?|\d+(?:\.\d+)?分[)）])$")


def cell_words(cell: Cell | None) -> str:
    return compact(cell.text).rstrip(":：") if cell is not None else ""


def has_words(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def is_figure(cell: Cell) -> bool:
    text = compact(cell.text)
    return not text or _FIGURE.match(text) is not None


def is_score(cell: Cell | None) -> bool:
    return cell is not None and (not cell.text.strip() or _BARE.match(compact(cell.text)) is not None)


def is_total(cell: Cell | None) -> bool:
    return cell_words(cell) in TOTAL_LABELS


def blank_cell(at: int) -> Cell:
    return Cell("", at, at)


def _level_fragment(head: str, after: Cell) -> bool:
    """A level cell broken over two cells: 数量 / 指标, 经济效 / 益指标, or 产出指标 / (40) (its
    points note on a cell of its own)."""
    tail = cell_words(after)
    if head.endswith(LEVEL_END):
        return _POINTS_ONLY.match(tail) is not None
    return (
        len(head) <= MAX_FRAGMENT
        and tail.endswith(LEVEL_END)
        and len(tail) <= MAX_FRAGMENT
        and not any(c.isdigit() for c in head)
    )


def merge_fragments(stream: Stream) -> list[Cell | None]:
    """Header words split over two cells (年初 / 预算数, 实际 / 完成值) joined into one cell, and
    level cells split so (``_level_fragment``)."""
    merged: list[Cell | None] = []
    i = 0
    while i < len(stream):
        cell, after = stream[i], stream[i + 1] if i + 1 < len(stream) else None
        if cell is not None and after is not None:
            head = cell_words(cell)
            if (
                0 < len(head) <= MAX_FRAGMENT
                and len(cell_words(after)) <= MAX_FRAGMENT
                and not has_words(head, _HEADER_WORDS)
                and not any(c.isdigit() for c in head)
                and has_words(head + cell_words(after), _HEADER_WORDS)
            ) or (head and _level_fragment(head, after)):
                merged.append(Cell(f"{cell.text.strip()}{after.text.strip()}", cell.start, after.end))
                i += 2
                continue
        merged.append(cell)
        i += 1
    return merged


@dataclass(frozen=True, slots=True)
class Found:
    """A table rebuilt from the cells of a stream; ``first``/``end`` index the stream, ``start``/``stop``
    are the document offsets of the first and past the last cell it consumed."""

    first: int
    end: int
    table: Table
    start: int = 0
    stop: int = 0


def figures_from(stream: list[Cell | None], at: int, most: int) -> list[Cell]:
    """The figure cells from ``at`` on, at most ``most`` of them."""
    figures: list[Cell] = []
    while at < len(stream) and len(figures) < most and (cell := stream[at]) is not None and is_figure(cell):
        figures.append(cell)
        at += 1
    return figures
