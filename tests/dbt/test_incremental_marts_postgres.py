"""Incremental build == full refresh on PostgreSQL (dbt-postgres), over the same warehouse life.

Two schema prefixes get the same loads; one is built by the pipeline's build step (incremental),
the other with ``--full-refresh`` after every step. ``loaded_at`` differs between the two loads
and is left out of the comparison (``dbt_scenario.VOLATILE_COLUMNS``).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest
from dbt_scenario import REGISTRY, mart_snapshot, scenario
from test_dbt_build_postgres import drop_schemas
from test_incremental_marts import initial_load, new_reports, quarantine, reparse

from ingestion.expected import load_registry
from ingestion.pipeline import steps
from ingestion.settings import Settings, load_settings
from ingestion.warehouse import connect, load_documents
from ingestion.warehouse.dbt import run_dbt
from ingestion.warehouse.expected_tables import load_registry_tables

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def _postgres(home: Path) -> Settings:
    prefix = f"bpw_inc_{uuid.uuid4().hex[:10]}"
    settings = load_settings(home)
    return dataclasses.replace(settings, warehouse_target="postgres", postgres_schema_prefix=prefix)


@pytest.fixture
def homes(tmp_path: Path) -> Iterator[tuple[Settings, Settings]]:
    incremental, full = _postgres(tmp_path / "incremental"), _postgres(tmp_path / "full")
    try:
        psycopg2.connect(incremental.postgres_dsn).close()
    except psycopg2.OperationalError as error:
        pytest.skip(f"PostgreSQL at {incremental.postgres_dsn} is not reachable: {error}")
    try:
        yield incremental, full
    finally:
        drop_schemas(incremental)
        drop_schemas(full)


def test_incremental_build_equals_full_refresh_on_postgres(homes: tuple[Settings, Settings]) -> None:
    incremental, full = homes
    for step in (initial_load, new_reports, reparse, quarantine):
        documents, extractions = step(scenario())
        for settings in homes:
            with connect(settings) as warehouse:
                load_documents(warehouse, documents, extractions)
                load_registry_tables(warehouse, load_registry(REGISTRY))
        built = steps.build_models(incremental, f"run-{step.__name__}")
        assert built["build"].startswith("incremental") or step is initial_load
        refreshed = run_dbt(full, ["build", "--full-refresh"], target="postgres")
        assert refreshed.success, refreshed.failures
        snapshots = []
        for settings in homes:
            with connect(settings, read_only=True) as warehouse:
                snapshots.append(mart_snapshot(warehouse))
        assert snapshots[0] == snapshots[1], step.__name__
