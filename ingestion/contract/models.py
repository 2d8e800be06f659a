"""report-extraction/1 as typed models: what the parser returns and every later layer reads.

The models mirror ``../shared/contract/report-extraction.schema.json`` (``schema.py`` generates the
JSON schema from them; a test compares the two). A key the schema lists as optional (``source.
encoding``, an indicator's ``note`` ...) is absent from the JSON unless it was given: ``as_json``
dumps what was set, in field order, so the JSON written to disk is the one the dict-based parser
wrote. Scores stay ``int`` or ``float`` as stated (a whole score prints as ``5``, a half as ``4.5``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ingestion.contract.vocabulary import Amounts, DocumentFormat, Frozen, ReportKind, Staffing, Wan

CONTRACT = "report-extraction/1"
Points = int | float | None


def _optional_key(**constraints: Any) -> Any:
    """A key that may be absent but is never null: reads ``None`` when absent, not in the JSON."""
    return Field(default=None, **constraints)


class Source(Frozen):
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: DocumentFormat
    encoding: str | None = Field(default=None, description="the text encoding detected, for txt and html")
    chars: int = _optional_key(ge=0)


class Region(Frozen):
    province: str | None
    city: str | None
    district: str | None
    division_code: str | None = Field(pattern=r"^[0-9]{6}$")


class Report(Frozen):
    kind: ReportKind
    title: str | None
    unit_name: str | None
    region: Region
    fiscal_year: int | None = Field(ge=1990, le=2100)


class Project(Frozen):
    name: str
    type: str | None = None
    purpose: str | None = None
    budget_wan: Wan
    spent_wan: Wan


class Indicator(Frozen):
    level1: str | None
    level2: str | None
    name: str
    target: str | None
    actual: str | None
    weight: Points
    score: Points
    note: str | None = None


class BudgetExecution(Frozen):
    initial_wan: Wan = None
    full_year_wan: Wan = None
    executed_wan: Wan = None
    rate_pct: Points = None
    weight: Points = None
    score: Points = None


class CostControl(Frozen):
    item: str
    prior_final_wan: Wan
    budget_wan: Wan
    final_wan: Wan


class Metric(Frozen):
    name: str
    value: str
    unit: str | None
    qualifier: str | None = None
    evidence: str | None = None


class Cited(Frozen):
    text: str
    start: int = _optional_key()
    end: int = _optional_key()


class ReportExtraction(Frozen):
    """What the parser extracts from one report (the ``python -m ingestion parse`` JSON)."""

    contract: Literal["report-extraction/1"]
    source: Source
    report: Report
    amounts_wan: Amounts
    projects: tuple[Project, ...]
    staffing: Staffing
    indicators: tuple[Indicator, ...]
    budget_execution: BudgetExecution | None
    self_score: Points
    cost_control: tuple[CostControl, ...]
    problems: tuple[str, ...]
    measures: tuple[str, ...]
    metrics: tuple[Metric, ...]
    evidence: dict[str, Cited] = Field(description="JSON pointer into this document -> the cited snippet")
    warnings: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The JSON object (keys in field order, optional keys only when given)."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


class GroundTruth(ReportExtraction):
    """A generated report's truth: the extraction a perfect parser prints, plus what the generator
    put in on purpose (rules the report breaks; personal data that must come out masked)."""

    expected_findings: tuple[str, ...] = Field(alias="_expected_findings")
    personal_data: tuple[str, ...] = Field(alias="_personal_data")
