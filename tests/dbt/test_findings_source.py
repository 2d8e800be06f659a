"""The findings table the pipeline writes is declared to dbt, with exactly the columns it writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingestion.settings import load_settings
from ingestion.warehouse.dbt import run_dbt
from ingestion.warehouse.findings import COLUMNS, TABLE

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("target", ["duckdb", "postgres"])
def test_the_findings_table_is_a_dbt_source_beside_the_marts(tmp_path: Path, target: str) -> None:
    settings = load_settings(tmp_path)
    schema = "marts" if target == "duckdb" else f"{settings.postgres_schema_prefix}_marts"
    result = run_dbt(settings, ["parse"], target=target)  # parse only: no warehouse needed
    assert result.success
    manifest = json.loads((tmp_path / "dbt" / "target" / "manifest.json").read_text(encoding="utf-8"))
    source = manifest["sources"][f"source.bpw.validation.{TABLE}"]
    assert source["schema"] == schema
    # A column added to the pipeline's table and not to the YAML (or the reverse) fails here.
    assert list(source["columns"]) == [name for name, _ in COLUMNS]
    assert all(column["description"] for column in source["columns"].values())
