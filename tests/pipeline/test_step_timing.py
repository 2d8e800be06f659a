"""Each step record says how long the step took: wall seconds and CPU seconds, children included."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingestion.pipeline.records import OK, failure_recorded, read_step, write_step
from ingestion.settings import load_settings


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_step_records_its_wall_and_cpu_time_including_child_processes(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    with failure_recorded(settings, "run-1", "parse"):
        _spin(0.2)
        # A child process's CPU counts once it has ended (the parse workers, LibreOffice).
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import time\nt=time.process_time()+0.3\nwhile time.process_time()<t: pass",
            ],
            check=True,
        )
        write_step(settings, "run-1", "parse", {"status": OK})
    timing = read_step(settings, "run-1", "parse")["timing"]  # type: ignore[index]
    assert timing["cpu_s"] >= 0.5
    assert timing["wall_s"] >= 0.5


def test_a_failed_step_is_timed_too_and_a_record_outside_a_step_is_not(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    with pytest.raises(ValueError), failure_recorded(settings, "run-2", "validate"):
        raise ValueError("no marts")
    failed = read_step(settings, "run-2", "validate")
    assert (
        failed is not None and failed["status"] == "failed" and set(failed["timing"]) == {"wall_s", "cpu_s"}
    )
    write_step(settings, "run-2", "publish", {"status": OK})
    assert "timing" not in (read_step(settings, "run-2", "publish") or {})
