"""The report arithmetic, once: pure functions from a report's figures to stated vs expected.

Each function returns a ``Comparison`` (what the report states, what its other figures imply) or
``NotCheckable`` (the report does not state the inputs). Whether a comparison passes is the rule
catalogue's business (tolerance, equal / at_most); at the marts boundary Great Expectations decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from expectations.figures import BASIC_PARTS, ReportFigures, ScoredRow

# Money and points are compared at 6 decimals: 万元 to the fen, points to a millionth.
SCALE = Decimal("0.000001")
FULL_MARKS = Decimal(100)


@dataclass(frozen=True)
class Comparison:
    stated: Decimal
    expected: Decimal
    detail: str

    @property
    def difference(self) -> Decimal:
        return self.stated - self.expected


@dataclass(frozen=True)
class NotCheckable:
    reason: str


Check = Comparison | NotCheckable


def plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 2102.150000 -> 2102.15, 1E+2 -> 100."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _sum_detail(labelled: Iterable[tuple[str, Decimal]]) -> str:
    return " + ".join(f"{plain(value)} ({label})" for label, value in labelled)


def basic_parts_sum(report: ReportFigures) -> Check:
    basic = report.amount("basic")
    parts = [(part, value) for part in BASIC_PARTS if (value := report.amount(part)) is not None]
    if basic is None:
        return NotCheckable("基本支出 (basic) is not stated")
    if not parts:
        return NotCheckable("none of the parts of 基本支出 is stated")
    return Comparison(basic, sum((value for _, value in parts), Decimal(0)), _sum_detail(parts))


def appropriation_sum(report: ReportFigures) -> Check:
    total = report.amount("appropriation_expenditure")
    basic, project = report.amount("basic"), report.amount("project")
    if total is None or basic is None or project is None:
        return NotCheckable("财政拨款支出, 基本支出 and 项目支出 are not all stated")
    return Comparison(total, basic + project, _sum_detail([("basic", basic), ("project", project)]))


def _projects_total(report: ReportFigures, line_item: str, figure: str, zh: str) -> Check:
    total = report.amount(line_item)
    if total is None:
        return NotCheckable(f"{zh} ({line_item}) is not stated")
    if not report.projects:
        return NotCheckable("no projects are listed")
    values = [getattr(project, figure) for project in report.projects]
    if any(value is None for value in values):
        return NotCheckable(f"not every listed project states its {figure}")
    stated_values = [value for value in values if value is not None]
    detail = f"{len(stated_values)} projects: " + " + ".join(plain(value) for value in stated_values)
    return Comparison(total, sum(stated_values, Decimal(0)), detail)


def projects_sum(report: ReportFigures) -> Check:
    return _projects_total(report, "project", "spent_wan", "项目支出")


def project_budgets_sum(report: ReportFigures) -> Check:
    return _projects_total(report, "project_budget", "budget_wan", "项目预算")


def _scored_rows(report: ReportFigures) -> list[ScoredRow]:
    rows = list(report.indicators)
    execution = report.budget_execution
    if execution is not None:
        rows.append(ScoredRow("预算执行率", execution.weight, execution.score))
    return rows


def score_total(report: ReportFigures) -> Check:
    if report.self_score is None:
        return NotCheckable("the self-evaluation total is not stated")
    if not report.indicators:
        return NotCheckable("no indicators are listed")
    scores = [row.score for row in _scored_rows(report)]
    if any(score is None for score in scores):
        return NotCheckable("not every scored row states its 得分")
    stated_scores = [score for score in scores if score is not None]
    detail = f"{len(stated_scores)} scored rows incl. budget execution"
    return Comparison(report.self_score, sum(stated_scores, Decimal(0)), detail)


def score_within_weight(report: ReportFigures) -> Check:
    pairs = [
        (row.score, row.weight, row.name)
        for row in _scored_rows(report)
        if row.score is not None and row.weight is not None
    ]
    if not pairs:
        return NotCheckable("no scored row states both 得分 and 分值")
    # The row closest to (or furthest over) its weight decides the report's outcome.
    score, weight, name = max(pairs, key=lambda pair: pair[0] - pair[1])
    return Comparison(score, weight, f"{len(pairs)} rows; worst: {name}")


def weights_total(report: ReportFigures) -> Check:
    if not report.indicators:
        return NotCheckable("no indicators are listed")
    weights = [row.weight for row in _scored_rows(report)]
    if any(weight is None for weight in weights):
        return NotCheckable("not every scored row states its 分值")
    stated_weights = [weight for weight in weights if weight is not None]
    detail = f"{len(stated_weights)} scored rows incl. budget execution"
    return Comparison(sum(stated_weights, Decimal(0)), FULL_MARKS, detail)


def execution_rate(report: ReportFigures) -> Check:
    execution = report.budget_execution
    if execution is None:
        return NotCheckable("no budget-execution row")
    rate, executed, full_year = execution.rate_pct, execution.executed_wan, execution.full_year_wan
    if rate is None or executed is None or not full_year:
        return NotCheckable("执行率, 执行数 and a non-zero 全年预算 are not all stated")
    expected = (executed / full_year * 100).quantize(SCALE)
    return Comparison(rate, expected, f"{plain(executed)} / {plain(full_year)} × 100")


ARITHMETIC_RULES: dict[str, Callable[[ReportFigures], Check]] = {
    "basic_parts_sum": basic_parts_sum,
    "appropriation_sum": appropriation_sum,
    "projects_sum": projects_sum,
    "project_budgets_sum": project_budgets_sum,
    "score_total": score_total,
    "score_within_weight": score_within_weight,
    "weights_total": weights_total,
    "execution_rate": execution_rate,
}
