"""Amounts stated as "label：figure" inside one cell (其中：基本支出：1263.48 | 项目支出：418.76).

Only labels the contract defines without doubt are mapped. 一般公共预算：1682.24 is left alone on
purpose: in a table split 按收入性质 it is revenue, elsewhere spending, and the cell cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingestion.documents.model import Table
from ingestion.parsing.tables.cells import WAN, cite, compact, find_figure, unit_of, wan_string
from ingestion.parsing.tables.facts import Evidence

LABELS = {"基本支出": "basic", "项目支出": "project"}
_STATED = re.compile(
    r"^(?:其中[:：])?(?P<label>" + "|".join(LABELS) + r")[:：]"
    r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:亿元|千元|万元|元)?$"
)


def table_unit(table: Table, caption: str) -> str:
    """The unit a table declares in any cell or its caption; 万元 when it declares none."""
    for row in table.rows:
        for cell in row:
            if unit := unit_of(cell.text):
                return unit
    return unit_of(caption) or WAN


def stated_amounts(table: Table, caption: str) -> Iterator[tuple[str, str, Evidence]]:
    """(amounts_wan key, 万元 string, evidence) for each labelled amount cell, in reading order."""
    unit: str | None = None
    for row in table.rows:
        for cell in row:
            match = _STATED.match(compact(cell.text))
            figure = find_figure(cell) if match else None
            if match is None or figure is None:
                continue
            unit = unit or table_unit(table, caption)
            yield LABELS[match.group("label")], wan_string(figure, unit), cite(cell)
