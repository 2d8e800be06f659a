"""run_validation end to end: real DuckDB marts built by hand, real Great Expectations.

Two warehouses, validated once per module (GX is slow): one where only report arithmetic is
off (warnings), one with integrity failures (blocking).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import duckdb
import pytest
from marts_builder import (
    SEED_000,
    SEED_002,
    SEED_003,
    SEED_004,
    SEEDS,
    MartReport,
    add_report,
    as_extraction,
    create_marts,
    execute,
)

from expectations import ValidationReport, check_extractions, run_validation
from expectations.marts import MartsMissing
from ingestion.commands import validate as validate_command
from ingestion.settings import Settings, load_settings
from ingestion.warehouse.findings import write_findings

pytestmark = pytest.mark.slow
P, W, NC = "pass", "warn", "not_checkable"
RUN = "run-1"

# Off by 0.10 in 基本支出's parts and by 0.01 in the projects.
OFF_SUMS = MartReport(
    "a" * 64,
    "错账街道办事处",
    2022,
    amounts_wan={
        "appropriation_expenditure": "2846.27",
        "basic": "2102.15",
        "personnel": "1240.50",
        "public_funds": "861.55",
        "project": "744.12",
    },
    projects=[(None, "744.11")],
)
# Scores: 52 + 30 + 10 = 92 against a total of 90; 52 over a weight of 50; rate 100 stated, 95 computed.
OFF_SCORES = MartReport(
    "b" * 64,
    "错分街道办事处",
    2022,
    indicators=[("50", "52"), ("40", "30")],
    execution=("200", "190", "100", "10", "10"),
    self_score="90",
)
SUPERSEDED = replace(
    SEED_002, report_id="c" * 64, is_current=False, amounts_wan={"basic": "1", "personnel": "2"}
)


def new_settings(tmp_path_factory: pytest.TempPathFactory, name: str) -> Settings:
    settings = replace(load_settings(home=tmp_path_factory.mktemp(name)), warehouse_target="duckdb")
    settings.warehouse_path.parent.mkdir(parents=True)
    create_marts(settings.warehouse_path)
    return settings


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, ValidationReport, list[int]]]:
    """Seeds plus reports that do not add up, validated twice under one run_id (API, then CLI)."""
    settings = new_settings(tmp_path_factory, "clean")
    for mart_report in (*SEEDS, OFF_SUMS, OFF_SCORES, SUPERSEDED):
        add_report(settings.warehouse_path, mart_report)
    report = run_validation(settings, run_id=RUN)
    write_findings(settings, report)
    stored = results_stored(settings)
    args = argparse.Namespace(home=str(settings.home), run_id=RUN, no_write=False, show="warn")
    exit_code = validate_command.run(args)
    yield settings, report, [stored, results_stored(settings), exit_code]


def results_stored(settings: Settings) -> int:
    return len(list((settings.validation_dir / "gx" / "uncommitted" / "validations").rglob("*.json")))


SEED_EXPECTED = [
    pytest.param(
        SEED_000,
        {
            "basic_parts_sum": P,
            "appropriation_sum": P,
            "projects_sum": P,
            "score_total": NC,
            "execution_rate": NC,
        },
        id="000 柏溪 2021",
    ),
    pytest.param(
        SEED_002,
        {
            "basic_parts_sum": P,
            "appropriation_sum": P,
            "projects_sum": P,
            "score_total": P,
            "score_within_weight": P,
            "weights_total": P,
            "execution_rate": P,
        },
        id="002 松岭 2023",
    ),
    pytest.param(
        SEED_003,
        {
            rule: NC
            for rule in (
                "basic_parts_sum",
                "appropriation_sum",
                "projects_sum",
                "project_budgets_sum",
                "score_total",
                "score_within_weight",
                "weights_total",
                "execution_rate",
            )
        },
        id="003 no figures",
    ),
    pytest.param(
        SEED_004, {"projects_sum": P, "project_budgets_sum": P, "basic_parts_sum": NC}, id="004 key projects"
    ),
]


@pytest.mark.parametrize(("seed", "expected"), SEED_EXPECTED)
def test_seed_marts_pass_where_checkable(clean: tuple, seed: MartReport, expected: dict[str, str]) -> None:
    findings = clean[1].for_report(seed.report_id)
    assert {rule: findings[rule].outcome for rule in expected} == expected
    assert all(f.unit_name == seed.unit_name and f.fiscal_year == seed.fiscal_year for f in findings.values())


@pytest.mark.parametrize(
    ("report", "rule_id", "outcome", "stated", "expected", "difference"),
    [
        pytest.param(
            OFF_SUMS, "basic_parts_sum", W, "2102.15", "2102.05", "0.10", id="basic parts 0.10 short"
        ),
        pytest.param(
            OFF_SUMS, "appropriation_sum", P, "2846.27", "2846.27", "0", id="appropriation still adds up"
        ),
        pytest.param(OFF_SUMS, "projects_sum", W, "744.12", "744.11", "0.01", id="projects a fen short"),
        pytest.param(OFF_SCORES, "score_total", W, "90", "92", "-2", id="scores sum past the total"),
        pytest.param(OFF_SCORES, "score_within_weight", W, "52", "50", "2", id="a score over its weight"),
        pytest.param(OFF_SCORES, "weights_total", P, "100", "100", "0", id="weights still 100"),
        pytest.param(OFF_SCORES, "execution_rate", W, "100", "95", "5", id="rate 5 points too high"),
    ],
)
def test_reports_that_do_not_add_up_warn_with_the_difference(
    clean: tuple, report: MartReport, rule_id: str, outcome: str, stated: str, expected: str, difference: str
) -> None:
    finding = clean[1].for_report(report.report_id)[rule_id]
    assert finding.outcome == outcome
    assert (finding.stated_value, finding.expected_value, finding.difference) == (
        D(stated),
        D(expected),
        D(difference),
    )
    assert finding.severity == "warning" and report.unit_name in finding.message


def test_both_boundaries_agree_on_every_report(clean: tuple) -> None:
    reports = (*SEEDS, OFF_SUMS, OFF_SCORES)
    staged = check_extractions({r.report_id: as_extraction(r) for r in reports})
    marts = [f for f in clean[1].findings if f.severity == "warning"]
    verdict = lambda f: (f.rule_id, f.report_id, f.outcome, f.stated_value, f.expected_value, f.difference)  # noqa: E731
    assert sorted(map(verdict, marts)) == sorted(map(verdict, staged.findings))


def test_superseded_reports_are_not_checked(clean: tuple) -> None:
    assert clean[1].for_report(SUPERSEDED.report_id) == {}


def test_no_blocking_rule_fails_on_sound_marts(clean: tuple) -> None:
    report = clean[1]
    blocking = [f for f in report.findings if f.severity == "blocking"]
    assert {f.outcome for f in blocking} == {"pass"}
    assert {f.rule_id for f in blocking} == {
        "amount_yuan_precision",
        "amount_yuan_range",
        "fiscal_year_range",
    }
    assert not report.blocking_failed
    assert report.counts["warn"] == 5 and report.counts["fail"] == 0
    assert report.data_docs_index is not None and report.data_docs_index.is_file()


def test_a_rerun_replaces_results_and_findings(clean: tuple) -> None:
    settings, report, (stored_first, stored_after_rerun, exit_code) = clean
    assert exit_code == 0
    assert stored_first == stored_after_rerun > 0
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as connection:
        rows = connection.execute(
            "select count(*), count(distinct finding_id) from marts.fct_validation_finding where run_id = ?",
            [RUN],
        ).fetchone()
    assert rows == (len(report.findings), len(report.findings))


def test_missing_marts_are_named(tmp_path: Path) -> None:
    settings = replace(load_settings(home=tmp_path), warehouse_target="duckdb")
    settings.warehouse_path.parent.mkdir(parents=True)
    execute(settings.warehouse_path, "create schema marts")
    execute(settings.warehouse_path, "create table marts.dim_report (report_id varchar)")
    with pytest.raises(MartsMissing, match="fct_expenditure"):
        run_validation(settings, run_id=RUN)
