"""``make run``'s terminal output: a line per Airflow task and step, Airflow's log goes to a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingestion.pipeline.local_airflow import _task_progress, airflow_home, set_up_airflow
from ingestion.settings import load_settings


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("[DAG TEST] starting task_id=collect map_index=-1", "collect started", id="task starts"),
        pytest.param(
            "... [DAG TEST] end task task_id=build_models map_index=-1",
            "build_models finished",
            id="task ends",
        ),
        pytest.param(
            "[DAG TEST] running task <TaskInstance: budget_reports_nightly.parse>",
            None,
            id="other DAG TEST lines stay in the log",
        ),
        pytest.param("Task instance state updated new_state=success", None, id="ordinary log line"),
        pytest.param(
            "2026-01-01T00:00:00Z [info     ] parse: 33/33 documents in 4.1 s (8.0/s): 0 quarantined"
            " [ingestion.progress] loc=progress.py:80",
            "  parse: 33/33 documents in 4.1 s (8.0/s): 0 quarantined",
            id="a step's progress line is shown",
        ),
        pytest.param(
            "2026-01-01T00:00:00Z [warning  ] collect: empty drop: no report files in /d"
            " [ingestion.pipeline.steps] loc=steps.py:40",
            "  collect: empty drop: no report files in /d",
            id="a drop warning is shown",
        ),
        pytest.param(
            "2026-01-01T00:00:00Z [info     ] Run x: published [ingestion.summary] loc=steps.py:190",
            None,
            id="the summary is printed once at the end, not from the log",
        ),
    ],
)
def test_task_progress_lines(line: str, expected: str | None) -> None:
    assert _task_progress(line) == expected


@pytest.mark.slow
def test_airflow_is_set_up_once_until_what_it_depends_on_changes(tmp_path: Path) -> None:
    """``make run`` migrates and imports pools only when needed (each costs ~12 s)."""
    settings = load_settings(tmp_path / "bpw")
    assert set_up_airflow(settings) is True
    assert (airflow_home(settings) / "airflow.db").is_file()
    assert set_up_airflow(settings) is False
    stamp = airflow_home(settings) / "setup-stamp.json"
    stamp.write_text(json.dumps({**json.loads(stamp.read_text()), "pools_sha256": "an older pools.json"}))
    assert set_up_airflow(settings) is True
    (airflow_home(settings) / "airflow.db").unlink()
    assert set_up_airflow(settings) is True
