"""Publishing marts: Parquet and a v1.4.0 DuckDB copy per publication, swapped in atomically."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingestion.settings import Settings, load_settings
from ingestion.warehouse.publish import (
    BI_DATABASE,
    PublishRefused,
    current_publication,
    publish_marts,
)

RUN_ID = "manual__test"
PASSED = {"run_id": RUN_ID, "status": "ok", "blocking_failed": False, "blocking_failures": 0}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = load_settings(tmp_path / "home")
    settings.warehouse_path.parent.mkdir(parents=True)
    with duckdb.connect(str(settings.warehouse_path)) as connection:
        connection.execute("create schema marts")
        connection.execute(
            "create table marts.fct_expenditure (report_id varchar, amount_yuan decimal(20, 2))"
        )
        connection.execute("insert into marts.fct_expenditure values ('a', 28462700.00), ('b', 0.10)")
        connection.execute("create table marts.fct_validation_finding (finding_id varchar, outcome varchar)")
        connection.execute("create view marts.dim_fiscal_year as select 2021 as fiscal_year")
        connection.execute("create table main.not_a_mart (x integer)")
    return settings


def _publish(settings: Settings, **kwargs: Any) -> dict[str, Any]:
    return publish_marts(settings, validation=PASSED, run_id=RUN_ID, **kwargs)


def test_every_mart_is_published_as_parquet_with_exact_amounts(settings: Settings) -> None:
    published = _publish(settings)
    folder = Path(published["path"])
    assert published["tables"] == {"dim_fiscal_year": 1, "fct_expenditure": 2, "fct_validation_finding": 0}
    assert sorted(path.name for path in (folder / "marts").iterdir()) == [
        "dim_fiscal_year.parquet", "fct_expenditure.parquet", "fct_validation_finding.parquet",
    ]  # fmt: skip
    parquet = folder / "marts" / "fct_expenditure.parquet"
    amounts = duckdb.connect().execute(f"select amount_yuan from '{parquet}' order by 1").fetchall()
    assert amounts == [(Decimal("0.10"),), (Decimal("28462700.00"),)]


def test_the_bi_copy_is_written_in_storage_version_1_4_and_read_only(settings: Settings) -> None:
    folder = Path(_publish(settings)["path"])
    bi_file = folder / BI_DATABASE
    assert bi_file.stat().st_mode & 0o222 == 0
    with duckdb.connect() as connection:
        connection.execute(f"attach '{bi_file}' as bi (read_only)")
        tags = connection.execute("select tags from duckdb_databases() where database_name = 'bi'").fetchall()
        assert tags[0][0]["storage_version"].startswith("v1.4")
        total = connection.execute("select sum(amount_yuan) from bi.marts.fct_expenditure").fetchone()
        assert total == (Decimal("28462700.10"),)


def test_current_switches_to_the_newest_and_old_publications_are_pruned(settings: Settings) -> None:
    stamps = [_publish(settings, keep=2)["stamp"] for _ in range(3)]
    link = settings.published_dir / "current"
    assert link.is_symlink() and os.readlink(link) == stamps[-1]  # relative: the folder can move
    assert current_publication(settings) == settings.published_dir / stamps[-1]
    kept = sorted(path.name for path in settings.published_dir.iterdir() if not path.is_symlink())
    assert kept == stamps[1:]


def test_a_half_written_publication_left_by_a_crash_is_removed_and_never_current(settings: Settings) -> None:
    crashed = settings.published_dir / ".20200101T000000000000Z.partial"
    (crashed / "marts").mkdir(parents=True)
    published = _publish(settings)
    assert not crashed.exists()
    assert current_publication(settings) == Path(published["path"])


@pytest.mark.parametrize(
    ("validation", "says"),
    [
        pytest.param(None, "no validation result", id="validate never ran"),
        pytest.param({**PASSED, "run_id": "other"}, "belongs to run 'other'", id="another run's validation"),
        pytest.param({**PASSED, "status": "failed", "error": "boom"}, "did not finish", id="validate failed"),
        pytest.param(
            {
                **PASSED,
                "blocking_failed": True,
                "blocking_failures": 2,
                "blocking_examples": ["sum: off by 1"],
            },
            "2 blocking validation finding",
            id="blocking rules failed",
        ),
    ],
)
def test_publish_refuses_unless_this_runs_blocking_rules_passed(
    settings: Settings, validation: dict[str, Any] | None, says: str
) -> None:
    with pytest.raises(PublishRefused, match=says):
        publish_marts(settings, validation=validation, run_id=RUN_ID)
    assert not settings.published_dir.exists() or not any(settings.published_dir.iterdir())


def test_a_warehouse_without_marts_is_an_error_not_an_empty_publication(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "home")
    settings.warehouse_path.parent.mkdir(parents=True)
    duckdb.connect(str(settings.warehouse_path)).close()
    with pytest.raises(RuntimeError, match="no schema 'marts'"):
        _publish(settings)
    assert current_publication(settings) is None
    assert list(settings.published_dir.iterdir()) == []
