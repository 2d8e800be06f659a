"""A basic-data block in a stream of cells: its staff counts (the header cells from 编制数 on and
as many figures after them), and its money section (the year columns after 经费控制情况 and each
row's label with as many figures).
"""

from __future__ import annotations

import re

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.stream_cells import (
    Found,
    blank_cell,
    cell_words,
    figures_from,
    has_words,
    is_figure,
)

# A basic-data block of staff counts: 编制数, then the actual headcount (实际在职人数 ...).
STAFF_HEADER = "编制数"
_STAFF_WORDS = ("在职人数", "实有人数", "实际人数")
_MAX_COUNT_COLUMNS = 4
# A basic-data block's money section (经费控制情况（万元）) and the year columns after it.
COST_HEADER = "经费控制"
_COST_COLUMN = re.compile(r"^(?:(?:19|20)\d{2}年|上年|本年|当年)?(?:度)?(?:决算|预算)数?$")
_COST_STOP_WORDS = ("楼堂馆所", "厉行节约", "财政供养", "编制数", "说明")
_MAX_COST_ROWS = 40
_MAX_COST_LABEL = 30


def count_table(stream: list[Cell | None], at: int) -> Found | None:
    """A basic-data block: the header cells from 编制数 on (编制数 / 实际在职人数 / 控制率), then
    as many figures (46 / 50 / 108.70%)."""
    header: list[Cell] = []
    end = at
    while end < len(stream) and len(header) < _MAX_COUNT_COLUMNS:
        cell = stream[end]
        if cell is None or not cell.text.strip() or is_figure(cell):
            break
        header.append(cell)
        end += 1
    after = stream[end : end + len(header)]
    figures = [c for c in after if c is not None and c.text.strip() and is_figure(c)]
    if len(header) < 2 or len(figures) != len(header) or not has_words(cell_words(header[1]), _STAFF_WORDS):
        return None
    table = Table(rows=(tuple(header), tuple(figures)), start=header[0].start, end=figures[-1].end)
    return Found(at, end + len(figures), table)


def cost_table(stream: list[Cell | None], at: int) -> Found | None:
    """A basic-data block's money section: 经费控制情况, its year columns (2022年决算数 /
    2023年预算数 / 2023年决算数), then each row's label and as many figures (a row of a group
    heading has none). It ends at the block's next section or the first cell that is no row."""
    columns: list[Cell] = []
    end = at + 1
    while end < len(stream) and (cell := stream[end]) is not None and _COST_COLUMN.search(cell_words(cell)):
        columns.append(cell)
        end += 1
    if not 2 <= len(columns) <= _MAX_COUNT_COLUMNS:
        return None
    anchor = stream[at]
    assert anchor is not None
    rows: list[tuple[Cell, ...]] = [(anchor, *columns)]
    while end < len(stream) and len(rows) < _MAX_COST_ROWS and (label := stream[end]) is not None:
        words = cell_words(label)
        if (
            not words
            or is_figure(label)
            or len(words) > _MAX_COST_LABEL
            or has_words(words, _COST_STOP_WORDS)
        ):
            break
        figures = figures_from(stream, end + 1, len(columns))
        rows.append((label, *figures, *[blank_cell(label.end)] * (len(columns) - len(figures))))
        end += 1 + len(figures)
    if not any(cell.text.strip() for row in rows[1:] for cell in row[1:]):
        return None
    return Found(at, end, Table(rows=tuple(rows), start=anchor.start, end=rows[-1][-1].end))
