"""Nights after the first do only what changed: one new report, then nothing new at all.

Night 1 loads four seed reports; night 2 sees the fifth arrive: only it is loaded, dbt builds
incrementally, only its arithmetic is checked, and every other finding keeps the run that made it.
Night 3 has nothing new: no document is loaded, dbt does not run, validation and publication are
not redone (and the summary says so), and no finding is written twice.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ingestion.pipeline import run_pipeline
from ingestion.pipeline.records import read_step
from ingestion.pipeline.summary import build_summary, render_text
from ingestion.settings import Settings, load_settings
from ingestion.warehouse.publish import current_publication

SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed reports not found at {SEEDS} (../shared absent)"),
]


def findings(settings: Settings) -> list[tuple[str, str, str | None, str]]:
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as connection:
        rows = connection.execute(
            "select run_id, rule_id, report_id, outcome from marts.fct_validation_finding"
        ).fetchall()
    return sorted(rows, key=repr)


def step(settings: Settings, run_id: str, name: str) -> dict[str, object]:
    record = read_step(settings, run_id, name)
    assert record is not None, name
    return record


def test_nights_redo_only_what_changed(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "bpw")
    drop = tmp_path / "drop"
    drop.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:4]:
        shutil.copy(seed, drop)
    run_pipeline(settings, str(drop), run_id="night-1", echo=False)
    first = findings(settings)
    assert {run for run, *_ in first} == {"night-1"}

    shutil.copy(seeds[4], drop)
    run_pipeline(settings, str(drop), run_id="night-2", echo=False)
    assert step(settings, "night-2", "load_staging")["documents"] == 1
    assert step(settings, "night-2", "build_models")["build"] == "incremental: documents loaded since"
    assert step(settings, "night-2", "validate")["reports_checked"] == 1
    second = findings(settings)
    new_report = [row for row in second if row[0] == "night-2" and row[2] is not None]
    assert new_report and len({row[2] for row in new_report}) == 1
    assert [row for row in second if row[0] == "night-1" and row[2] is not None] == [
        row for row in first if row[2] is not None
    ]
    published = current_publication(settings)

    run_pipeline(settings, str(drop), run_id="night-3", echo=False)
    loaded = step(settings, "night-3", "load_staging")
    assert (loaded["documents"], loaded["unchanged_documents"]) == (0, 5)
    for name in ("build_models", "validate", "publish"):
        assert step(settings, "night-3", name).get("skipped"), name
    assert current_publication(settings) == published
    assert findings(settings) == second
    summary = build_summary(settings, "night-3")
    assert summary["status"] == "published"
    assert set(summary["not_redone"]) == {"build_models", "validate", "publish"}
    assert "publish not redone: no mart changed since publication" in render_text(summary)
