"""One run at a time per home: a second run waits, then stops with exit 75 and a summary saying why.

The holders are real processes: a real ``python -m ingestion run`` (real DuckDB, dbt, GX), and
small processes that take the lock the way a run or an Airflow task does and then wait or die.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from ingestion.pipeline import run_lock
from ingestion.pipeline.run_lock import EX_TEMPFAIL, RunLockHeld
from ingestion.pipeline.summary import summary_path
from ingestion.settings import Settings, load_settings

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT / "../shared/seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed reports not found at {SEEDS}")

# A process that takes the lock as run `run_id` (as a whole run, or as one Airflow task), says so
# on stdout, then sleeps until it is killed or, for an Airflow task, ends at once.
HOLDER = """
import sys, time
from ingestion.pipeline import run_lock
from ingestion.settings import load_settings
run_lock.acquire(load_settings(sys.argv[1]), sys.argv[2], spans_processes=sys.argv[3] == "task", wait_s=0)
print("holding", flush=True)
if sys.argv[3] != "task":
    time.sleep(600)
"""


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("BPW_")}
    return {**env, "BPW_HOME": str(home), "BPW_RUN_LOCK_WAIT_S": "0", **extra}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "bpw")


@pytest.fixture
def holder(settings: Settings) -> Iterator[subprocess.Popen[str]]:
    """Another run, in another process, holding the lock of ``settings.home`` until the test ends."""
    process = _hold(settings, "nightly-A", "run")
    yield process
    process.kill()
    process.wait()


def _hold(settings: Settings, run_id: str, kind: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(settings.home), run_id, kind],
        stdout=subprocess.PIPE, text=True, env=_env(settings.home),
    )  # fmt: skip
    assert process.stdout is not None and process.stdout.readline().strip() == "holding"
    return process


def _ingestion(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ingestion", *args]
    return subprocess.run(command, capture_output=True, text=True, env=_env(home, **env), timeout=900)


def test_a_second_run_exits_75_with_one_line_and_a_summary_naming_the_holder(
    settings: Settings, holder: subprocess.Popen[str], tmp_path: Path
) -> None:
    (tmp_path / "drop").mkdir()
    started = time.monotonic()
    second = _ingestion(settings.home, "run", "--drop", str(tmp_path / "drop"), "--run-id", "second",
                        BPW_RUN_LOCK_WAIT_S="1.5")  # fmt: skip
    assert time.monotonic() - started >= 1.5, "the second run waits for the lock before giving up"
    assert second.returncode == EX_TEMPFAIL, second.stderr
    assert "Traceback" not in second.stderr + second.stdout
    [line] = second.stderr.strip().splitlines()
    assert line.startswith("error: run: not started: another run holds the run lock")
    assert f"run nightly-A (pid {holder.pid}" in line
    summary = json.loads(summary_path(settings, "second").read_text(encoding="utf-8"))
    assert summary["status"].startswith("not run: another run holds the run lock")
    assert summary["not_run_because_locked_by"]["run_id"] == "nightly-A"
    assert summary["not_run_because_locked_by"]["pid"] == holder.pid
    assert summary["steps"]["collect"] == "locked" and summary["steps"]["parse"] == "not run"
    assert json.loads(run_lock.lock_path(settings).read_text())["run_id"] == "nightly-A", "still held"


@pytest.mark.parametrize("command", [["collect", "DROP"], ["validate"]], ids=["collect", "validate"])
def test_collect_and_validate_commands_wait_for_the_lock_too(
    settings: Settings, holder: subprocess.Popen[str], tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "drop").mkdir()
    args = [str(tmp_path / "drop") if arg == "DROP" else arg for arg in command]
    result = _ingestion(settings.home, *args, "--home", str(settings.home))
    assert result.returncode == EX_TEMPFAIL
    assert "Traceback" not in result.stderr
    assert "not started: another run holds the run lock" in result.stderr
    assert not settings.archive_dir.exists(), "nothing was collected"


def test_the_lock_of_a_killed_run_is_taken_over(settings: Settings) -> None:
    process = _hold(settings, "killed", "run")
    with pytest.raises(RunLockHeld, match="run killed"):
        run_lock.acquire(settings, "next", spans_processes=False, wait_s=0)
    process.send_signal(signal.SIGKILL)
    process.wait()
    acquired = run_lock.acquire(settings, "next", spans_processes=False, wait_s=0)
    assert acquired.fresh and acquired.took_over is not None and acquired.took_over.run_id == "killed"


def test_an_airflow_run_keeps_the_lock_between_its_tasks_until_it_goes_stale(settings: Settings) -> None:
    task = _hold(settings, "scheduled__2026", "task")
    task.wait()  # the task's process has ended; its run has not
    with pytest.raises(RunLockHeld, match=r"run scheduled__2026 .*; no process of it runs now: .*gone at"):
        run_lock.acquire(settings, "manual__1", spans_processes=True, wait_s=0)
    # The run's next task (any process) re-enters its own lock.
    assert not run_lock.acquire(settings, "scheduled__2026", spans_processes=True, wait_s=0).fresh
    run_lock.release(settings, "scheduled__2026")
    assert run_lock.acquire(settings, "manual__1", spans_processes=True, wait_s=0).fresh
    run_lock.release(settings, "manual__1")
    # A run whose last task ended longer than BPW_RUN_LOCK_STALE_S ago is gone.
    _hold(settings, "abandoned", "task").wait()
    stale_at_once = replace(settings, run_lock_stale_s=0.0)
    acquired = run_lock.acquire(stale_at_once, "manual__3", spans_processes=True, wait_s=0)
    assert acquired.took_over is not None and acquired.took_over.run_id == "abandoned"


@needs_seeds
def test_two_real_runs_on_one_home(settings: Settings, tmp_path: Path) -> None:
    """The first run publishes; the second, started while the first runs, exits 75 untouched."""
    drop = tmp_path / "drop"
    drop.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, drop / seed.name)
    command = [sys.executable, "-m", "ingestion", "run", "--drop", str(drop), "--run-id", "first"]
    first = subprocess.Popen(command, env=_env(settings.home), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while not run_lock.lock_path(settings).exists():
        assert first.poll() is None and time.monotonic() < deadline, "the first run never took the lock"
        time.sleep(0.05)
    second = _ingestion(settings.home, "run", "--drop", str(drop), "--run-id", "second")
    _, first_err = first.communicate(timeout=900)
    assert first.returncode == 0, first_err
    assert second.returncode == EX_TEMPFAIL and "Traceback" not in second.stderr, second.stderr
    assert "run first (pid" in second.stderr
    assert "Could not set lock" not in second.stderr + first_err
    assert json.loads(summary_path(settings, "first").read_text())["status"] == "published"
    assert json.loads(summary_path(settings, "second").read_text())["status"].startswith("not run")
    assert not run_lock.lock_path(settings).exists(), "the first run gave the lock back"


def test_make_run_gives_back_the_lock_of_its_airflow_process_when_it_ends(settings: Settings) -> None:
    """``airflow dags test`` runs every task in one process: interrupted, its run is over too."""
    task = _hold(settings, "manual__dags_test", "run")
    assert run_lock.release_if_ended(settings, task.pid) is None, "still running"
    task.send_signal(signal.SIGINT)
    task.wait()
    assert run_lock.release_if_ended(settings, task.pid + 1) is None, "another process's lock is kept"
    released = run_lock.release_if_ended(settings, task.pid)
    assert released is not None and released.run_id == "manual__dags_test"
    assert run_lock.live_holder(settings) is None


def test_an_airflow_task_of_another_run_is_locked_out_and_its_summary_task_says_so(
    settings: Settings, holder: subprocess.Popen[str], tmp_path: Path
) -> None:
    """The step functions the DAG tasks call: collect refuses, summarize reports and frees nothing."""
    from ingestion.pipeline import steps
    from ingestion.pipeline.summary import RunIncomplete

    (tmp_path / "drop").mkdir()
    locked_out = replace(settings, run_lock_wait_s=0.0)
    with pytest.raises(RunLockHeld, match="run nightly-A"):
        steps.collect(locked_out, "scheduled__B", str(tmp_path / "drop"))
    with pytest.raises(RunIncomplete, match="not run: another run holds the run lock"):
        steps.summarize(locked_out, "scheduled__B", echo=False)
    summary = json.loads(summary_path(settings, "scheduled__B").read_text(encoding="utf-8"))
    assert summary["not_run_because_locked_by"]["run_id"] == "nightly-A"
    assert summary["rows_per_mart"] == {}, "the warehouse another run writes is not opened"
    assert run_lock.live_holder(settings) is not None and not settings.archive_dir.exists()
