"""The rule arithmetic on hand-made figures: stated vs expected, and when a rule cannot check."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from expectations.arithmetic import ARITHMETIC_RULES, Comparison, NotCheckable
from expectations.figures import BudgetExecution, ProjectFigures, ReportFigures, ScoredRow
from expectations.rules import load_rules


def figures(**fields: object) -> ReportFigures:
    return ReportFigures(report_id="r", **fields)  # type: ignore[arg-type]


def amounts(**wan: str) -> dict[str, D]:
    return {key: D(value) for key, value in wan.items()}


def scored(*pairs: tuple[str, str | None]) -> tuple[ScoredRow, ...]:
    return tuple(ScoredRow(f"i{n}", D(w), None if s is None else D(s)) for n, (w, s) in enumerate(pairs))


EXECUTION_002 = BudgetExecution(D("1682.24"), D("1682.24"), D("100"), D("10"), D("10"))

COMPARED = [
    pytest.param(
        "basic_parts_sum",
        figures(amounts_wan=amounts(basic="2102.15", personnel="1240.60", public_funds="861.55")),
        "2102.15",
        "2102.15",
        id="000 basic = personnel + public funds",
    ),
    pytest.param(
        "basic_parts_sum",
        figures(
            amounts_wan=amounts(
                basic="1263.48",
                personnel="831.20",
                public_funds="344.50",
                household_subsidy="81.43",
                capital="6.35",
            )
        ),
        "1263.48",
        "1263.48",
        id="002 basic = four parts",
    ),
    pytest.param(
        "basic_parts_sum",
        figures(amounts_wan=amounts(basic="2102.15", personnel="1240.60")),
        "2102.15",
        "1240.60",
        id="one stated part is summed alone",
    ),
    pytest.param(
        "appropriation_sum",
        figures(amounts_wan=amounts(appropriation_expenditure="2846.27", basic="2102.15", project="744.12")),
        "2846.27",
        "2846.27",
        id="000 appropriation",
    ),
    pytest.param(
        "appropriation_sum",
        figures(amounts_wan=amounts(appropriation_expenditure="2846.27", basic="2102.15", project="744.11")),
        "2846.27",
        "2846.26",
        id="appropriation off by a fen",
    ),
    pytest.param(
        "projects_sum",
        figures(
            amounts_wan=amounts(project="418.76"),
            projects=tuple(ProjectFigures(None, None, D(s)) for s in ("258.37", "131.25", "29.14")),
        ),
        "418.76",
        "418.76",
        id="002 three projects",
    ),
    pytest.param(
        "project_budgets_sum",
        figures(
            amounts_wan=amounts(project_budget="1281.15"),
            projects=(
                ProjectFigures(None, D("318.40"), D("301.26")),
                ProjectFigures(None, D("962.75"), D("947.10")),
            ),
        ),
        "1281.15",
        "1281.15",
        id="004 budgets",
    ),
    pytest.param(
        "score_total",
        figures(
            self_score=D(96),
            indicators=scored(
                ("20", "20"),
                ("10", "10"),
                ("10", "10"),
                ("10", "10"),
                ("10", "10"),
                ("10", "6"),
                ("20", "20"),
            ),
            budget_execution=EXECUTION_002,
        ),
        "96",
        "96",
        id="002 86 + 10 = 96",
    ),
    pytest.param(
        "score_total",
        figures(self_score=D(96), indicators=scored(("50", "45.5")), budget_execution=None),
        "96",
        "45.5",
        id="no budget-execution row: indicators only",
    ),
    pytest.param(
        "weights_total",
        figures(indicators=scored(("20", "20"), ("70", "66")), budget_execution=EXECUTION_002),
        "100",
        "100",
        id="002-like 90 + 10 = 100",
    ),
    pytest.param(
        "score_within_weight",
        figures(indicators=scored(("10", "12"), ("20", "20"))),
        "12",
        "10",
        id="the row furthest over its weight is shown",
    ),
    pytest.param("execution_rate", figures(budget_execution=EXECUTION_002), "100", "100", id="002 rate 100%"),
    pytest.param(
        "execution_rate",
        figures(budget_execution=BudgetExecution(D(3), D(1), D("33.3"), None, None)),
        "33.3",
        "33.333333",
        id="a repeating rate is kept to 6 decimals",
    ),
]


@pytest.mark.parametrize(("rule_id", "report", "stated", "expected"), COMPARED)
def test_rule_compares_stated_with_expected(
    rule_id: str, report: ReportFigures, stated: str, expected: str
) -> None:
    check = ARITHMETIC_RULES[rule_id](report)
    assert isinstance(check, Comparison)
    assert (check.stated, check.expected) == (D(stated), D(expected))
    assert check.difference == D(stated) - D(expected)


UNSTATED = [
    pytest.param("basic_parts_sum", figures(amounts_wan=amounts(personnel="1")), id="basic unstated"),
    pytest.param("basic_parts_sum", figures(amounts_wan=amounts(basic="1694.04")), id="001: no part stated"),
    pytest.param(
        "appropriation_sum",
        figures(amounts_wan=amounts(basic="1694.04", project="3088.06")),
        id="001: no total stated",
    ),
    pytest.param("projects_sum", figures(amounts_wan=amounts(project="1")), id="no projects listed"),
    pytest.param(
        "projects_sum",
        figures(
            amounts_wan=amounts(project="1"),
            projects=(ProjectFigures(None, None, D(1)), ProjectFigures(None, None, None)),
        ),
        id="a project without spending",
    ),
    pytest.param(
        "project_budgets_sum",
        figures(projects=(ProjectFigures(None, D(1), D(1)),)),
        id="project budget total unstated",
    ),
    pytest.param("score_total", figures(self_score=D(91)), id="000: total but no indicators"),
    pytest.param(
        "score_total", figures(self_score=D(90), indicators=scored(("50", None))), id="a score unstated"
    ),
    pytest.param("score_within_weight", figures(), id="no scored rows"),
    pytest.param(
        "weights_total", figures(budget_execution=EXECUTION_002), id="execution row but no indicators"
    ),
    pytest.param(
        "execution_rate",
        figures(budget_execution=BudgetExecution(D(0), D(0), D(0), None, None)),
        id="zero full-year budget",
    ),
    pytest.param("execution_rate", figures(), id="no budget-execution row"),
]


@pytest.mark.parametrize(("rule_id", "report"), UNSTATED)
def test_rule_is_not_checkable_without_its_inputs(rule_id: str, report: ReportFigures) -> None:
    check = ARITHMETIC_RULES[rule_id](report)
    assert isinstance(check, NotCheckable)
    assert check.reason


def test_every_report_without_figures_is_not_checkable_for_every_rule() -> None:
    assert all(isinstance(rule(figures()), NotCheckable) for rule in ARITHMETIC_RULES.values())


@pytest.mark.parametrize(
    ("rule_id", "difference", "passes"),
    [
        pytest.param("execution_rate", "0.5", True, id="rate within half a point"),
        pytest.param("execution_rate", "-0.500001", False, id="rate just beyond half a point"),
        pytest.param("basic_parts_sum", "0.01", False, id="money must match to the fen"),
        pytest.param("score_within_weight", "-4", True, id="score under weight"),
        pytest.param("score_within_weight", "0.5", False, id="score over weight"),
    ],
)
def test_tolerance_comes_from_the_catalogue(rule_id: str, difference: str, passes: bool) -> None:
    assert load_rules()[rule_id].within_tolerance(D(difference)) is passes
