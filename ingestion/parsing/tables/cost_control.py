"""The money section of a basic-data table (经费控制情况): 三公经费, 项目支出, 公用经费, 政府采购金额 ...

Columns are told apart by the years in their headers (2022年决算数 | 2023年预算数 | 2023年决算数):
the latest 决算 is this year's final, an earlier 决算 the prior year's, 预算 this year's budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingestion.documents.model import Table
from ingestion.parsing.tables.align import align
from ingestion.parsing.tables.cells import (
    WAN,
    cite,
    clean_label,
    compact,
    is_blank_value,
    money_figure,
    unit_of,
    wan_string,
)
from ingestion.parsing.tables.facts import Record
from ingestion.parsing.tables.header import Header, build_header, find_rows, row_has

HEADER_WORDS = (("经费控制",), ("决算",))
# Sections of the same table that are not money rows of this section.
STOP_WORDS = (("楼堂馆所", "厉行节约", "财政供养人员", "编制数"),)
_YEAR = re.compile(r"(\d{4})年")


@dataclass(slots=True)
class CostControl:
    records: list[Record] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_cost_headers(table: Table) -> list[int]:
    return find_rows(table, *HEADER_WORDS)


def _year(label: str) -> int | None:
    match = _YEAR.search(label)
    return int(match.group(1)) if match else None


def year_columns(header: Header) -> dict[str, int]:
    """prior_final_wan / budget_wan / final_wan -> column, by 决算/预算 and the year in each label."""
    finals = [(i, label) for i, label in enumerate(header.labels) if "决算" in label]
    budgets = [(i, label) for i, label in enumerate(header.labels) if "预算" in label and "决算" not in label]
    columns: dict[str, int] = {}
    if budgets:
        columns["budget_wan"] = max(budgets, key=lambda c: _year(c[1]) or 0)[0]
    if not finals:
        return columns
    prior = [c for c in finals if "上年" in c[1] or "上一年" in c[1]]
    dated = [c for c in finals if _year(c[1]) is not None]
    if dated:
        latest = max(dated, key=lambda c: _year(c[1]) or 0)
        prior += [c for c in dated if (_year(c[1]) or 0) < (_year(latest[1]) or 0)]
    else:
        latest = finals[-1]
        prior += [c for c in finals[:-1] if c not in prior]
    columns["final_wan"] = latest[0]
    if prior:
        columns["prior_final_wan"] = prior[0][0]
    return columns


def read_cost_control(table: Table, header_row: int, caption: str) -> CostControl:
    header = build_header(table, header_row, sub_header=False)
    columns = year_columns(header)
    label_column = header.column(("经费控制",)) or 0
    unit = unit_of(" ".join(header.labels)) or unit_of(caption) or WAN
    result = CostControl()
    for missing in {"prior_final_wan", "budget_wan", "final_wan"} - columns.keys():
        result.warnings.append(f"cost-control header {'|'.join(header.labels)} has no {missing} column")
    for row in table.rows[header_row + 1 :]:
        if row_has(row, *STOP_WORDS):
            break
        cells = align(row, header, columns.values())
        label_cell = cells[label_column]
        item = clean_label(label_cell.text) if label_cell is not None else ""
        if not item or label_cell is None:
            continue
        record = Record({"item": item}, {"item": cite(label_cell)})
        for key in ("prior_final_wan", "budget_wan", "final_wan"):
            cell = cells[columns[key]] if key in columns else None
            figure = money_figure(cell)
            record.values[key] = wan_string(figure, unit) if figure else None
            if cell is not None and figure is not None:
                record.evidence[key] = cite(cell)
            elif cell is not None and not is_blank_value(cell.text):
                result.warnings.append(f"cost control {item}: {compact(cell.text)!r} is not an amount")
        if any(record.values[key] is not None for key in columns):
            result.records.append(record)
    return result
