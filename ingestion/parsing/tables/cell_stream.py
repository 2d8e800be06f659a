"""A 自评表 whose row breaks were lost: its cells come one after another, with nothing between rows.

Portals export the form one cell per line (``年初预算 |`` … ``88.40 |``, a blank cell as ``|``),
one cell per paragraph with headers split over cells (``年初`` / ``预算数``), or flattened onto one
line of space-separated cells. The rows are rebuilt from what the cells say, never from a fixed
width: the budget-execution row is the figures after its label (年度资金总额; a figure may be
written with its 万元) read under the header words just before it (or, the label left out, as many
bare figures right after those header words), with the cells stating the
funds' make-up after it (其中：基本支出：900.47), one row each; a basic-data block is the header
cells from 编制数 on and as many figures after them, its money section the year columns after
经费控制情况 and each row's label with as many figures; an indicator row is its level
cells, then the fixed run of cells from the 三级指标 to the 得分 column (weight and score must be
numbers or blank), then the trailing note cells unless the next cell starts a row of its own.
Reading stops at the 合计/总分 row or at the first cells that fit no row. What comes out are
ordinary ``Table``s, read by the same extractors as any other table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.budget_execution import (
    APPROPRIATION_ROW,
    MONEY_COLUMNS,
    ROW_LABELS,
    SCORE_COLUMNS,
)
from ingestion.parsing.tables.cells import LEVEL_END, compact, strip_points_note
from ingestion.parsing.tables.indicator_total import TOTAL_LABELS
from ingestion.parsing.tables.indicators import COLUMNS

# None in a stream is a barrier (a line that is no cell): nothing is read across it.
Stream = Sequence[Cell | None]

_BUDGET_WORDS = tuple(word for words in (*MONEY_COLUMNS.values(), *SCORE_COLUMNS.values()) for word in words)
INDICATOR_WORDS = tuple(word for words in COLUMNS.values() for word in words)
_INDICATOR_WORDS = INDICATOR_WORDS
_NAME_WORDS = COLUMNS["name"]
_LEVEL_WORDS = (*COLUMNS["level1"], *COLUMNS["level2"])
_HEADER_WORDS = (*_BUDGET_WORDS, *_INDICATOR_WORDS)
# A figure and nothing else: 10, 9.5分, 100%, ≥95%, =12.
_FIGURE = re.compile(r"^[<>≤≥=＜＞]?-?\d+(?:\.\d+)?(?:%|分|万元)?$")
_BARE = re.compile(r"^-?\d+(?:\.\d+)?分?$")
# Both halves of a split header word are short (年初 / 预算数, 实际 / 完成值).
_MAX_FRAGMENT = 3
# A level cell's points note may stand apart: (40), 20分).
# A template's placeholder row (……) left unfilled.
_PLACEHOLDER = re.compile(r"^\s*[.…。·]{2,}\s*$")
_POINTS_ONLY = re.compile(r"^(?:[(（]\d+(?:\.\d+)?分?[)）]?|\d+(?:\.\d+)?分[)）])$")
# A cell stating a part of the funds: 其中：基本支出：900.47, 按收入性质分：2030.12, 其他资金：.
_STATED_CELL = re.compile(r"^(?:其中[:：]\s*)?[\u4e00-\u9fff（）()、]{2,20}[:：]\s*(?:-?[\d,]+(?:\.\d+)?)?$")
_MAX_STATED_ROWS = 12
# A basic-data block of staff counts: 编制数, then the actual headcount (实际在职人数 ...).
_STAFF_HEADER = "编制数"
_STAFF_WORDS = ("在职人数", "实有人数", "实际人数")
_MAX_COUNT_COLUMNS = 4
# A budget header whose figures follow it with no row label: it names a budget's stage.
_STAGE_WORDS = ("年初预算", "全年预算", "调整后预算")
_MIN_HEADED = 3
# A basic-data block's money section (经费控制情况（万元）) and the year columns after it.
_COST_HEADER = "经费控制"
_COST_COLUMN = re.compile(r"^(?:(?:19|20)\d{2}年|上年|本年|当年)?(?:度)?(?:决算|预算)数?$")
_COST_STOP_WORDS = ("楼堂馆所", "厉行节约", "财政供养", "编制数", "说明")
_MAX_COST_ROWS = 40
_MAX_COST_LABEL = 30
# How far before its label the budget header may end (a 原因 column, a unit cell between).
_BUDGET_HEADER_REACH = 16


def _words(cell: Cell | None) -> str:
    return compact(cell.text).rstrip(":：") if cell is not None else ""


def has_words(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


_has = has_words


def _is_figure(cell: Cell) -> bool:
    text = compact(cell.text)
    return not text or _FIGURE.match(text) is not None


def _is_score(cell: Cell | None) -> bool:
    return cell is not None and (not cell.text.strip() or _BARE.match(compact(cell.text)) is not None)


def _is_total(cell: Cell | None) -> bool:
    return _words(cell) in TOTAL_LABELS


def _blank(at: int) -> Cell:
    return Cell("", at, at)


def _level_fragment(head: str, after: Cell) -> bool:
    """A level cell broken over two cells: 数量 / 指标, 经济效 / 益指标, or 产出指标 / (40) (its
    points note on a cell of its own)."""
    tail = _words(after)
    if head.endswith(LEVEL_END):
        return _POINTS_ONLY.match(tail) is not None
    return (
        len(head) <= _MAX_FRAGMENT
        and tail.endswith(LEVEL_END)
        and len(tail) <= _MAX_FRAGMENT
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
            head = _words(cell)
            if (
                0 < len(head) <= _MAX_FRAGMENT
                and len(_words(after)) <= _MAX_FRAGMENT
                and not _has(head, _HEADER_WORDS)
                and not any(c.isdigit() for c in head)
                and _has(head + _words(after), _HEADER_WORDS)
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


def _figures(stream: list[Cell | None], at: int, most: int) -> list[Cell]:
    """The figure cells from ``at`` on, at most ``most`` of them."""
    figures: list[Cell] = []
    while at < len(stream) and len(figures) < most and (cell := stream[at]) is not None and _is_figure(cell):
        figures.append(cell)
        at += 1
    return figures


def _budget_table(stream: list[Cell | None], label_at: int, floor: int) -> Found | None:
    """The header before the 年度资金总额 label at ``label_at`` and the figures after it."""
    last = None
    for i in range(label_at - 1, max(floor, label_at - _BUDGET_HEADER_REACH) - 1, -1):
        cell = stream[i]
        if cell is None:
            break
        if _has(_words(cell), _BUDGET_WORDS):
            last = i
            break
    if last is None:
        return None
    first = last
    while first - 1 >= floor and _has(_words(stream[first - 1]), _BUDGET_WORDS):
        first -= 1
    header = [cell for cell in stream[first : last + 1] if cell is not None]
    label = stream[label_at]
    assert label is not None
    figures = _figures(stream, label_at + 1, len(header))
    end = label_at + 1 + len(figures)
    if not any(cell.text.strip() for cell in figures):
        return None
    # Cells missing at the end are the blank ones a space-split line loses (an unscored 得分).
    figures += [_blank(label.end)] * (len(header) - len(figures))
    rows: list[tuple[Cell, ...]] = [(_blank(header[0].start), *header), (label, *figures)]
    # Its 本年财政拨款 row, which holds the money when the total row is left at zero.
    if end < len(stream) and (cell := stream[end]) is not None and APPROPRIATION_ROW.match(_words(cell)):
        funds = _figures(stream, end + 1, len(header))
        if any(f.text.strip() for f in funds):
            rows.append((cell, *funds, *[_blank(cell.end)] * (len(header) - len(funds))))
            end += 1 + len(funds)
    # The funds' make-up that follows in the form (按支出性质分：… 其中：基本支出：900.47), one row a cell.
    while end < len(stream) and len(rows) < _MAX_STATED_ROWS and (cell := stream[end]) is not None:
        if not _STATED_CELL.match(cell.text.strip()):
            break
        rows.append((cell,))
        end += 1
    return Found(first, end, Table(rows=tuple(rows), start=header[0].start, end=rows[-1][-1].end))


@dataclass(frozen=True, slots=True)
class _Layout:
    """An indicator header: its width, the 三级指标 column, the 得分 column and 分值 column."""

    width: int
    name: int
    score: int
    weight: int | None


def _indicator_header(stream: list[Cell | None], anchor: int, floor: int) -> tuple[int, int, _Layout] | None:
    first = anchor
    while first - 1 >= floor and _has(_words(stream[first - 1]), _LEVEL_WORDS):
        first -= 1
    end = anchor + 1
    while end < len(stream) and _has(_words(stream[end]), _INDICATOR_WORDS):
        end += 1
    labels = [_words(cell) for cell in stream[first:end]]
    end += _note_tail(stream, end)
    score = next((i for i, label in enumerate(labels) if _has(label, COLUMNS["score"])), None)
    if score is None or score < anchor - first:
        return None
    weight = next((i for i, label in enumerate(labels) if _has(label, COLUMNS["weight"])), None)
    return first, end, _Layout(len(labels), anchor - first, score, weight)


def _note_tail(stream: list[Cell | None], at: int) -> int:
    """How many cells from ``at`` carry on the header's last cell, a note header broken over
    lines (偏差原因 / 分析及 / 改进措施): up to and including the next cell naming a note."""
    for count in range(1, _MAX_FRAGMENT + 1):
        if at + count > len(stream) or any(c is None or _is_figure(c) for c in stream[at : at + count]):
            return 0
        cell = stream[at + count - 1]
        if _has(_words(cell), COLUMNS["note"]) and not _has(_words(cell), _NAME_WORDS):
            return count
        if len(_words(cell)) > _MAX_FRAGMENT:
            return 0
    return 0


def _row_at(stream: list[Cell | None], at: int, layout: _Layout) -> tuple[list[Cell], int] | None:
    """The level and name…score cells of an indicator row starting at ``at``, and where they end."""
    block = layout.score - layout.name + 1
    levels = 0
    while (
        levels < layout.name
        and at + levels < len(stream)
        and strip_points_note(_words(stream[at + levels])).endswith(LEVEL_END)
    ):
        levels += 1
    for count in dict.fromkeys((levels, *range(layout.name, -1, -1))):
        cells = stream[at : at + count + block]
        if len(cells) < count + block or any(cell is None or _is_total(cell) for cell in cells):
            continue
        name = cells[count]
        assert name is not None
        level_cells = [c for c in cells[:count] if c is not None and c.text.strip()]
        if not name.text.strip() or _is_figure(name) or any(_is_figure(c) for c in level_cells):
            continue
        weight_ok = layout.weight is None or _is_score(cells[count + layout.weight - layout.name])
        if weight_ok and _is_score(cells[-1]):
            return [c for c in cells if c is not None], at + count + block
    return None


def _indicator_rows(
    stream: list[Cell | None], at: int, layout: _Layout
) -> tuple[list[tuple[Cell, ...]], int]:
    rows: list[tuple[Cell, ...]] = []
    while at < len(stream) and (cell := stream[at]) is not None:
        if _is_total(cell):
            total = [cell]
            at += 1
            while at < len(stream) and len(total) < layout.width and (c := stream[at]) and _is_figure(c):
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
        row = [_blank(cells[0].start)] * (layout.name - levels) + cells
        while len(row) < layout.width and at < len(stream) and (note := stream[at]) is not None:
            if (
                _is_total(note)
                or _PLACEHOLDER.match(note.text)
                or (note.text.strip() and _row_at(stream, at, layout) is not None)
            ):
                break  # the next row begins: this row's note cell was blank and lost
            row.append(note)
            at += 1
        row += [_blank(row[-1].end)] * (layout.width - len(row))
        rows.append(tuple(row))
    return rows, at


def _indicator_table(stream: list[Cell | None], anchor: int, floor: int) -> Found | None:
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


def _count_table(stream: list[Cell | None], at: int) -> Found | None:
    """A basic-data block: the header cells from 编制数 on (编制数 / 实际在职人数 / 控制率), then
    as many figures (46 / 50 / 108.70%)."""
    header: list[Cell] = []
    end = at
    while end < len(stream) and len(header) < _MAX_COUNT_COLUMNS:
        cell = stream[end]
        if cell is None or not cell.text.strip() or _is_figure(cell):
            break
        header.append(cell)
        end += 1
    after = stream[end : end + len(header)]
    figures = [c for c in after if c is not None and c.text.strip() and _is_figure(c)]
    if len(header) < 2 or len(figures) != len(header) or not _has(_words(header[1]), _STAFF_WORDS):
        return None
    table = Table(rows=(tuple(header), tuple(figures)), start=header[0].start, end=figures[-1].end)
    return Found(at, end + len(figures), table)


def _headed_figures(stream: list[Cell | None], at: int) -> Found | None:
    """A budget header (年初预算数 / 全年预算数 / 全年执行数 …) and as many bare figures right after
    it: the budget-execution row with its label left out (``budget_execution.find_budget_rows``)."""
    end = at
    while end < len(stream) and _has(_words(stream[end]), _BUDGET_WORDS):
        end += 1
    header = [cell for cell in stream[at:end] if cell is not None]
    figures = _figures(stream, end, len(header))
    if len(header) < _MIN_HEADED or len(figures) != len(header) or not all(c.text.strip() for c in figures):
        return None
    table = Table(rows=(tuple(header), tuple(figures)), start=header[0].start, end=figures[-1].end)
    return Found(at, end + len(figures), table)


def _cost_table(stream: list[Cell | None], at: int) -> Found | None:
    """A basic-data block's money section: 经费控制情况, its year columns (2022年决算数 /
    2023年预算数 / 2023年决算数), then each row's label and as many figures (a row of a group
    heading has none). It ends at the block's next section or the first cell that is no row."""
    columns: list[Cell] = []
    end = at + 1
    while end < len(stream) and (cell := stream[end]) is not None and _COST_COLUMN.search(_words(cell)):
        columns.append(cell)
        end += 1
    if not 2 <= len(columns) <= _MAX_COUNT_COLUMNS:
        return None
    anchor = stream[at]
    assert anchor is not None
    rows: list[tuple[Cell, ...]] = [(anchor, *columns)]
    while end < len(stream) and len(rows) < _MAX_COST_ROWS and (label := stream[end]) is not None:
        words = _words(label)
        if not words or _is_figure(label) or len(words) > _MAX_COST_LABEL or _has(words, _COST_STOP_WORDS):
            break
        figures = _figures(stream, end + 1, len(columns))
        rows.append((label, *figures, *[_blank(label.end)] * (len(columns) - len(figures))))
        end += 1 + len(figures)
    if not any(cell.text.strip() for row in rows[1:] for cell in row[1:]):
        return None
    return Found(at, end, Table(rows=tuple(rows), start=anchor.start, end=rows[-1][-1].end))


def stream_tables(cells: Stream) -> list[Found]:
    """The tables spelled by a stream of cells, in stream order."""
    stream = merge_fragments(cells)
    found: list[Found] = []
    floor = i = 0
    while i < len(stream):
        words = _words(stream[i])
        table = None
        if words in ROW_LABELS:
            table = _budget_table(stream, i, floor)
        elif _has(words, _NAME_WORDS):
            table = _indicator_table(stream, i, floor)
        elif words == _STAFF_HEADER:
            table = _count_table(stream, i)
        elif words.startswith(_COST_HEADER):
            table = _cost_table(stream, i)
        elif _has(words, _STAGE_WORDS) and not (i > floor and _has(_words(stream[i - 1]), _BUDGET_WORDS)):
            # Only from the header's first word: read from a later one, its figures would shift
            # under the wrong words (a row missing a cell matches the shorter header).
            table = _headed_figures(stream, i)
        if table is None:
            i += 1
            continue
        consumed = [cell for cell in stream[table.first : table.end] if cell is not None]
        found.append(Found(table.first, table.end, table.table, consumed[0].start, consumed[-1].end))
        floor = i = table.end
    return found
