"""Facts read from a report's tables: indicators, budget execution, cost control, key projects, staffing.

Tables are recognised by their header words, never by where they stand in the document, so the
same code reads a .txt export, a .docx or a web page. ``extract_tables`` is the one entry point.
"""

from __future__ import annotations

from typing import Any

from ingestion.documents.model import Document, Paragraph, Table
from ingestion.parsing.tables.budget_execution import AMOUNT_KEYS, find_budget_rows, read_budget_execution
from ingestion.parsing.tables.cost_control import find_cost_headers, read_cost_control
from ingestion.parsing.tables.facts import Record, TableFacts
from ingestion.parsing.tables.indicator_sums import OpenIndicators, add_indicators
from ingestion.parsing.tables.indicators import (
    IndicatorTable,
    find_indicator_headers,
    read_indicator_rows,
    read_indicator_table,
)
from ingestion.parsing.tables.key_projects import find_project_headers, read_key_projects
from ingestion.parsing.tables.recovered import recovered_blocks
from ingestion.parsing.tables.staffing import read_staffing, read_staffing_pairs
from ingestion.parsing.tables.stated_amounts import stated_amounts

__all__ = ["TableFacts", "extract_tables"]

CAPTION_PARAGRAPHS = 2
# Between the two parts of a table broken across pages only page furniture stands ("- 3 -").
PAGE_FURNITURE_CHARS = 20


def extract_tables(document: Document) -> TableFacts:
    """Everything the document's tables state, with evidence keyed by contract JSON pointer."""
    facts = TableFacts()
    recent: list[str] = []
    open_indicators: OpenIndicators | None = None
    for block in recovered_blocks(document.blocks):
        if isinstance(block, Paragraph):
            recent = [*recent, block.text][-CAPTION_PARAGRAPHS:]
            if len(block.text) > PAGE_FURNITURE_CHARS:
                open_indicators = None
            continue
        if open_indicators is not None and _continues(block, open_indicators.table):
            add_indicators(open_indicators, read_indicator_rows(open_indicators.table, block.rows), facts)
        else:
            open_indicators = _read_table(block, " ".join(recent), facts)
        recent = []
    return facts


def _continues(table: Table, indicators: IndicatorTable) -> bool:
    """Whether ``table`` carries on ``indicators`` (no header of its own, rows as wide as the header)."""
    assert indicators.header is not None
    width = indicators.header.width
    recognised = (
        find_indicator_headers(table)
        or find_budget_rows(table)
        or find_cost_headers(table)
        or find_project_headers(table)
    )
    return not recognised and width - 2 <= len(table.rows[0]) <= width + 1


def _read_table(table: Table, caption: str, facts: TableFacts) -> OpenIndicators | None:
    """Read every kind of table section in ``table``; return its indicator table if left open."""
    execution = _read_budget_execution(table, caption, facts)
    if execution is None and facts.budget_execution is not None:
        # The 年度资金总额 row stood in a table of its own (rows split on spaces, a page break).
        execution = facts.budget_execution
    open_indicators = None
    for header_row in find_indicator_headers(table):
        first_index = len(facts.indicators)
        found = OpenIndicators(read_indicator_table(table, header_row), execution, first_index)
        add_indicators(found, found.table.records, facts)
        open_indicators = None if found.table.closed else found
    for header_row in find_cost_headers(table):
        cost = read_cost_control(table, header_row, caption)
        for record in cost.records:
            facts.append("cost_control", record)
        facts.warnings.extend(cost.warnings)
    staffing = read_staffing(table) or read_staffing_pairs(table)
    if staffing is not None:
        for key, value in staffing.values.items():
            facts.set_staffing(key, value, staffing.evidence[key])
    for header_row in find_project_headers(table):
        projects = read_key_projects(table, header_row, caption)
        for record in projects.records:
            facts.append("projects", record)
        for key, (value, cite) in ({} if projects.expense_lines else projects.totals).items():
            facts.set_amount(key, value, cite, "a key-project table's 合计")
        facts.warnings.extend(projects.warnings)
    for key, value, cite in stated_amounts(table, caption):
        facts.set_amount(key, value, cite, f"a cell {cite['text']!r}")
    return open_indicators


def _read_budget_execution(table: Table, caption: str, facts: TableFacts) -> dict[str, Any] | None:
    """Record the table's first 年度资金总额 row (the document's first wins); return its values."""
    table_row: dict[str, Any] | None = None
    for row_index in find_budget_rows(table):
        found = read_budget_execution(table, row_index, caption)
        if found is None:
            facts.warnings.append("a 年度资金总额 row has no header naming its columns; not read")
            continue
        facts.warnings.extend(found.warnings)
        if table_row is None:
            table_row = found.record.values
        if facts.budget_execution is not None:
            facts.warnings.append("more than one 年度资金总额 row; budget_execution keeps the first")
            continue
        _set_budget_execution(found.record, found.funds, facts)
    return table_row


def _set_budget_execution(record: Record, funds: Record | None, facts: TableFacts) -> None:
    """The row as stated; the amounts from it, or from its 本年财政拨款 row when it states zero."""
    facts.budget_execution = record.values
    for key, cite in record.evidence.items():
        facts.evidence[f"/budget_execution/{key}"] = cite
    money = funds or record
    where = "the 本年财政拨款 row under a zero 年度资金总额" if funds else "the 年度资金总额 row"
    for key, cite in money.evidence.items():
        value = money.values[key]
        if key in AMOUNT_KEYS and value is not None:
            facts.set_amount(AMOUNT_KEYS[key], value, cite, where)
