"""What one invented report states: the single source of both its text and its truth.

Only stated facts are held: an amount the report never mentions is absent here, so the
composers cannot write it and the truth says null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sample_drop.money import Hundredths
from sample_drop.personal import PersonalData
from sample_drop.units import Unit

KINDS = ("overall_expenditure", "project_expenditure", "key_projects")


@dataclass(frozen=True, slots=True)
class Amount:
    value: Hundredths
    text: str  # as the report writes it, e.g. "5.0"


@dataclass(slots=True)
class Project:
    name: str
    spent: Amount | None
    budget: Amount | None = None
    type: str | None = None
    purpose: str | None = None


@dataclass(slots=True)
class Indicator:
    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: Decimal
    score: Decimal
    note: str | None = None


@dataclass(slots=True)
class Execution:
    """The scored budget-execution row (年度资金总额 ... 执行率 得分)."""

    initial: Amount
    full_year: Amount
    executed: Amount
    rate_pct: Decimal
    weight: Decimal
    score: Decimal


@dataclass(slots=True)
class Metric:
    name: str
    value: str
    unit: str | None
    qualifier: str | None = None

    @property
    def phrase(self) -> str:
        return f"{self.name}{self.value}{self.qualifier or ''}{self.unit or ''}"


@dataclass(frozen=True, slots=True)
class CostRow:
    """A row of the basic-data table's money section (三公经费, 项目支出, 公用经费 ...)."""

    item: str  # as the truth names it: no numbering, no 其中
    label: str  # as the cell writes it: "   1、公务用车购置及运行维护费"
    prior_final: Amount | None
    budget: Amount | None
    final: Amount | None


@dataclass(slots=True)
class ReportFacts:
    kind: str
    year: int
    unit: Unit
    names_unit: bool  # the text names the unit
    names_region: bool  # the text names the district
    title: str | None
    amounts: dict[str, Amount] = field(default_factory=dict)
    projects: list[Project] = field(default_factory=list)
    projects_are_categories: bool = False
    staffing: dict[str, int] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    execution: Execution | None = None
    self_score: Decimal | None = None
    problems: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    cost_control: list[CostRow] = field(default_factory=list)
    project_name: str | None = None  # the one project of a project_expenditure report
    expected_findings: list[str] = field(default_factory=list)
    personal: PersonalData | None = None  # invented personal data the text plants (personal.py)
