"""dbt build on the real PostgreSQL server, in schemas "<unique prefix>_<layer>" dropped after."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator

import psycopg2
import pytest
from dbt_marts_checks import ALL_CHECKS
from dbt_scenario import BuiltWarehouse, load_and_build_twice

from ingestion.settings import Settings, load_settings

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
LAYERS = ("raw", "staging", "intermediate", "marts")


def drop_schemas(settings: Settings) -> None:
    connection = psycopg2.connect(settings.postgres_dsn)
    try:
        with connection, connection.cursor() as cursor:
            for layer in LAYERS:
                cursor.execute(f"drop schema if exists {settings.postgres_schema_prefix}_{layer} cascade")
    finally:
        connection.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltWarehouse]:
    settings = dataclasses.replace(
        load_settings(tmp_path_factory.mktemp("bpw_home")),
        warehouse_target="postgres",
        postgres_schema_prefix=f"bpw_test_{uuid.uuid4().hex[:10]}",
    )
    try:
        psycopg2.connect(settings.postgres_dsn).close()
    except psycopg2.OperationalError as error:
        pytest.skip(f"PostgreSQL at {settings.postgres_dsn} is not reachable: {error}")
    try:
        yield load_and_build_twice(settings, target="postgres")
    finally:
        drop_schemas(settings)


@pytest.mark.parametrize("check", [pytest.param(check, id=check.__name__) for check in ALL_CHECKS])
def test_marts(built: BuiltWarehouse, check: Callable[[BuiltWarehouse], None]) -> None:
    check(built)


def test_layers_live_in_prefixed_schemas(built: BuiltWarehouse) -> None:
    prefix = built.settings.postgres_schema_prefix
    schemas = built.query(
        "select distinct table_schema from information_schema.tables where table_schema like ? order by 1",
        [f"{prefix}\\_%"],
    )
    assert [name for (name,) in schemas] == sorted(f"{prefix}_{layer}" for layer in LAYERS)
