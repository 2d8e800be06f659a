"""The self-evaluation table (自评表) published beside a report as an .xlsx attachment, with its truth.

An attachment states only what the table holds: the execution row, the indicators, the total and
perhaps the unit's name, so its truth is the report's truth cut down to those facts.
"""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from sample_drop.breakage import applicable_rules
from sample_drop.document import ReportDocument, Table
from sample_drop.facts import ReportFacts
from sample_drop.stable_zip import stable_zip

_FIXED_TIME = datetime(2024, 1, 1)
_NAME_LABELS = ("预算部门（单位）名称", "项目名称")


def self_evaluation_table(doc: ReportDocument) -> Table | None:
    return next((b for b in reversed(doc.blocks) if isinstance(b, Table) and b.rows[-1][0] == "总分"), None)


def sheet_title(facts: ReportFacts) -> str:
    what = "项目支出" if facts.kind == "project_expenditure" else "部门（单位）整体支出"
    return f"{facts.year}年度{what}绩效自评表"


def render_xlsx(table: Table, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "自评表"
    width = max(len(row) for row in table.rows)
    sheet.cell(row=1, column=1, value=title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for r, row in enumerate(table.rows, start=2):
        for c, text in enumerate(row, start=1):
            if text and not table.covered(r - 2, c - 1):
                cell = sheet.cell(row=r, column=c, value=text)
                cell.data_type = "s"  # "=100%" is a target as typed, not a formula
    for span in table.spans:
        sheet.merge_cells(
            start_row=span.row + 2,
            start_column=span.col + 1,
            end_row=span.row + span.rows + 1,
            end_column=span.col + span.cols,
        )
    for c in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(c)].width = 16
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())


def attachment_facts(facts: ReportFacts, table: Table) -> ReportFacts:
    """The facts the table alone states."""
    named = table.rows[0][0] in _NAME_LABELS
    label = next((text for text in table.rows[0][1:] if text), "") if named else ""
    execution = facts.execution
    assert execution is not None  # a self-evaluation table always has its execution row
    reduced = dataclasses.replace(
        facts,
        title=sheet_title(facts),
        names_unit=facts.kind != "project_expenditure" and facts.unit.name in label,
        names_region=facts.unit.region.district in label,
        amounts={
            "budget_initial": execution.initial,
            "budget_full_year": execution.full_year,
            "executed": execution.executed,
        },
        projects=[],
        cost_control=[],
        staffing={},
        problems=[],
        measures=[],
        metrics=[],
        expected_findings=[],
        personal=None,  # the table itself names nobody
    )
    visible = applicable_rules(reduced)
    reduced.expected_findings = [rule for rule in facts.expected_findings if rule in visible]
    return reduced
