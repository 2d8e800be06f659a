"""The budget-execution row in a stream of cells: the figures after its label (年度资金总额; a
figure may be written with its 万元) read under the header words just before it, its 本年财政拨款
row, and the cells stating the funds' make-up after it (其中：基本支出：900.47), one row each; or,
the label left out, as many bare figures right after the header words.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.budget_execution import APPROPRIATION_ROW
from ingestion.parsing.tables.stream_cells import (
    BUDGET_WORDS,
    Found,
    blank_cell,
    cell_words,
    figures_from,
    has_words,
)

# A cell stating a part of the funds: 其中：基本支出：900.47, 按收入性质分：2030.12, 其他资金：.
_STATED_CELL = re.compile(r"^(?:其中[:：]\s*)?[\u4e00-\u9fff（）()、]{2,20}[:：]\s*(?:-?[\d,]+(?:\.\d+)?)?$")
_MAX_STATED_ROWS = 12
# A budget header whose figures follow it with no row label: it names a budget's stage.
STAGE_WORDS = ("年初预算", "全年预算", "调整后预算")
_MIN_HEADED = 3
# How far before its label the budget header may end (a 原因 column, a unit cell between).
_BUDGET_HEADER_REACH = 16


def budget_table(stream: list[Cell | None], label_at: int, floor: int) -> Found | None:
    """The header before the 年度资金总额 label at ``label_at`` and the figures after it."""
    last = None
    for i in range(label_at - 1, max(floor, label_at - _BUDGET_HEADER_REACH) - 1, -1):
        cell = stream[i]
        if cell is None:
            break
        if has_words(cell_words(cell), BUDGET_WORDS):
            last = i
            break
    if last is None:
        return None
    first = last
    while first - 1 >= floor and has_words(cell_words(stream[first - 1]), BUDGET_WORDS):
        first -= 1
    header = [cell for cell in stream[first : last + 1] if cell is not None]
    label = stream[label_at]
    assert label is not None
    figures = figures_from(stream, label_at + 1, len(header))
    end = label_at + 1 + len(figures)
    if not any(cell.text.strip() for cell in figures):
        return None
    # Cells missing at the end are the blank ones a space-split line loses (an unscored 得分).
    figures += [blank_cell(label.end)] * (len(header) - len(figures))
    rows: list[tuple[Cell, ...]] = [(blank_cell(header[0].start), *header), (label, *figures)]
    # Its 本年财政拨款 row, which holds the money when the total row is left at zero.
    if end < len(stream) and (cell := stream[end]) is not None and APPROPRIATION_ROW.match(cell_words(cell)):
        funds = figures_from(stream, end + 1, len(header))
        if any(f.text.strip() for f in funds):
            rows.append((cell, *funds, *[blank_cell(cell.end)] * (len(header) - len(funds))))
            end += 1 + len(funds)
    # The funds' make-up that follows in the form (按支出性质分：… 其中：基本支出：900.47), one row a cell.
    while end < len(stream) and len(rows) < _MAX_STATED_ROWS and (cell := stream[end]) is not None:
        if not _STATED_CELL.match(cell.text.strip()):
            break
        rows.append((cell,))
        end += 1
    return Found(first, end, Table(rows=tuple(rows), start=header[0].start, end=rows[-1][-1].end))


def headed_figures(stream: list[Cell | None], at: int) -> Found | None:
    """A budget header (年初预算数 / 全年预算数 / 全年执行数 …) and as many bare figures right after
    it: the budget-execution row with its label left out (``budget_execution.find_budget_rows``)."""
    end = at
    while end < len(stream) and has_words(cell_words(stream[end]), BUDGET_WORDS):
        end += 1
    header = [cell for cell in stream[at:end] if cell is not None]
    figures = figures_from(stream, end, len(header))
    if len(header) < _MIN_HEADED or len(figures) != len(header) or not all(c.text.strip() for c in figures):
        return None
    table = Table(rows=(tuple(header), tuple(figures)), start=header[0].start, end=figures[-1].end)
    return Found(at, end + len(figures), table)
