"""Blocking rules on marts that are wrong: each failure names the report and stops publication."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest
from marts_builder import SEED_000, SEEDS, MartReport, add_report, create_marts, execute

from expectations import ValidationReport, run_validation
from expectations.blocking import blocking_frame_checks
from ingestion.settings import load_settings
from ingestion.warehouse.connection import connect

pytestmark = pytest.mark.slow

MIXED_UNITS = MartReport(
    "1" * 64, "万元街道办事处", 2022, amounts_wan={"basic": "28462700"}
)  # yuan read as 万元
BAD_YEAR = MartReport("2" * 64, "年份街道办事处", 2201)
COSTS = MartReport("5" * 64, "三公街道办事处", 2022)


@pytest.fixture(scope="module")
def dirty(tmp_path_factory: pytest.TempPathFactory) -> ValidationReport:
    settings = replace(load_settings(home=tmp_path_factory.mktemp("dirty")), warehouse_target="duckdb")
    path = settings.warehouse_path
    path.parent.mkdir(parents=True)
    create_marts(path)
    for report in (*SEEDS, MIXED_UNITS, BAD_YEAR, COSTS):
        add_report(path, report)
    # A negative cost and a sub-fen one (the column widened, as a careless model change would).
    execute(path, "alter table marts.fct_cost_control alter budget_yuan type decimal(20, 4)")
    execute(
        path,
        "insert into marts.fct_cost_control (report_id, row_seq, final_yuan, budget_yuan) values "
        "(?, 1, -5.00, 100), (?, 2, 3, 1.2345)",
        [COSTS.report_id, COSTS.report_id],
    )
    return run_validation(settings, run_id="dirty-run")


@pytest.mark.parametrize(
    ("rule_id", "failing_reports"),
    [
        pytest.param(
            "amount_yuan_range",
            {MIXED_UNITS.report_id, COSTS.report_id},
            id="万元 mix-up and a negative cost",
        ),
        pytest.param("amount_yuan_precision", {COSTS.report_id}, id="an amount below the fen"),
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
    assert dirty.counts_by_rule["amount_yuan_range"]["fail"] == 2


def test_the_mix_up_is_counted_and_located(dirty: ValidationReport) -> None:
    finding = next(
        f for f in dirty.findings if f.rule_id == "amount_yuan_range" and f.report_id == MIXED_UNITS.report_id
    )
    assert finding.stated_value == D(1)
    assert "marts.fct_expenditure.amount_yuan" in finding.message
    assert finding.unit_name == MIXED_UNITS.unit_name and finding.fiscal_year == 2022


def test_keys_and_relations_are_left_to_dbt(dirty: ValidationReport) -> None:
    """dbt's data tests own grains and relationships; GX checks values only."""
    assert set(dirty.counts_by_rule) >= {"amount_yuan_range", "amount_yuan_precision", "fiscal_year_range"}
    assert not set(dirty.counts_by_rule) & {
        "keys_unique_not_null",
        "no_duplicate_report",
        "report_in_dim_report",
    }


def test_warnings_are_still_reported_beside_blocking_failures(dirty: ValidationReport) -> None:
    assert dirty.for_report(SEED_000.report_id)["basic_parts_sum"].outcome == "pass"


def test_the_checks_are_pushed_down_a_sound_mart_sends_no_rows(tmp_path: Path) -> None:
    settings = replace(load_settings(home=tmp_path), warehouse_target="duckdb")
    settings.warehouse_path.parent.mkdir(parents=True)
    create_marts(settings.warehouse_path)
    for report in (*SEEDS, COSTS):
        add_report(settings.warehouse_path, report)
    execute(
        settings.warehouse_path,
        "insert into marts.fct_cost_control (report_id, row_seq, final_yuan) values (?, 1, -5.00)",
        [COSTS.report_id],
    )
    with connect(settings, read_only=True) as warehouse:
        frames = {check.name: len(check.frame) for check in blocking_frame_checks(warehouse)}
        stored = warehouse.query("select count(*) from marts.fct_expenditure")[0][0]
    assert stored > 0 and frames["marts.fct_expenditure"] == 0
    assert frames["marts.fct_cost_control"] == 1  # the negative cost, and nothing else
