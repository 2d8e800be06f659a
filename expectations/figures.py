"""The few figures of one report that the arithmetic rules read, whichever boundary they come from.

Money is Decimal 万元 (as reports state it), scores are Decimal points; ``None`` means the report
does not state the figure. Both boundaries build these records: ``staging`` from the extraction
model, ``marts`` from the DuckDB marts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ingestion.contract import ReportExtraction
from ingestion.contract.vocabulary import parts_of

BASIC_PARTS = parts_of("basic")


@dataclass(frozen=True)
class ProjectFigures:
    name: str | None
    budget_wan: Decimal | None
    spent_wan: Decimal | None


@dataclass(frozen=True)
class ScoredRow:
    """An indicator, or the budget-execution row, of a self-evaluation table."""

    name: str | None
    weight: Decimal | None
    score: Decimal | None


@dataclass(frozen=True)
class BudgetExecution:
    full_year_wan: Decimal | None
    executed_wan: Decimal | None
    rate_pct: Decimal | None
    weight: Decimal | None
    score: Decimal | None


@dataclass(frozen=True)
class ReportFigures:
    report_id: str
    unit_name: str | None = None
    fiscal_year: int | None = None
    amounts_wan: Mapping[str, Decimal | None] = field(default_factory=dict)
    projects: tuple[ProjectFigures, ...] = ()
    indicators: tuple[ScoredRow, ...] = ()
    budget_execution: BudgetExecution | None = None
    self_score: Decimal | None = None

    def amount(self, line_item: str) -> Decimal | None:
        return self.amounts_wan.get(line_item)


def to_decimal(value: Any) -> Decimal | None:
    """A stated number as an exact Decimal; JSON numbers go through str so 9.1 stays 9.1."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"a boolean is not a figure: {value!r}")
    return Decimal(str(value))


def figures_from_extraction(report_id: str, extraction: ReportExtraction) -> ReportFigures:
    """The rule inputs of one report-extraction/1 document (the staging boundary)."""
    amounts = {key: to_decimal(value) for key, value in extraction.amounts_wan.model_dump().items()}
    projects = tuple(
        ProjectFigures(p.name, to_decimal(p.budget_wan), to_decimal(p.spent_wan)) for p in extraction.projects
    )
    indicators = tuple(
        ScoredRow(i.name, to_decimal(i.weight), to_decimal(i.score)) for i in extraction.indicators
    )
    execution = extraction.budget_execution
    budget_execution = (
        BudgetExecution(
            full_year_wan=to_decimal(execution.full_year_wan),
            executed_wan=to_decimal(execution.executed_wan),
            rate_pct=to_decimal(execution.rate_pct),
            weight=to_decimal(execution.weight),
            score=to_decimal(execution.score),
        )
        if execution
        else None
    )
    return ReportFigures(
        report_id=report_id,
        unit_name=extraction.report.unit_name,
        fiscal_year=extraction.report.fiscal_year,
        amounts_wan=amounts,
        projects=projects,
        indicators=indicators,
        budget_execution=budget_execution,
        self_score=to_decimal(extraction.self_score),
    )
