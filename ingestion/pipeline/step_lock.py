"""How the steps of a run take, keep and give back the run lock (``run_lock.py``).

Every step takes (first step) or re-enters (later steps, other processes under Airflow) its run's
lock before doing anything; a step that finds another run's lock records ``locked`` with the
holder and raises ``RunLockHeld``, so the summary says the run did not run and why. What taking
the lock found (a dead holder taken over, stale temporary files swept) is the ``lock`` record.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from ingestion.pipeline import run_lock
from ingestion.pipeline.records import OK, failure_recorded, write_step
from ingestion.settings import Settings

log = logging.getLogger(__name__)

LOCKED = "locked"  # a step's status when another run held the lock
LOCK_RECORD = "lock"


def take_for_run(settings: Settings, run_id: str, step: str, *, spans_processes: bool) -> run_lock.Acquired:
    """Take or re-enter the lock for ``run_id`` before ``step``; record a refusal, then raise it."""
    try:
        acquired = run_lock.acquire(settings, run_id, spans_processes=spans_processes)
    except run_lock.RunLockHeld as held:
        record_locked_out(settings, run_id, step, held)
        raise
    if acquired.fresh:
        if acquired.took_over is not None:
            log.warning("%s: took over the run lock of %s: it is gone", step, acquired.took_over.describe())
        write_step(settings, run_id, LOCK_RECORD, {
            "status": OK,
            "taken_by_step": step,
            "took_over": acquired.took_over,
            "swept_temp_files": list(acquired.swept),
        })  # fmt: skip
    return acquired


def record_locked_out(settings: Settings, run_id: str, step: str, held: run_lock.RunLockHeld) -> None:
    """``step`` of ``run_id`` did not run: another run (named) held the lock."""
    write_step(settings, run_id, step, {
        "status": LOCKED, "error": str(held), "held_by": dataclasses.asdict(held.holder),
    })  # fmt: skip


@contextmanager
def command_run(settings: Settings, run_id: str, first_step: str) -> Iterator[None]:
    """A command's run (``collect``, ``validate``) in this one process: the lock taken before
    ``first_step`` (a refusal recorded as that step's, then ``RunLockHeld``), given back at the end."""
    take_for_run(settings, run_id, first_step, spans_processes=False)
    try:
        yield
    finally:
        run_lock.release(settings, run_id)


@contextmanager
def run_step(settings: Settings, run_id: str, step: str) -> Iterator[None]:
    """The lock, then the step with its failure recorded; the lock is touched when it ends."""
    take_for_run(settings, run_id, step, spans_processes=True)
    with failure_recorded(settings, run_id, step):
        yield
    run_lock.touch(settings, run_id)
