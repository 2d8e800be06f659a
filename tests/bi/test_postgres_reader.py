"""PostgreSQL publication as BI meets it: a reader role that can read every mart after two runs,
cannot write, and never sees the data of a run that failed validation.

Roles are cluster-wide and the server is shared: the reader role, the BI login and every schema
carry a unique suffix and are dropped after.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest
from drop_truth import SEEDS

from ingestion.pipeline import run_pipeline, steps
from ingestion.settings import Settings, load_settings
from ingestion.warehouse.connection import connect
from ingestion.warehouse.pipeline_state import write_state
from ingestion.warehouse.publish import PublishRefused

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def _admin(settings: Settings) -> Any:
    connection = psycopg2.connect(settings.postgres_dsn)
    connection.autocommit = True
    return connection


def _drop_everything(settings: Settings, login: str) -> None:
    connection = _admin(settings)
    try:
        with connection.cursor() as cursor:
            prefix = settings.postgres_schema_prefix
            cursor.execute("select nspname from pg_namespace where nspname like %s", [f"{prefix}\\_%"])
            for (schema,) in cursor.fetchall():
                cursor.execute(f"drop schema {schema} cascade")
            for role in (login, settings.postgres_reader_role):
                cursor.execute(f"drop role if exists {role}")
    finally:
        connection.close()


@pytest.fixture(scope="module")
def postgres_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, str, dict[str, int]]]:
    """Two published runs over the seeds, then a third whose validation fails a blocking rule."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (../shared absent)")
    suffix = uuid.uuid4().hex[:10]
    settings = dataclasses.replace(
        load_settings(tmp_path_factory.mktemp("bi-pg-home")),
        warehouse_target="postgres",
        postgres_schema_prefix=f"bpw_bi_{suffix}",
        postgres_reader_role=f"bpw_reader_{suffix}",
    )
    login = f"bpw_bi_user_{suffix}"
    try:
        psycopg2.connect(settings.postgres_dsn).close()
    except psycopg2.OperationalError as error:
        pytest.skip(f"PostgreSQL at {settings.postgres_dsn} is not reachable: {error}")
    try:
        run_pipeline(settings, str(SEEDS), run_id="pg-1", echo=False)
        run_pipeline(settings, str(SEEDS), run_id="pg-2", echo=False)
        published = _row_counts(settings, settings.bi_schema)
        connection = _admin(settings)
        with connection.cursor() as cursor:
            cursor.execute(f"create role {login} login in role {settings.postgres_reader_role}")
            # The third run's build is wrong: 万元 taken for 元, every executed amount 10,000 times
            # too large (blocking rule amount_yuan_range).
            marts = f"{settings.postgres_schema_prefix}_marts"
            cursor.execute(
                f"update {marts}.fct_budget_execution set executed_yuan = executed_yuan * 10000 * 10000"
            )
        connection.close()
        # What build_models records after a build, so validation knows the marts changed.
        with connect(settings) as warehouse, warehouse.transaction():
            write_state(warehouse, {"facts_version": "pg-3", "marts_version": "pg-3"})
        assert steps.validate(settings, "pg-3")["blocking_failed"] is True
        with pytest.raises(PublishRefused):
            steps.publish(settings, "pg-3")
        yield settings, login, published
    finally:
        _drop_everything(settings, login)


def _row_counts(settings: Settings, schema: str) -> dict[str, int]:
    connection = _admin(settings)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "select table_name from information_schema.tables where table_schema = %s", [schema]
            )
            tables = sorted(name for (name,) in cursor.fetchall())
            counts = {}
            for table in tables:
                cursor.execute(f"select count(*) from {schema}.{table}")
                counts[table] = cursor.fetchone()[0]
            return counts
    finally:
        connection.close()


def _as_reader(settings: Settings, login: str) -> Any:
    dsn = settings.postgres_dsn.replace("postgres@", f"{login}@", 1)
    assert login in dsn, "the test DSN names its user before the host"
    return psycopg2.connect(dsn)


def test_the_reader_reads_every_mart_with_its_description(
    postgres_runs: tuple[Settings, str, dict[str, int]],
) -> None:
    settings, login, published = postgres_runs
    assert {"dim_report", "fct_budget_execution", "fct_validation_finding_latest"} <= set(published)
    reader = _as_reader(settings, login)
    try:
        with reader.cursor() as cursor:
            for table in published:
                cursor.execute(f"select count(*) from {settings.bi_schema}.{table}")
                assert cursor.fetchone()[0] == published[table], table
            cursor.execute(
                "select col_description(%s::regclass, attnum) from pg_attribute "
                "where attrelid = %s::regclass and attname = 'executed_wan'",
                [f"{settings.bi_schema}.fct_budget_execution"] * 2,
            )
            assert "万元" in cursor.fetchone()[0]
    finally:
        reader.close()


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param("insert into {bi}.dim_fiscal_year (fiscal_year) values (1900)", id="insert into a mart"),
        pytest.param("delete from {bi}.dim_report", id="delete from a mart"),
        pytest.param("create table {bi}.mine (x int)", id="create a table in the BI schema"),
        pytest.param("select count(*) from {prefix}_marts.dim_report", id="read the unaudited build"),
        pytest.param("select count(*) from {prefix}_raw.reports", id="read the raw tables"),
    ],
)
def test_the_reader_cannot_write_or_look_behind_the_publication(
    postgres_runs: tuple[Settings, str, dict[str, int]], statement: str
) -> None:
    settings, login, _ = postgres_runs
    reader = _as_reader(settings, login)
    try:
        with reader.cursor() as cursor, pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cursor.execute(statement.format(bi=settings.bi_schema, prefix=settings.postgres_schema_prefix))
    finally:
        reader.close()


def test_the_reader_never_sees_a_failed_runs_data(
    postgres_runs: tuple[Settings, str, dict[str, int]],
) -> None:
    settings, _, published = postgres_runs
    marts = f"{settings.postgres_schema_prefix}_marts"
    assert _row_counts(settings, settings.bi_schema) == published
    largest = "select max(executed_yuan) from {}.fct_budget_execution"
    connection = _admin(settings)
    try:
        with connection.cursor() as cursor:
            cursor.execute(largest.format(marts))
            built = cursor.fetchone()[0]
            cursor.execute(largest.format(settings.bi_schema))
            shown = cursor.fetchone()[0]
    finally:
        connection.close()
    assert built > 10**11 >= shown
