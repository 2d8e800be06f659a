"""The arithmetic rules' inputs, read from the marts: one ``ReportFigures`` per current report."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from expectations.figures import BudgetExecution, ProjectFigures, ReportFigures, ScoredRow, to_decimal
from ingestion.warehouse.connection import Warehouse

_REPORTS = """
    select r.report_id, u.unit_name, r.fiscal_year, cast(r.self_score as varchar)
    from {marts}.dim_report as r
    left join {marts}.dim_unit as u on u.unit_id = r.unit_id
    where r.is_current
    order by r.report_id
"""
_AMOUNTS = "select report_id, line_item, cast(amount_wan as varchar) from {marts}.fct_expenditure"
_PROJECTS = """
    select report_id, project_name, cast(budget_yuan as varchar), cast(spent_yuan as varchar)
    from {marts}.fct_project_expenditure order by report_id, project_seq
"""
_INDICATORS = """
    select report_id, indicator_name, cast(weight_points as varchar), cast(score_points as varchar)
    from {marts}.fct_performance_indicator order by report_id, indicator_seq
"""
_EXECUTION = """
    select report_id, cast(full_year_yuan as varchar), cast(executed_yuan as varchar),
        cast(execution_rate_pct as varchar), cast(weight_points as varchar), cast(score_points as varchar)
    from {marts}.fct_budget_execution
"""


def _wan_from_yuan(text: str | None) -> Decimal | None:
    yuan = to_decimal(text)
    return None if yuan is None else yuan.scaleb(-4)


def read_report_figures(warehouse: Warehouse) -> list[ReportFigures]:
    """Figures of every current report in dim_report; superseded reports have no facts to check."""
    marts = warehouse.schema("marts")

    def fetch_rows(sql: str) -> list[tuple[Any, ...]]:
        return warehouse.query(sql.format(marts=marts))

    amounts: dict[str, dict[str, Decimal | None]] = defaultdict(dict)
    for report_id, line_item, amount in fetch_rows(_AMOUNTS):
        amounts[report_id][line_item] = to_decimal(amount)
    projects: dict[str, list[ProjectFigures]] = defaultdict(list)
    for report_id, name, budget, spent in fetch_rows(_PROJECTS):
        projects[report_id].append(ProjectFigures(name, _wan_from_yuan(budget), _wan_from_yuan(spent)))
    indicators: dict[str, list[ScoredRow]] = defaultdict(list)
    for report_id, name, weight, score in fetch_rows(_INDICATORS):
        indicators[report_id].append(ScoredRow(name, to_decimal(weight), to_decimal(score)))
    executions = {
        report_id: BudgetExecution(
            _wan_from_yuan(full_year),
            _wan_from_yuan(executed),
            to_decimal(rate),
            to_decimal(weight),
            to_decimal(score),
        )
        for report_id, full_year, executed, rate, weight, score in fetch_rows(_EXECUTION)
    }
    # A report_id twice in dim_report is a blocking failure of its own; check the report once.
    reports = {row[0]: row for row in reversed(fetch_rows(_REPORTS))}
    return [
        ReportFigures(
            report_id=report_id,
            unit_name=unit_name,
            fiscal_year=fiscal_year,
            amounts_wan=amounts.get(report_id, {}),
            projects=tuple(projects.get(report_id, ())),
            indicators=tuple(indicators.get(report_id, ())),
            budget_execution=executions.get(report_id),
            self_score=to_decimal(self_score),
        )
        for report_id, unit_name, fiscal_year, self_score in sorted(reports.values())
    ]
