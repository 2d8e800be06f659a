"""An indicator table in a stream of cells: its header from the level columns to the 得分 column
(a note header may be broken over cells), then each row: its level cells, the fixed run of cells
from the 三级指标 to the 得分 column (weight and score must be numbers or blank), then the trailing
note cells unless the next cell starts a row of its own. Reading stops at the 合计/总分 row or at
the first cells that fit no row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.cells import LEVEL_END, strip_points_note
from ingestion.parsing.tables.indicators import COLUMNS
from ingestion.parsing.tables.stream_cells import (
    INDICATOR_WORDS,
    MAX_FRAGMENT,
    NAME_WORDS,
    Found,
    blank_cell,
    cell_words,
    has_words,
    is_figure,
    is_score,
    is_total,
)

_LEVEL_WORDS = (*COLUMNS["level1"], *COLUMNS["level2"])
# A template's placeholder row (……) left unfilled.
_PLACEHOLDER = re.compile(r"^\s*[.…。·]{2,}\s*$")


@dataclass(frozen=True, slots=True)
class _Layout:
    """An indicator header: its width, the 三级指标 column, the 得分 column and 分值 column."""

    width: int
    name: int
    score: int
    weight: int | None


def _indicator_header(stream: list[Cell | None], anchor: int, floor: int) -> tuple[int, int, _Layout] | None:
    first = anchor
    while first - 1 >= floor and has_words(cell_words(stream[first - 1]), _LEVEL_WORDS):
        first -= 1
    end = anchor + 1
    while end < len(stream) and has_words(cell_words(stream[end]), INDICATOR_WORDS):
        end += 1
    labels = [cell_words(cell) for cell in stream[first:end]]
    end += _note_tail(stream, end)
    score = next((i for i, label in enumerate(labels) if has_words(label, COLUMNS["score"])), None)
    if score is None or score < anchor - first:
        return None
    weight = next((i for i, label in enumerate(labels) if has_words(label, COLUMNS["weight"])), None)
    return first, end, _Layout(len(labels), anchor - first, score, weight)


def _note_tail(stream: list[Cell | None], at: int) -> int:
    """How many cells from ``at`` carry on the header's last cell, a note header broken over
    lines (偏差原因 / 分析及 / 改进措施): up to and including the next cell naming a note."""
    for count in range(1, MAX_FRAGMENT + 1):
        if at + count > len(stream) or any(c is None or is_figure(c) for c in stream[at : at + count]):
            return 0
        cell = stream[at + count - 1]
        if has_words(cell_words(cell), COLUMNS["note"]) and not has_words(cell_words(cell), NAME_WORDS):
            return count
        if len(cell_words(cell)) > MAX_FRAGMENT:
            return 0
    return 0


def _row_at(stream: list[Cell | None], at: int, layout: _Layout) -> tuple[list[Cell], int] | None:
    """The level and name…score cells of an indicator row starting at ``at``, and where they end."""
    block = layout.score - layout.name + 1
    levels = 0
    while (
        levels < layout.name
        and at + levels < len(stream)
        and strip_points_note(cell_words(stream[at + levels])).endswith(LEVEL_END)
    ):
        levels += 1
    for count in dict.fromkeys((levels, *range(layout.name, -1, -1))):
        cells = stream[at : at + count + block]
        if len(cells) < count + block or any(cell is None or is_total(cell) for cell in cells):
            continue
        name = cells[count]
        assert name is not None
        level_cells = [c for c in cells[:count] if c is not None and c.text.strip()]
        if not name.text.strip() or is_figure(name) or any(is_figure(c) for c in level_cells):
            continue
        weight_ok = layout.weight is None or is_score(cells[count + layout.weight - layout.name])
        if weight_ok and is_score(cells[-1]):
            return [c for c in cells if c is not None], at + count + block
    return None


def _indicator_rows(
    stream: list[Cell | None], at: int, layout: _Layout
) -> tuple[list[tuple[Cell, ...]], int]:
    rows: list[tuple[Cell, ...]] = []
    while at < len(stream) and (cell := stream[at]) is not None:
        if is_total(cell):
            total = [cell]
            at += 1
            while at < len(stream) and len(total) < layout.width and (c := stream[at]) and is_figure(c):
                total.append(c)
                at += 1
            rows.append(tuple(total))
            break
        if _PLACEHOLDER.match(cell.text):
            at += 1  # a placeholder row (……) whose blank cells were lost: no row, no level
            continue
        found = _row_at(stream, at, layout)
        if found is None:
            break
        cells, at = found
        levels = len(cells) - (layout.score - layout.name + 1)
        row = [blank_cell(cells[0].start)] * (layout.name - levels) + cells
        while len(row) < layout.width and at < len(stream) and (note := stream[at]) is not None:
            if (
                is_total(note)
                or _PLACEHOLDER.match(note.text)
                or (note.text.strip() and _row_at(stream, at, layout) is not None)
            ):
                break  # the next row begins: this row's note cell was blank and lost
            row.append(note)
            at += 1
        row += [blank_cell(row[-1].end)] * (layout.width - len(row))
        rows.append(tuple(row))
    return rows, at


def indicator_table(stream: list[Cell | None], anchor: int, floor: int) -> Found | None:
    header = _indicator_header(stream, anchor, floor)
    if header is None:
        return None
    first, data, layout = header
    rows, end = _indicator_rows(stream, data, layout)
    if not rows:
        return None
    header_row = tuple(cell for cell in stream[first : first + layout.width] if cell is not None)
    if first + layout.width < data:  # the note header's later lines (分析及 / 改进措施) close its cell
        last, tail = header_row[-1], stream[data - 1]
        assert tail is not None
        header_row = (*header_row[:-1], Cell(last.text, last.start, tail.end))
    table = Table(rows=(header_row, *rows), start=header_row[0].start, end=rows[-1][-1].end)
    return Found(first, end, table)
