"""Fixtures for the validation tests: settings pinned to DuckDB and an empty marts schema."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from marts_builder import create_marts

from ingestion.settings import Settings, load_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # Pinned to DuckDB whatever BPW_WAREHOUSE_TARGET the shell has.
    return replace(load_settings(home=tmp_path / "home"), warehouse_target="duckdb")


@pytest.fixture
def warehouse(settings: Settings) -> Iterator[Path]:
    """An empty marts schema in the settings' warehouse file."""
    settings.warehouse_path.parent.mkdir(parents=True)
    create_marts(settings.warehouse_path)
    yield settings.warehouse_path
