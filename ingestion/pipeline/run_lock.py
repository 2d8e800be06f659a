"""One run at a time per home: the run lock ``BPW_HOME/run.lock`` (docs/operations.md).

A run takes the lock before it collects and gives it back when its summary is written. Under
Airflow the steps of one run are separate processes, so the lock belongs to a run id, not to a
process: each step re-enters its own run's lock and records its pid; ``summarize`` releases it.
Another run waits up to ``BPW_RUN_LOCK_WAIT_S`` seconds, then gets ``RunLockHeld`` naming the
holder (the CLI exits 75, EX_TEMPFAIL).

The holder is gone (its lock is taken over) when its process is dead and it held the lock for
one process only (``run`` without Airflow, ``collect``, ``validate``), or when its last process
is dead and the lock has not been touched for ``BPW_RUN_LOCK_STALE_S`` seconds (an Airflow run
between two tasks has no live process for a while; a retry waits minutes). A run whose lock was
taken over cannot go on unnoticed: its next step finds another run id and stops. The lock file
is only changed under ``flock`` on ``run.lock.guard``, so two contenders never both win.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ingestion.file_lock import exclusive_lock
from ingestion.landing.archive import atomic_write_json
from ingestion.pipeline.processes import process_alive, process_started
from ingestion.settings import Settings

EX_TEMPFAIL = 75  # sysexits.h: try again later
_POLL_S = 0.5


@dataclass(frozen=True)
class Holder:
    run_id: str
    pid: int
    host: str
    pid_started: str | None  # the process's start time, so a reused pid is not taken for it
    acquired_at: str  # ISO 8601 UTC
    touched_at: str  # the last time a step of the run took or gave back the lock
    spans_processes: bool  # an Airflow run: the lock outlives each task's process

    def describe(self) -> str:
        return f"run {self.run_id} (pid {self.pid} on {self.host}, since {self.acquired_at})"


class RunLockHeld(RuntimeError):
    """Another run holds this home's run lock."""

    def __init__(self, home: Path, holder: Holder, note: str = "") -> None:
        super().__init__(f"another run holds the run lock of {home}: {holder.describe()}{note}")
        self.holder = holder


@dataclass(frozen=True)
class Acquired:
    holder: Holder
    fresh: bool  # False when the run already held it (a later step of the same run)
    took_over: Holder | None  # a dead holder whose lock this run took
    swept: tuple[str, ...] = ()  # stale temporary files removed on taking the lock


def lock_path(settings: Settings) -> Path:
    return settings.home / "run.lock"


def acquire(
    settings: Settings, run_id: str, *, spans_processes: bool, wait_s: float | None = None
) -> Acquired:
    """Take (or re-enter) the run lock for ``run_id``, waiting up to ``wait_s`` for another run."""
    from ingestion.landing.housekeeping import sweep_stale_temp_files

    wait_s = settings.run_lock_wait_s if wait_s is None else wait_s
    deadline = time.monotonic() + wait_s
    while True:
        asked_at = time.time()
        acquired, blocker = _try_acquire(settings, run_id, spans_processes)
        if acquired is not None and acquired.fresh:
            # No other run writes now: what a killed writer left is stale.
            swept = sweep_stale_temp_files(settings, older_than=asked_at)
            return replace(acquired, swept=tuple(str(path) for path in swept))
        if acquired is not None:
            return acquired
        assert blocker is not None
        if time.monotonic() >= deadline:
            raise RunLockHeld(settings.home, blocker, _between_processes(blocker, settings))
        time.sleep(min(_POLL_S, max(0.0, deadline - time.monotonic())))


def release(settings: Settings, run_id: str) -> bool:
    """Give the lock back if ``run_id`` holds it; True when it did."""
    with _guard(settings):
        holder = _read(settings)
        if holder is None or holder.run_id != run_id:
            return False
        lock_path(settings).unlink()
        return True


def release_if_ended(settings: Settings, pid: int) -> Holder | None:
    """Give back a lock whose holder ran in process ``pid`` alone and that process has ended.

    ``airflow dags test`` (``make run``) runs every task of its run in one process: when that
    process is gone, killed or interrupted before ``summarize``, so is the run.
    """
    with _guard(settings):
        holder = _read(settings)
        if holder is None or holder.pid != pid or holder.host != socket.gethostname():
            return None
        if process_alive(holder.pid, holder.pid_started):
            return None
        lock_path(settings).unlink()
        return holder


def touch(settings: Settings, run_id: str) -> None:
    """Note that ``run_id`` is still at work (a step ended), so a pause is not taken for death."""
    with _guard(settings):
        holder = _read(settings)
        if holder is not None and holder.run_id == run_id:
            atomic_write_json(lock_path(settings), asdict(replace(holder, touched_at=_now())))


def live_holder(settings: Settings) -> Holder | None:
    """The run holding the lock now, or None when it is free (or its holder is gone)."""
    with _guard(settings):
        holder = _read(settings)
    return holder if holder is not None and _alive(holder, settings) else None


@contextmanager
def held(settings: Settings, run_id: str) -> Iterator[Acquired]:
    """Hold the lock for the life of this process's block (``run``, ``collect``, ``validate``)."""
    acquired = acquire(settings, run_id, spans_processes=False)
    try:
        yield acquired
    finally:
        release(settings, run_id)


def _try_acquire(
    settings: Settings, run_id: str, spans_processes: bool
) -> tuple[Acquired | None, Holder | None]:
    now = _now()
    with _guard(settings):
        holder = _read(settings)
        if holder is not None and holder.run_id != run_id and _alive(holder, settings):
            return None, holder
        if holder is not None and holder.run_id == run_id:
            mine = replace(holder, pid=os.getpid(), pid_started=process_started(os.getpid()), touched_at=now)
            fresh, took_over = False, None
        else:
            mine = Holder(run_id, os.getpid(), socket.gethostname(), process_started(os.getpid()), now, now,
                          spans_processes)  # fmt: skip
            fresh, took_over = True, holder
        atomic_write_json(lock_path(settings), asdict(mine))
    return Acquired(mine, fresh, took_over), None


def _alive(holder: Holder, settings: Settings) -> bool:
    if holder.host == socket.gethostname():
        if holder.pid == os.getpid():
            # This very process, but another run id: a run it gave up before its summary.
            return False
        if process_alive(holder.pid, holder.pid_started):
            return True
        if not holder.spans_processes:
            return False
    # A run between two of its processes (or on another host): alive until it goes quiet.
    idle_s = (datetime.now(UTC) - datetime.fromisoformat(holder.touched_at)).total_seconds()
    return idle_s < settings.run_lock_stale_s


def _between_processes(holder: Holder, settings: Settings) -> str:
    """For a holder with no live process (an Airflow run between tasks, or one killed): until when."""
    if holder.host != socket.gethostname() or process_alive(holder.pid, holder.pid_started):
        return ""
    until = datetime.fromisoformat(holder.touched_at) + timedelta(seconds=settings.run_lock_stale_s)
    return f"; no process of it runs now: if it does not go on, it is gone at {until:%Y-%m-%d %H:%M:%S} UTC"


def _read(settings: Settings) -> Holder | None:
    path = lock_path(settings)
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        return Holder(**content)
    except FileNotFoundError:
        return None
    except (ValueError, TypeError):
        # A lock file this code did not write (or a torn one): nobody can be shown to hold it.
        return None


@contextmanager
def _guard(settings: Settings) -> Iterator[None]:
    with exclusive_lock(settings.home / "run.lock.guard"):
        yield


def _now() -> str:
    return datetime.now(UTC).isoformat()
