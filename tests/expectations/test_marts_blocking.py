"""Blocking rules on marts that are wrong: each failure names the report and stops publication."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from marts_builder import SEED_000, SEED_002, SEEDS, MartReport, add_report, create_marts, execute

from expectations import ValidationReport, run_validation
from ingestion.settings import load_settings

pytestmark = pytest.mark.slow

MIXED_UNITS = MartReport(
    "1" * 64, "万元街道办事处", 2022, amounts_wan={"basic": "19296500"}
)  # yuan read as 万元
BAD_YEAR = MartReport("2" * 64, "年份街道办事处", 2201)
TWIN_A = MartReport("3" * 64, "重复街道办事处", 2022)
TWIN_B = MartReport("4" * 64, "重复街道办事处", 2022)
COSTS = MartReport("5" * 64, "三公街道办事处", 2022)
ORPHAN = "9" * 64


@pytest.fixture(scope="module")
def dirty(tmp_path_factory: pytest.TempPathFactory) -> ValidationReport:
    settings = replace(load_settings(home=tmp_path_factory.mktemp("dirty")), warehouse_target="duckdb")
    path = settings.warehouse_path
    path.parent.mkdir(parents=True)
    create_marts(path)
    for report in (*SEEDS, MIXED_UNITS, BAD_YEAR, TWIN_A, TWIN_B, COSTS):
        add_report(path, report)
    # A duplicate fact: 002's 基本支出 loaded twice.
    execute(
        path,
        "insert into marts.fct_expenditure (report_id, line_item, amount_wan, amount_yuan) "
        "values (?, 'basic', 1257.33, 12573300)",
        [SEED_002.report_id],
    )
    # A key with a hole in it.
    execute(
        path,
        "insert into marts.fct_narrative_metric (report_id, metric_seq) values (?, null)",
        [SEED_000.report_id],
    )
    # A negative cost and a sub-fen one (the column widened, as a careless model change would).
    execute(path, "alter table marts.fct_cost_control alter budget_yuan type decimal(20, 4)")
    execute(
        path,
        "insert into marts.fct_cost_control (report_id, row_seq, final_yuan, budget_yuan) values "
        "(?, 1, -5.00, 100), (?, 2, 3, 1.2345)",
        [COSTS.report_id, COSTS.report_id],
    )
    # A fact whose report is not in dim_report.
    execute(path, "insert into marts.fct_staffing values (?, 'actual', 12)", [ORPHAN])
    return run_validation(settings, run_id="dirty-run")


@pytest.mark.parametrize(
    ("rule_id", "failing_reports"),
    [
        pytest.param(
            "keys_unique_not_null", {SEED_002.report_id, SEED_000.report_id}, id="duplicate and null keys"
        ),
        pytest.param(
            "no_duplicate_report",
            {TWIN_A.report_id, TWIN_B.report_id},
            id="two current reports of one unit-year",
        ),
        pytest.param(
            "amount_yuan_range",
            {MIXED_UNITS.report_id, COSTS.report_id},
            id="万元 mix-up and a negative cost",
        ),
        pytest.param("amount_yuan_precision", {COSTS.report_id}, id="an amount below the fen"),
        pytest.param("report_in_dim_report", {ORPHAN}, id="an orphan fact"),
        pytest.param("fiscal_year_range", {BAD_YEAR.report_id}, id="year 2201"),
    ],
)
def test_each_blocking_failure_names_its_reports(
    dirty: ValidationReport, rule_id: str, failing_reports: set[str]
) -> None:
    failed = [f for f in dirty.findings if f.rule_id == rule_id and f.outcome == "fail"]
    assert {f.report_id for f in failed} == failing_reports
    assert all(f.severity == "blocking" and f.expected_value == D(0) for f in failed)
    assert all(f.stated_value is not None and f.stated_value >= 1 for f in failed)


def test_a_blocking_failure_stops_publication(dirty: ValidationReport) -> None:
    assert dirty.blocking_failed
    assert dirty.counts_by_rule["keys_unique_not_null"]["fail"] == 2


def test_the_duplicate_is_counted_and_located(dirty: ValidationReport) -> None:
    finding = next(
        f for f in dirty.findings if f.rule_id == "keys_unique_not_null" and f.report_id == SEED_002.report_id
    )
    assert finding.stated_value == D(2)  # both copies of the row
    assert "marts.fct_expenditure(report_id, line_item)" in finding.message
    assert finding.unit_name == "建宁街道办事处" and finding.fiscal_year == 2023


def test_warnings_are_still_reported_beside_blocking_failures(dirty: ValidationReport) -> None:
    assert dirty.for_report(SEED_000.report_id)["basic_parts_sum"].outcome == "pass"
