"""Key-project tables (项目名称 | 项目类型 | 资金用途 | 预算金额 | 支出金额): one record per project.

The money headers are often two rows deep (预算金额 over 指标总额 | 其中：区级资金); the total
column is the one that is not a 其中 part. The 合计 row is not a project: it states the totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.cells import (
    WAN,
    cite,
    clean_label,
    clean_text,
    compact,
    money_figure,
    unit_of,
    wan_string,
)
from ingestion.parsing.tables.facts import Evidence, Record
from ingestion.parsing.tables.header import align, build_header, find_rows, label_and_figures

BUDGET_WORDS = ("预算金额", "预算数", "预算资金", "年初预算")
SPENT_WORDS = ("支出金额", "支出数", "执行数", "实际支出", "决算数")
HEADER_WORDS = (("项目名称",), BUDGET_WORDS, SPENT_WORDS)
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称",),
    "type": ("项目类型",),
    "purpose": ("资金用途", "使用方向", "用途"),
}
TOTAL_LABELS = ("合计", "总计")
PART_WORDS = ("其中",)


@dataclass(slots=True)
class KeyProjects:
    records: list[Record] = field(default_factory=list)
    # amounts_wan key (project_budget, project) -> (value, evidence)
    totals: dict[str, tuple[str, Evidence]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def find_project_headers(table: Table) -> list[int]:
    return find_rows(table, *HEADER_WORDS)


def _has_sub_header(table: Table, header_row: int) -> bool:
    """A row under the header with words but no amount refines the header (指标总额 | 其中 ...)."""
    if header_row + 1 >= len(table.rows):
        return False
    below = table.rows[header_row + 1]
    return any(cell.text.strip() for cell in below) and not any(money_figure(cell) for cell in below)


def _money(cell: Cell | None, unit: str) -> str | None:
    figure = money_figure(cell)
    return wan_string(figure, unit) if figure else None


def _project_name(text: str) -> str:
    return re.sub(r"项目支出$", "", clean_label(text))


def read_key_projects(table: Table, header_row: int, caption: str) -> KeyProjects:
    header = build_header(table, header_row, sub_header=_has_sub_header(table, header_row))
    columns = header.columns(TEXT_COLUMNS)
    budget = header.column(BUDGET_WORDS, avoid=PART_WORDS)
    spent = header.column(SPENT_WORDS, avoid=PART_WORDS)
    unit = unit_of(" ".join(header.labels)) or unit_of(caption) or WAN
    result = KeyProjects()
    if budget is None or spent is None or "name" not in columns:
        result.warnings.append(f"key-project header {'|'.join(header.labels)} not understood")
        return result
    for row in table.rows[header.last_row + 1 :]:
        label, _ = label_and_figures(row)
        if label is None:
            continue
        cells = align(row, header.width, (budget, spent))
        budget_cell, spent_cell = cells[budget], cells[spent]
        if compact(label.text) in TOTAL_LABELS:
            for key, cell in (("project_budget", budget_cell), ("project", spent_cell)):
                value = _money(cell, unit)
                if value is not None and cell is not None:
                    result.totals[key] = (value, cite(cell))
            break
        name_cell = cells[columns["name"]]
        name = _project_name(name_cell.text) if name_cell is not None else ""
        if not name or name_cell is None:
            continue
        record = Record({"name": name}, {"name": cite(name_cell)})
        for key in ("type", "purpose"):
            cell = cells[columns[key]] if key in columns else None
            record.values[key] = clean_text(cell.text) if cell is not None else None
        for key, cell in (("budget_wan", budget_cell), ("spent_wan", spent_cell)):
            record.values[key] = _money(cell, unit)
            if record.values[key] is not None and cell is not None:
                record.evidence[key] = cite(cell)
        result.records.append(record)
    return result
