"""Findings in the warehouse: once per rule and report, visible only once their run finished.

DuckDB and PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import duckdb
import pytest

from expectations import Finding, ValidationReport
from ingestion.settings import Settings
from ingestion.warehouse.findings import (
    finding_id,
    promote_findings,
    stage_findings,
    validated_figures,
    write_findings,
)

WARN = Finding(
    "basic_parts_sum",
    "warning",
    "warn",
    "r" * 64,
    "松岭街道办事处",
    2023,
    D("1263.48"),
    D("1263.38"),
    D("0.10"),
    "basic parts 0.10 short",
)
PASS = Finding(
    "fiscal_year_range", "blocking", "pass", None, None, None, None, None, None, "every year in range"
)
UNCHECKED = Finding(
    "score_total", "warning", "not_checkable", "r" * 64, None, None, None, None, None, "no total"
)


def report(run_id: str | None, *findings: Finding) -> ValidationReport:
    return ValidationReport(boundary="marts", findings=findings, run_id=run_id)


def rows(path: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(
            "select run_id, rule_id, outcome, report_id, stated_value, expected_value, difference,"
            " finding_id from marts.fct_validation_finding order by run_id, rule_id"
        ).fetchall()


def test_findings_land_with_exact_decimals_and_stable_ids(settings: Settings) -> None:
    assert write_findings(settings, report("run-1", WARN, PASS)) == 2
    written = rows(settings.warehouse_path)
    assert written[0] == (
        "run-1",
        "basic_parts_sum",
        "warn",
        "r" * 64,
        D("1263.48"),
        D("1263.38"),
        D("0.10"),
        finding_id("basic_parts_sum", "r" * 64),
    )
    assert written[1][1:7] == ("fiscal_year_range", "pass", None, None, None, None)


def test_a_later_run_replaces_the_findings_of_the_reports_it_checked(
    settings: Settings, warehouse: Path
) -> None:
    other = replace(WARN, report_id="s" * 64)
    write_findings(settings, report("run-1", WARN, other, PASS))
    write_findings(settings, report("run-2", UNCHECKED))
    write_findings(settings, report("run-2", UNCHECKED))
    assert [(row[0], row[1], row[3]) for row in rows(warehouse)] == [
        ("run-1", "basic_parts_sum", "s" * 64),  # not checked again: stays with the run that checked it
        ("run-1", "fiscal_year_range", None),  # no blocking rule ran in run-2
        ("run-2", "score_total", "r" * 64),  # report r checked again: its run-1 finding is gone
    ]


def test_a_run_that_did_not_finish_leaves_no_findings(settings: Settings, warehouse: Path) -> None:
    write_findings(settings, report("run-1", WARN, PASS))
    killed = replace(WARN, outcome="pass", message="the killed run's verdict")
    stage_findings(settings, report("killed", killed), {"r" * 64: "figures"})
    assert [(row[0], row[2]) for row in rows(warehouse)] == [("run-1", "warn"), ("run-1", "pass")]
    assert validated_figures(settings) == {"r" * 64: ""}
    # The next run stages its own findings: the killed run's are thrown away, never promoted.
    stage_findings(settings, report("run-3", UNCHECKED), {"r" * 64: "figures"})
    assert promote_findings(settings, "killed") == 0
    assert promote_findings(settings, "run-3") == 1
    assert [(row[0], row[1]) for row in rows(warehouse)] == [
        ("run-1", "fiscal_year_range"),
        ("run-3", "score_total"),
    ]
    assert validated_figures(settings) == {"r" * 64: "figures"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(("rule", "ab"), ("rule", "ab "), id="report ids differ"),
        pytest.param(("ruleab", ""), ("rule", "ab"), id="fields do not run together"),
        pytest.param(("rule", None), ("rule2", None), id="rules differ"),
    ],
)
def test_finding_ids_differ_when_their_parts_do(a: tuple, b: tuple) -> None:
    assert finding_id(*a) != finding_id(*b)


def test_a_report_without_run_id_is_refused(settings: Settings) -> None:
    with pytest.raises(ValueError, match="run_id"):
        write_findings(settings, report(None, WARN))


@pytest.fixture
def postgres_settings(settings: Settings) -> Iterator[Settings]:
    psycopg2 = pytest.importorskip("psycopg2")
    dsn = "postgresql://postgres@127.0.0.1:5432/test"
    try:
        psycopg2.connect(dsn).close()
    except psycopg2.OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at {dsn}: {exc}")
    prefix = f"bpw_findings_{uuid.uuid4().hex[:8]}"
    yield replace(settings, warehouse_target="postgres", postgres_dsn=dsn, postgres_schema_prefix=prefix)
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute(f"drop schema if exists {prefix}_marts cascade")
        cursor.execute(f"drop schema if exists {prefix}_raw cascade")


@pytest.mark.postgres
def test_findings_are_written_to_postgres_too(postgres_settings: Settings) -> None:
    import psycopg2

    write_findings(postgres_settings, report("run-1", WARN, PASS))
    write_findings(postgres_settings, report("run-1", WARN))
    with psycopg2.connect(postgres_settings.postgres_dsn) as connection, connection.cursor() as cursor:
        schema = f"{postgres_settings.postgres_schema_prefix}_marts"
        cursor.execute(f"select rule_id, difference from {schema}.fct_validation_finding order by 1")
        assert cursor.fetchall() == [("basic_parts_sum", D("0.100000")), ("fiscal_year_range", None)]
