"""An indicator header whose row breaks were lost inside one row of a table.

A text export that drops blank rows can run the end of one row, the header and the first
indicator row together into one row of cells:

    … | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 | 一级指标 | 二级指标 | 三级指标 |
    指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 示例指标 | ≥ | 5 | 个 | 5 | 10 | 10

The row is cut back into its rows from what the cells say: the header run is the cells naming
indicator columns around the 三级指标 cell (its level words before it), and when that run scores
nothing the run of column words just before it is the upper half of a two-row header (its
caption cell, 绩效指标, with it). What comes before is the row the header ran on from, what comes
after is the first indicator row. A row whose header stands alone is left as it is.
"""

from __future__ import annotations

from itertools import pairwise

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.cells import LEVEL_END, compact
from ingestion.parsing.tables.indicators import COLUMNS
from ingestion.parsing.tables.split_header import NAME_WORDS, SCORE_WORDS

Row = tuple[Cell, ...]

_COLUMN_WORDS = tuple(word for words in COLUMNS.values() for word in words)
_LEVEL_WORDS = (*COLUMNS["level1"], *COLUMNS["level2"])
# The caption over the level columns of a two-row header.
_CAPTION = "绩效指标"
_MIN_RUN = 3


def _has(cell: Cell, words: tuple[str, ...]) -> bool:
    text = compact(cell.text)
    return any(word in text for word in words)


def _header_runs(row: Row) -> list[int] | None:
    """Where ``row`` is cut: the start of the upper header (if any), the header, the data after it."""
    # Most rows hold no name column's word: one test over the row's cells run together (a word in
    # a cell is in them) spares the test cell by cell.
    run_together = "".join(compact(cell.text) for cell in row)
    if not any(word in run_together for word in NAME_WORDS):
        return None
    name = next((i for i, cell in enumerate(row) if _has(cell, NAME_WORDS)), None)
    if name is None:
        return None
    first = name
    while first > 0 and _has(row[first - 1], _LEVEL_WORDS):
        first -= 1
    end = name + 1
    while end < len(row) and _has(row[end], _COLUMN_WORDS):
        end += 1
    cuts = [first, end]
    if not any(_has(cell, SCORE_WORDS) for cell in row[first:end]):
        upper = first
        while upper > 0 and _has(row[upper - 1], _COLUMN_WORDS):
            upper -= 1
        if first - upper < _MIN_RUN or not any(_has(cell, SCORE_WORDS) for cell in row[upper:first]):
            return None
        if upper > 0 and compact(row[upper - 1].text) == _CAPTION:
            upper -= 1
        cuts = [upper, *cuts]
    if end - cuts[0] < _MIN_RUN or end >= len(row) or not compact(row[end].text).endswith(LEVEL_END):
        return None  # a header of its own, or one not followed by an indicator row's level cell
    return cuts


def unglued(table: Table) -> Table:
    """``table`` with each row that runs a header into an indicator row cut into its rows."""
    rows: list[Row] = []
    for row in table.rows:
        cuts = _header_runs(row)
        if cuts is None:
            rows.append(row)
            continue
        bounds = [0, *cuts, len(row)]
        rows.extend(row[a:b] for a, b in pairwise(bounds) if b > a)
    if len(rows) == len(table.rows):
        return table
    return Table(rows=tuple(rows), start=table.start, end=table.end)
