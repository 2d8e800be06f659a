"""What each step of a run left behind: one JSON per step under ``runs/<run_id>/steps/``.

Steps run in separate processes under Airflow, so they hand facts to later steps (publish needs
validate's verdict, the summary needs everything) through these files rather than memory. A step
that raised leaves ``{"status": "failed", "error": ...}``, so the summary can say where a run stopped.
"""

from __future__ import annotations

import dataclasses
import json
import re
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ingestion.dsn import mask_dsn
from ingestion.landing.archive import atomic_write_json
from ingestion.settings import Settings

STEPS = ("collect", "parse", "load_staging", "build_models", "validate", "publish")
OK = "ok"
FAILED = "failed"
# When each step of each run (in this process) began: (wall clock, CPU seconds incl. children).
_STARTED: dict[tuple[str, str], tuple[float, float]] = {}


def new_run_id() -> str:
    """A run id for runs started outside Airflow, exactly as Airflow names a manual run.

    ``manual__2026-11-27T19:45:06.964436+00:00``: one format whichever way a run started
    (run_dir makes it a portable folder name).
    """
    return f"manual__{datetime.now(UTC).isoformat()}"


def run_dir(settings: Settings, run_id: str) -> Path:
    # Airflow run ids hold ':' and '+'; keep the folder name portable.
    return settings.runs_dir / re.sub(r"[^A-Za-z0-9._-]", "_", run_id)


def step_path(settings: Settings, run_id: str, step: str) -> Path:
    return run_dir(settings, run_id) / "steps" / f"{step}.json"


def to_jsonable(value: Any) -> Any:
    """Dataclasses, paths, decimals and tuples as plain JSON values (XCom and the files need them)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(item) for item in value]
    if isinstance(value, Path | Decimal | datetime):
        return str(value)
    return value


def _clock() -> tuple[float, float]:
    # Children count once reaped: the parse worker processes, subprocesses such as LibreOffice.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), time.process_time() + children.ru_utime + children.ru_stime


def write_step(settings: Settings, run_id: str, step: str, result: dict[str, Any]) -> dict[str, Any]:
    """Write the step's record; inside ``failure_recorded`` it holds the step's wall and CPU seconds."""
    record = {"step": step, "run_id": run_id, "finished_at": datetime.now(UTC).isoformat(), **result}
    started = _STARTED.get((run_id, step))
    if started is not None:
        now = _clock()
        record["timing"] = {"wall_s": round(now[0] - started[0], 3), "cpu_s": round(now[1] - started[1], 3)}
    jsonable: dict[str, Any] = to_jsonable(record)
    atomic_write_json(step_path(settings, run_id, step), jsonable)
    return jsonable


def read_step(settings: Settings, run_id: str, step: str) -> dict[str, Any] | None:
    path = step_path(settings, run_id, step)
    if not path.exists():
        return None
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return record


@contextmanager
def failure_recorded(settings: Settings, run_id: str, step: str) -> Iterator[None]:
    """Time the step; leave a 'failed' record with the error when it raises, then let the error through."""
    _STARTED[(run_id, step)] = _clock()
    try:
        yield
    except Exception as error:
        # An error may quote a connection string: the record (and the summary) get it masked.
        message = mask_dsn(f"{type(error).__name__}: {error}")
        write_step(settings, run_id, step, {"status": FAILED, "error": message})
        raise
    finally:
        _STARTED.pop((run_id, step), None)
