"""dbt build on a real DuckDB file: the gold reports through raw, staging and marts, built twice."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from dbt_marts_checks import ALL_CHECKS
from dbt_scenario import BuiltWarehouse, load_and_build_twice

from ingestion.settings import load_settings
from ingestion.warehouse.dbt import run_dbt

pytestmark = pytest.mark.slow

ORPHAN, TWIN = "9" * 64, "8" * 64
TAMPERING = (
    # A fact counted twice.
    "insert into marts.fct_expenditure select * from marts.fct_expenditure limit 1",
    # A fact of a report that dim_report does not know.
    f"insert into marts.fct_staffing (report_id, staff_category, headcount) values ('{ORPHAN}', 'actual', 3)",
    # A second current report for a unit, year and kind that already has one.
    f"insert into marts.dim_report by name select * replace ('{TWIN}' as report_id) "
    "from marts.dim_report where is_current and unit_name is not null and fiscal_year is not null limit 1",
)
EXPECTED_FAILURES = {
    "unique_combination_of_columns_fct_expenditure_report_id__line_item",
    "relationships_fct_staffing_report_id__report_id__ref_dim_report_",
    "assert_facts_only_for_current_reports",
    "assert_one_current_report_per_unit_year_kind",
    "assert_every_report_has_its_ledger_row",  # the second current report came from no document
}


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


def test_dbt_tests_stop_a_mart_with_a_broken_key_relation_or_a_twice_current_report(
    built: BuiltWarehouse, tmp_path: Path
) -> None:
    """dbt owns keys, grains and relationships (GX does not repeat them): each break fails its test."""
    settings = load_settings(tmp_path / "tampered")
    settings.warehouse_path.parent.mkdir(parents=True)
    shutil.copyfile(built.settings.warehouse_path, settings.warehouse_path)
    with duckdb.connect(str(settings.warehouse_path)) as connection:
        for statement in TAMPERING:
            connection.execute(statement)
    result = run_dbt(settings, ["test", "--select", "marts"])
    assert not result.success
    failed = {failure.unique_id.split(".")[2] for failure in result.failures}
    assert failed == EXPECTED_FAILURES, [failure.unique_id for failure in result.failures]
