"""The scored budget-execution row of a self-evaluation table (年度资金总额 ... 执行率 得分).

Where the form leaves the total's label out, it is the row of bare figures right under a header
naming a budget and its execution. Its figures are read under the header row above it by name
(年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分), never by position: portals order these
columns differently.

Some forms leave the total row at zero (a template's sum formula never filled) and state the money
in its 其中：本年财政拨款 row just below: then that row's money is the project's budget and
execution (``BudgetExecution.funds``), while the scored row stays as stated.
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
    compact,
    money_figure,
    number,
    score_figure,
    unit_of,
    wan_string,
)
from ingestion.parsing.tables.execution_rate import checked_placement
from ingestion.parsing.tables.facts import Record
from ingestion.parsing.tables.header import Header, build_header, row_has, row_slots

# The scored total row; its 其中 rows (当年财政拨款, 上年结转资金, 其他资金) are parts, not the total.
ROW_LABELS = (
    "年度资金总额", "资金总额", "总额", "预算资金总额", "项目资金总额", "年度预算资金总额",
    "年度财政资金总额", "财政资金总额",
)  # fmt: skip
HEADER_WORDS = (("执行数", "执行率"),)
# A header whose figure row may stand without its label names a budget besides the execution.
BUDGET_HEADER_WORDS = ("年初预算", "全年预算", "调整后预算", "预算数")
_BARE_FIGURE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|万元|元)?$")
_MIN_BARE_FIGURES = 2
# A form's budget header stands among its first rows.
_HEADER_ROWS = 12
MONEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "initial_wan": ("年初预算",),
    "full_year_wan": ("全年预算", "调整后预算", "调整预算"),
    "executed_wan": ("执行数", "实际执行", "实际支出"),
}
# The 其中 row that holds the money when the total row states zero (其中：本年财政拨款, 当年财政拨款).
APPROPRIATION_ROW = re.compile(r"^(?:其中[:：]?)?(?:本年度?|当年|年度)?财政拨款(?:资金)?[:：]?$")
_APPROPRIATION_REACH = 2
# A budget column that names no stage (预算数(A) beside 执行数(B)) is the full-year budget.
STAGELESS_BUDGET = ("预算数",)
SCORE_COLUMNS: dict[str, tuple[str, ...]] = {
    "rate_pct": ("执行率",),
    "weight": ("分值", "权重"),
    "score": ("得分",),
}
# The contract's amounts_wan key each money column also states.
AMOUNT_KEYS = {
    "initial_wan": "budget_initial",
    "full_year_wan": "budget_full_year",
    "executed_wan": "executed",
}


@dataclass(slots=True)
class BudgetExecution:
    record: Record
    row: int
    warnings: list[str] = field(default_factory=list)
    # The money of the 本年财政拨款 row, when the total row states none (module docstring).
    funds: Record | None = None


def find_budget_rows(table: Table) -> list[int]:
    """The 年度资金总额 rows; else the row of bare figures right under a budget header that names
    a budget and its execution (年初预算数 | 全年预算数 | 全年执行数, the total's label left out)."""
    labelled = [
        index
        for index, row in enumerate(table.rows)
        # row_has is the cheap (cached) test a row holding such a label passes first
        if row_has(row, ROW_LABELS) and any(compact(cell.text).rstrip(":：") in ROW_LABELS for cell in row)
    ]
    if labelled:
        return labelled
    for index in range(1, min(len(table.rows), _HEADER_ROWS)):
        header, row = table.rows[index - 1], table.rows[index]
        if row_has(header, *HEADER_WORDS, BUDGET_HEADER_WORDS) and _bare_figures(row):
            return [index]
    return []


def _bare_figures(row: tuple[Cell, ...]) -> bool:
    said = [compact(cell.text) for cell in row if cell.text.strip()]
    return len(said) >= _MIN_BARE_FIGURES and all(_BARE_FIGURE.match(text) for text in said)


def read_budget_execution(table: Table, row_index: int, caption: str) -> BudgetExecution | None:
    """The 年度资金总额 row at ``row_index``; None when no header above it names its columns."""
    header_row = next(
        (i for i in range(row_index - 1, -1, -1) if row_has(table.rows[i], *HEADER_WORDS)), None
    )
    if header_row is None:
        return None
    header = build_header(table, header_row, sub_header=False)
    unit = unit_of(" ".join(header.labels)) or unit_of(caption) or WAN
    money_columns, score_columns = header.columns(MONEY_COLUMNS), header.columns(SCORE_COLUMNS)
    stageless = header.column(STAGELESS_BUDGET, avoid=("年初", "执行"))
    if (
        "full_year_wan" not in money_columns
        and stageless is not None
        and stageless not in money_columns.values()
    ):
        money_columns["full_year_wan"] = stageless
    figure_columns = [*money_columns.values(), *score_columns.values()]
    row = table.rows[row_index]
    cells = align(row, header, figure_columns)
    found = BudgetExecution(Record({}), row_index)
    if len(row) != header.width and row_slots(row) is None:
        # A text row short of a cell or with one too many (a row number): the stated 执行率 says
        # how it lines up (execution_rate).
        checked = checked_placement(
            row, header.width, cells, money_columns, score_columns.get("rate_pct"), unit
        )
        if checked is None:
            found.warnings.append(
                f"budget-execution row of {len(row)} cells under {header.width} columns: "
                "its 执行率 holds under no placement; not read"
            )
        cells = checked if checked is not None else [None] * header.width
    _read_money(found.record, cells, money_columns, unit)
    if not _states_money(found.record):
        found.funds = _appropriation_money(table, row_index, header, money_columns, unit)
    for key in SCORE_COLUMNS:
        cell = cells[score_columns[key]] if key in score_columns else None
        score = score_figure(cell)
        _put(found.record, key, number(score.value) if score else None, cell)
    found_columns = {**money_columns, **score_columns}
    missing = [key for key in (*MONEY_COLUMNS, *SCORE_COLUMNS) if key not in found_columns]
    if missing:
        found.warnings.append(f"budget-execution header {'|'.join(header.labels)} lacks {', '.join(missing)}")
    return found


def _read_money(record: Record, cells: list[Cell | None], money_columns: dict[str, int], unit: str) -> None:
    for key in MONEY_COLUMNS:
        cell = cells[money_columns[key]] if key in money_columns else None
        money = money_figure(cell)
        _put(record, key, wan_string(money, unit) if money else None, cell)


def _appropriation_money(
    table: Table, row_index: int, header: Header, money_columns: dict[str, int], unit: str
) -> Record | None:
    """The money of the 本年财政拨款 row just below a total row that states none, if it states any."""
    for row in table.rows[row_index + 1 : row_index + 1 + _APPROPRIATION_REACH]:
        label = next((compact(cell.text) for cell in row if cell.text.strip()), "")
        if not APPROPRIATION_ROW.match(label):
            continue
        funds = Record({})
        _read_money(funds, align(row, header, list(money_columns.values())), money_columns, unit)
        return funds if _states_money(funds) else None
    return None


def _states_money(record: Record) -> bool:
    return any(
        record.values.get(key) is not None and Decimal(record.values[key]) != 0 for key in MONEY_COLUMNS
    )


def _put(record: Record, key: str, value: str | int | float | None, cell: Cell | None) -> None:
    record.values[key] = value
    if value is not None and cell is not None:
        record.evidence[key] = cite(cell)
