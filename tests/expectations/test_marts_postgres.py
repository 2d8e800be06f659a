"""run_validation against PostgreSQL marts (``<prefix>_marts``): the same rules, the same verdicts."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal as D

import pytest
from marts_builder import SEEDS, MartReport, add_report, as_extraction, create_marts

from expectations import check_extractions, run_validation
from ingestion.settings import Settings
from ingestion.warehouse.connection import connect
from ingestion.warehouse.findings import write_findings

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
DSN = "postgresql://postgres@127.0.0.1:5432/test"
OFF = MartReport("d" * 64, "错账街道办事处", 2022, amounts_wan={"basic": "100.00", "personnel": "99.99"})


@pytest.fixture
def postgres(settings: Settings) -> Iterator[Settings]:
    psycopg2 = pytest.importorskip("psycopg2")
    try:
        psycopg2.connect(DSN).close()
    except psycopg2.OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at {DSN}: {exc}")
    prefix = f"bpw_validation_{uuid.uuid4().hex[:8]}"
    pg_settings = replace(
        settings, warehouse_target="postgres", postgres_dsn=DSN, postgres_schema_prefix=prefix
    )
    yield pg_settings
    with psycopg2.connect(DSN) as connection, connection.cursor() as cursor:
        cursor.execute(f"drop schema if exists {prefix}_marts cascade")
        cursor.execute(f"drop schema if exists {prefix}_raw cascade")


def test_postgres_marts_get_the_verdicts_of_the_staging_boundary(postgres: Settings) -> None:
    with connect(postgres) as warehouse:
        create_marts(warehouse)
        for mart_report in (*SEEDS, OFF):
            add_report(warehouse, mart_report)
    report = run_validation(postgres, run_id="pg-run")
    assert not report.blocking_failed
    assert report.for_report(OFF.report_id)["basic_parts_sum"].difference == D("0.01")
    staged = check_extractions({r.report_id: as_extraction(r) for r in (*SEEDS, OFF)})
    verdict = lambda f: (f.rule_id, f.report_id, f.outcome, f.difference)  # noqa: E731
    warnings = [f for f in report.findings if f.severity == "warning"]
    assert sorted(map(verdict, warnings)) == sorted(map(verdict, staged.findings))
    assert write_findings(postgres, report) == len(report.findings)
