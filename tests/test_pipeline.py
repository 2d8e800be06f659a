"""The pipeline steps without Airflow: records, the fiscal-year filter, refusals and a whole run."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from ingestion.cli import main
from ingestion.pipeline import fiscal_year_filter, run_pipeline, steps
from ingestion.pipeline.records import read_step, write_step
from ingestion.pipeline.summary import build_summary, render_text, summary_path
from ingestion.settings import Settings, load_settings
from ingestion.warehouse.publish import PublishRefused

SEEDS = Path(__file__).resolve().parents[1] / "../shared/seeds"
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"seed reports not found at {SEEDS} (../shared absent)"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "bpw")


@pytest.mark.parametrize(
    ("given", "years"),
    [
        pytest.param(None, None, id="none means every year"),
        pytest.param("", None, id="empty text means every year"),
        pytest.param([], None, id="empty list means every year"),
        pytest.param(2021, [2021], id="one year as a number"),
        pytest.param("2022, 2021", [2021, 2022], id="comma-separated text"),
        pytest.param(["2023", 2021, 2021], [2021, 2023], id="a list with repeats"),
    ],
)
def test_fiscal_year_filter(given: object, years: list[int] | None) -> None:
    assert fiscal_year_filter(given) == years  # type: ignore[arg-type]


def test_a_failing_step_is_recorded_and_the_summary_says_where_the_run_stopped(settings: Settings) -> None:
    with pytest.raises(Exception, match="does not exist"):
        run_pipeline(settings, str(settings.home / "no-such-drop"), run_id="run-1", echo=False)
    assert read_step(settings, "run-1", "collect")["status"] == "failed"  # type: ignore[index]
    summary = json.loads(summary_path(settings, "run-1").read_text(encoding="utf-8"))
    assert summary["status"].startswith("failed at collect: DropFolderError")
    assert summary["steps"]["parse"] == "not run"
    assert "failed at collect" in render_text(summary)


def test_publish_step_refuses_after_a_blocking_failure_and_the_run_is_not_published(
    settings: Settings,
) -> None:
    write_step(settings, "run-2", "validate", {
        "status": "ok", "blocking_failed": True, "blocking_failures": 1,
        "blocking_examples": ["amount_yuan_range: 1 row(s) violate it"],
    })  # fmt: skip
    with pytest.raises(PublishRefused, match="amount_yuan_range"):
        steps.publish(settings, "run-2")
    assert build_summary(settings, "run-2")["status"].startswith("failed at publish: PublishRefused")
    assert not settings.published_dir.exists()


def test_run_command_rejects_a_missing_drop_folder(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--home", str(settings.home), "--drop", str(settings.home / "missing")]) == 2
    assert "does not exist" in capsys.readouterr().err


@needs_seeds
def test_fiscal_year_filter_loads_only_that_years_reports(settings: Settings) -> None:
    steps.collect(settings, "run-3", str(SEEDS))
    steps.parse(settings, "run-3")
    loaded = steps.load_staging(settings, "run-3", 2023)
    assert loaded["fiscal_years"] == [2023] and loaded["reports"] >= 1
    # The staging boundary: the seeds loaded add up wherever they state enough to check.
    assert loaded["staging_checks"]["pass"] > 0
    assert loaded["staging_checks"]["warn"] == loaded["staging_checks"]["fail"] == 0
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as warehouse:
        years = warehouse.execute("select distinct fiscal_year from raw.reports").fetchall()
    assert years == [(2023,)]


@pytest.mark.slow
@needs_seeds
def test_run_command_runs_every_step_and_publishes(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["run", "--home", str(settings.home), "--drop", str(SEEDS), "--run-id", "whole"])
    printed = capsys.readouterr().err
    assert status == 0, printed
    summary = json.loads(summary_path(settings, "whole").read_text(encoding="utf-8"))
    assert summary["status"] == "published"
    assert summary["documents"]["found_in_drop"] == 5 and summary["documents"]["quarantined"] == 0
    assert summary["rows_per_mart"]["fct_expenditure"] > 0
    assert set(summary["validation"]["counts"]) == {"pass", "warn", "fail", "not_checkable"}
    for path in ("warehouse", "published", "bi_duckdb", "data_docs_index"):
        assert Path(summary["paths"][path]).exists(), path
    assert "Run whole: published" in printed
