"""check_extractions on the seeds' gold extractions and on reports that do not add up."""

from __future__ import annotations

import copy
from decimal import Decimal as D
from typing import Any

import pytest

from expectations import check_extractions
from expectations.rules import rules_for
from tests.contract.builders import build_extraction
from tests.contract.gold import gold_extractions

P, NC = "pass", "not_checkable"
RULE_IDS = [rule.id for rule in rules_for("staging")]
# Outcome per rule, in catalogue order: basic_parts_sum, appropriation_sum, projects_sum,
# project_budgets_sum, score_total, score_within_weight, weights_total, execution_rate.
SEED_OUTCOMES = {
    "000": [P, P, P, NC, NC, NC, NC, NC],
    "001": [NC, NC, P, NC, NC, NC, NC, NC],
    "002": [P, P, P, NC, P, P, P, P],
    "003": [NC] * 8,
    "004": [NC, NC, P, P, NC, NC, NC, NC],
}


def test_the_catalogue_order_is_the_one_the_table_assumes() -> None:
    assert RULE_IDS == [
        "basic_parts_sum",
        "appropriation_sum",
        "projects_sum",
        "project_budgets_sum",
        "score_total",
        "score_within_weight",
        "weights_total",
        "execution_rate",
    ]


@pytest.mark.parametrize("seed", [pytest.param(seed, id=f"seed {seed}") for seed in SEED_OUTCOMES])
def test_every_seed_passes_where_checkable(seed: str) -> None:
    report = check_extractions({seed: build_extraction(gold_extractions()[seed])})
    outcomes = {rule_id: finding.outcome for rule_id, finding in report.for_report(seed).items()}
    assert outcomes == dict(zip(RULE_IDS, SEED_OUTCOMES[seed], strict=True))
    assert not report.blocking_failed


def extraction_example() -> dict[str, Any]:
    """An invented street office's figures that add up (every rule it can check passes)."""
    return {
        "report": {"unit_name": "松岭街道办事处", "fiscal_year": 2023},
        "amounts_wan": {
            "appropriation_expenditure": "1682.24",
            "basic": "1263.48",
            "personnel": "831.20",
            "public_funds": "344.50",
            "household_subsidy": "81.43",
            "capital": "6.35",
            "project": "418.76",
            "project_budget": None,
        },
        "projects": [
            {"name": n, "budget_wan": None, "spent_wan": s}
            for n, s in (("社区服务补助经费", "258.37"), ("城管环卫", "131.25"), ("其他", "29.14"))
        ],
        "indicators": [
            {"name": f"i{n}", "weight": w, "score": s}
            for n, (w, s) in enumerate([(20, 20), (10, 10), (10, 10), (10, 10), (10, 10), (10, 6), (20, 20)])
        ],
        "budget_execution": {
            "full_year_wan": "1682.24",
            "executed_wan": "1682.24",
            "rate_pct": 100,
            "weight": 10,
            "score": 10,
        },
        "self_score": 96,
    }


def test_the_written_out_example_passes_every_rule_it_can_check() -> None:
    findings = check_extractions({"002": build_extraction(extraction_example())}).for_report("002")
    assert {f.outcome for f in findings.values()} == {P, NC}
    assert findings["project_budgets_sum"].outcome == NC


def _set(extraction: dict[str, Any], pointer: str, value: object) -> None:
    *path, last = pointer.strip("/").split("/")
    node: Any = extraction
    for key in path:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[int(last) if isinstance(node, list) else last] = value


@pytest.mark.parametrize(
    ("pointer", "value", "rule_id", "stated", "expected", "outcome"),
    [
        pytest.param(
            "/amounts_wan/personnel",
            "831.10",
            "basic_parts_sum",
            "1263.48",
            "1263.38",
            "warn",
            id="a part 0.10 short",
        ),
        pytest.param(
            "/amounts_wan/project",
            "417.86",
            "appropriation_sum",
            "1682.24",
            "1681.34",
            "warn",
            id="transposed digits",
        ),
        pytest.param(
            "/projects/2/spent_wan",
            "2.914",
            "projects_sum",
            "418.76",
            "392.534",
            "warn",
            id="project off by scale",
        ),
        pytest.param(
            "/indicators/5/score",
            8,
            "score_total",
            "96",
            "98",
            "warn",
            id="indicator scores sum past the total",
        ),
        pytest.param(
            "/indicators/5/score", 12, "score_within_weight", "12", "10", "warn", id="score above its weight"
        ),
        pytest.param(
            "/indicators/0/weight", 25, "weights_total", "105", "100", "warn", id="weights sum past 100"
        ),
        pytest.param(
            "/budget_execution/rate_pct", 95, "execution_rate", "95", "100", "warn", id="rate 5 points off"
        ),
        pytest.param(
            "/budget_execution/rate_pct",
            99.6,
            "execution_rate",
            "99.6",
            "100",
            "pass",
            id="rate 0.4 points off passes",
        ),
    ],
)
def test_a_report_that_does_not_add_up_warns_with_the_difference(
    pointer: str, value: object, rule_id: str, stated: str, expected: str, outcome: str
) -> None:
    extraction = copy.deepcopy(extraction_example())
    _set(extraction, pointer, value)
    finding = check_extractions({"bad": build_extraction(extraction)}).for_report("bad")[rule_id]
    assert finding.outcome == outcome
    assert (finding.stated_value, finding.expected_value) == (D(stated), D(expected))
    assert finding.difference == D(stated) - D(expected)
    assert (finding.unit_name, finding.fiscal_year, finding.severity) == ("松岭街道办事处", 2023, "warning")
    assert rule_id in finding.message and "松岭街道办事处" in finding.message
