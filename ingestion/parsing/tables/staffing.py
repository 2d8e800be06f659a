"""Staff counts from a basic-data table: 编制数 and 实际在职人数 under their header, in the next row,
or a form's row that sets each count beside its label (人员编制 | 12 | 实有人数 | 11)."""

from __future__ import annotations

import re
from itertools import pairwise

from ingestion.documents.model import Table
from ingestion.parsing.tables.align import align
from ingestion.parsing.tables.cells import cite, compact, score_figure
from ingestion.parsing.tables.facts import Record
from ingestion.parsing.tables.header import build_header, find_rows

HEADER_WORDS = (("编制数",),)
COLUMNS: dict[str, tuple[str, ...]] = {
    "actual": ("实际在职人数", "在职人数", "实有人数", "实际人数"),
    "authorized": ("编制数",),
}


def read_staffing(table: Table) -> Record | None:
    """The counts under the first 编制数 header of ``table``; None when it has none."""
    for header_row in find_rows(table, *HEADER_WORDS):
        header = build_header(table, header_row, sub_header=False)
        columns = header.columns(COLUMNS)
        for row in table.rows[header_row + 1 : header_row + 2]:
            cells = align(row, header, columns.values())
            record = Record({})
            for key, column in columns.items():
                cell = cells[column]
                figure = score_figure(cell)
                if cell is not None and figure is not None and figure.value % 1 == 0:
                    record.values[key] = int(figure.value)
                    record.evidence[key] = cite(cell)
            if record.values:
                return record
    return None


# A label cell whose count stands in the next cell of the same row.
_LABEL_CELLS = (
    ("authorized", re.compile(r"(?:人员)?编制(?:数|人数)?")),
    ("actual", re.compile(r"实有(?:在职)?人(?:数|员)|(?:实际)?在职人数")),
)
_COUNT_CELL = re.compile(r"\d{1,6}(?:人|名)?")


def read_staffing_pairs(table: Table) -> Record | None:
    """The counts a form row sets beside their labels; None when no row does."""
    record = Record({})
    for row in table.rows:
        for label, value in pairwise(row):
            count = compact(value.text)
            if not _COUNT_CELL.fullmatch(count):
                continue
            for key, pattern in _LABEL_CELLS:
                if key not in record.values and pattern.fullmatch(compact(label.text)):
                    record.values[key] = int(count.rstrip("人名"))
                    record.evidence[key] = cite(value)
    return record if record.values else None
