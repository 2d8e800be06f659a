"""Key-project tables (项目名称 | 项目类型 | 资金用途 | 预算金额 | 支出金额): one record per project.

The money headers are often two rows deep (预算金额 over 指标总额 | 其中：区级资金); the total
column is the one that is not a 其中 part. The 合计 row is not a project: it states the totals
(项目预算 and 项目支出 of the contract). The table is read by its grid when the reader saw one;
when that reading does not understand the header or its projects do not add up to the 合计
row, it is read again by position, and when neither adds up the warning names the rule
(``project_budgets_sum``, ``projects_sum``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.align import align
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
from ingestion.parsing.tables.header import build_header, find_rows, label_and_figures

# The 项目支出明细 part of a project's evaluation form lists its expense lines as its parts
# (支出内容 | 计划支出数 | 实际支出数): each line is read as a project, 计划 its budget.
BUDGET_WORDS = ("预算金额", "预算数", "预算资金", "年初预算", "项目预算", "计划支出数")
SPENT_WORDS = ("支出金额", "支出数", "执行数", "实际支出", "决算数", "项目支出")
NAME_WORDS = ("项目名称", "支出内容")
HEADER_WORDS = (NAME_WORDS, BUDGET_WORDS, SPENT_WORDS)
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": NAME_WORDS,
    "type": ("项目类型",),
    "purpose": ("资金用途", "使用方向", "用途"),
}
TOTAL_LABELS = ("合计", "总计", "支出合计")
PART_WORDS = ("其中",)
# What was planned is no spending column, though its label says 支出数.
NOT_SPENT_WORDS = (*PART_WORDS, "计划")


@dataclass(slots=True)
class KeyProjects:
    records: list[Record] = field(default_factory=list)
    # amounts_wan key (project_budget, project) -> (value, evidence)
    totals: dict[str, tuple[str, Evidence]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Expense lines of one project (支出内容): their 支出合计 is that project's, not the report's 项目支出.
    expense_lines: bool = False


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


def _read(table: Table, header_row: int, caption: str, grid: bool) -> KeyProjects:
    header = build_header(table, header_row, sub_header=_has_sub_header(table, header_row), grid=grid)
    columns = header.columns(TEXT_COLUMNS)
    budget = header.column(BUDGET_WORDS, avoid=PART_WORDS)
    spent = header.column(SPENT_WORDS, avoid=NOT_SPENT_WORDS)
    unit = unit_of(" ".join(header.labels)) or unit_of(caption) or WAN
    result = KeyProjects(expense_lines="name" in columns and "支出内容" in header.labels[columns["name"]])
    if budget is None or spent is None or "name" not in columns:
        result.warnings.append(f"key-project header {'|'.join(header.labels)} not understood")
        return result
    for row in table.rows[header.last_row + 1 :]:
        label, _ = label_and_figures(row)
        if label is None:
            continue
        cells = align(row, header, (budget, spent), (columns["name"],))
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


def _failed_sums(found: KeyProjects) -> list[str]:
    """The rule ids whose sums this reading breaks: the projects against the 合计 row."""
    failed = []
    for rule, total, field_name in (
        ("project_budgets_sum", "project_budget", "budget_wan"),
        ("projects_sum", "project", "spent_wan"),
    ):
        stated = found.totals.get(total)
        values = [record.values[field_name] for record in found.records]
        if stated is None or not values or any(value is None for value in values):
            continue
        if sum((Decimal(value) for value in values), Decimal(0)) != Decimal(stated[0]):
            failed.append(rule)
    return failed


def read_key_projects(table: Table, header_row: int, caption: str) -> KeyProjects:
    """The projects and totals under the header at ``header_row``: by grid, else by position."""
    readings = [_read(table, header_row, caption, grid=True)]
    if table.rows[header_row][0].col is not None:
        readings.append(_read(table, header_row, caption, grid=False))
    understood = [found for found in readings if found.records or found.totals]
    for found in understood:
        if not _failed_sums(found):
            return found
    if not understood:
        return readings[0]
    first = understood[0]
    for rule in _failed_sums(first):
        first.warnings.append(f"{rule}: the key-project table's rows do not add up to its 合计 row")
    return first
