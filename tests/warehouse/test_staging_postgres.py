"""load_documents against the real PostgreSQL server, in schemas of a unique prefix dropped after."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import psycopg2
import pytest
from test_staging_load import SHA_A, SHA_B, extraction, ledger_row

from ingestion.settings import load_settings
from ingestion.warehouse import (
    Warehouse,
    connect,
    expected_tables,
    fingerprints,
    load_documents,
    pipeline_state,
)
from ingestion.warehouse.staging_schema import all_tables

pytestmark = pytest.mark.postgres


@pytest.fixture
def warehouse(tmp_path: Path) -> Iterator[Warehouse]:
    prefix = f"bpw_test_{uuid.uuid4().hex[:10]}"
    settings = dataclasses.replace(
        load_settings(tmp_path), warehouse_target="postgres", postgres_schema_prefix=prefix
    )
    try:
        opened = connect(settings)
    except psycopg2.OperationalError as error:
        pytest.skip(f"PostgreSQL at {settings.postgres_dsn} is not reachable: {error}")
    try:
        yield opened
    finally:
        opened.connection.rollback()
        with opened.transaction():
            opened.execute(f"drop schema if exists {prefix}_raw cascade")
        opened.close()


def snapshot(warehouse: Warehouse) -> dict[str, list[tuple[object, ...]]]:
    raw = warehouse.schema("raw")
    return {
        table: sorted(warehouse.query(f"select * from {raw}.{table}"), key=repr) for table in all_tables()
    }


def test_raw_tables_live_in_the_prefixed_schema(warehouse: Warehouse) -> None:
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    tables = warehouse.query(
        "select table_name from information_schema.tables where table_schema = ? order by 1",
        [warehouse.schema("raw")],
    )
    # The registry's two tables come along (empty) so dbt finds every source.
    assert [name for (name,) in tables] == sorted(
        [*all_tables(), *expected_tables.TABLES, fingerprints.TABLE, pipeline_state.TABLE]
    )


def test_loading_twice_replaces_rows_and_keeps_decimals_exact(warehouse: Warehouse) -> None:
    documents = [ledger_row(SHA_A), ledger_row(SHA_B, status="quarantined", status_reason="encrypted")]
    load_documents(warehouse, documents, {SHA_A: extraction()})
    first = snapshot(warehouse)
    load_documents(warehouse, documents, {SHA_A: extraction()})
    second = snapshot(warehouse)
    assert {t: len(rows) for t, rows in first.items()} == {t: len(rows) for t, rows in second.items()}
    amounts = dict(
        warehouse.query(f"select line_item, amount_wan from {warehouse.schema('raw')}.report_amounts")
    )
    assert amounts == {"basic": Decimal("1263.48"), "project": Decimal("0.000001"), "gov_fund": Decimal("0")}
    assert second["reports"][0][0] == SHA_A
    assert len(second["documents"]) == 2


def test_a_failed_load_changes_nothing(warehouse: Warehouse) -> None:
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    before = snapshot(warehouse)
    with pytest.raises(psycopg2.DataError):
        load_documents(warehouse, [ledger_row(SHA_A, size_bytes="not a number")], {SHA_A: extraction()})
    assert snapshot(warehouse) == before
