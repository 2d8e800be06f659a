"""dbt build on a real DuckDB file: the gold reports through raw, staging and marts, built twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from dbt_marts_checks import ALL_CHECKS
from dbt_scenario import BuiltWarehouse, load_and_build_twice

from ingestion.settings import load_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    home: Path = tmp_path_factory.mktemp("bpw_home")
    return load_and_build_twice(load_settings(home), target="duckdb")


@pytest.mark.parametrize("check", [pytest.param(check, id=check.__name__) for check in ALL_CHECKS])
def test_marts(built: BuiltWarehouse, check: Callable[[BuiltWarehouse], None]) -> None:
    check(built)


def test_layers_live_in_their_schemas(built: BuiltWarehouse) -> None:
    schemas = built.query(
        "select distinct table_schema from information_schema.tables "
        "where table_catalog = 'warehouse' order by 1"
    )
    assert [name for (name,) in schemas] == ["intermediate", "marts", "raw", "staging"]
