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

Reading the cells (what a cell says, header words split over two cells joined again) is
``stream_cells``; each kind of table has its own reader: ``stream_budget``,
``stream_indicators``, ``stream_basic_data``.
"""

from __future__ import annotations

from ingestion.parsing.tables.budget_execution import ROW_LABELS
from ingestion.parsing.tables.stream_basic_data import COST_HEADER, STAFF_HEADER, cost_table, count_table
from ingestion.parsing.tables.stream_budget import STAGE_WORDS, budget_table, headed_figures
from ingestion.parsing.tables.stream_cells import (
    BUDGET_WORDS,
    NAME_WORDS,
    Found,
    Stream,
    cell_words,
    has_words,
    merge_fragments,
)
from ingestion.parsing.tables.stream_indicators import indicator_table


def stream_tables(cells: Stream) -> list[Found]:
    """The tables spelled by a stream of cells, in stream order."""
    stream = merge_fragments(cells)
    found: list[Found] = []
    floor = i = 0
    while i < len(stream):
        words = cell_words(stream[i])
        table = None
        if words in ROW_LABELS:
            table = budget_table(stream, i, floor)
        elif has_words(words, NAME_WORDS):
            table = indicator_table(stream, i, floor)
        elif words == STAFF_HEADER:
            table = count_table(stream, i)
        elif words.startswith(COST_HEADER):
            table = cost_table(stream, i)
        elif has_words(words, STAGE_WORDS) and not (
            i > floor and has_words(cell_words(stream[i - 1]), BUDGET_WORDS)
        ):
            # Only from the header's first word: read from a later one, its figures would shift
            # under the wrong words (a row missing a cell matches the shorter header).
            table = headed_figures(stream, i)
        if table is None:
            i += 1
            continue
        consumed = [cell for cell in stream[table.first : table.end] if cell is not None]
        found.append(Found(table.first, table.end, table.table, consumed[0].start, consumed[-1].end))
        floor = i = table.end
    return found
