"""``make run``'s terminal output: one progress line per Airflow task, the log goes to a file."""

from __future__ import annotations

import pytest

from ingestion.pipeline.local_airflow import _task_progress


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
    ],
)
def test_task_progress_lines(line: str, expected: str | None) -> None:
    assert _task_progress(line) == expected
