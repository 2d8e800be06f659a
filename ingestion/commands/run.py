"""``python -m ingestion run --drop DIR``: the whole pipeline once, in this process or through Airflow.

Without ``--airflow`` the steps run one after another here (no scheduler, no metadata database).
With ``--airflow`` a local Airflow (SQLite under ``BPW_HOME/airflow``) runs the nightly DAG once
with ``airflow dags test``; both end by logging the run summary. ``--reparse`` without a drop
re-parses the landed archive (after a parser change) and rebuilds everything from it;
``--full-refresh`` rebuilds every mart and revalidates every report (after a rule or model change). With
``--strict`` a run whose drop was empty or held nothing new exits with status 3. When another
run holds this home (the run lock, waited for up to BPW_RUN_LOCK_WAIT_S seconds), nothing runs:
one line names that run, the summary says so, and the exit status is 75 (EX_TEMPFAIL).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
from pathlib import Path
from typing import Any

from ingestion.pipeline.run_lock import EX_TEMPFAIL, RunLockHeld
from ingestion.settings import Settings, load_settings

log = logging.getLogger("ingestion.run")
DROP_WARNING_EXIT = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--drop", help="drop folder or fsspec URL (default: $BPW_DROP or BPW_HOME/sample-drop)"
    )
    parser.add_argument(
        "--no-collect", action="store_true", help="collect nothing: reprocess the archive only"
    )
    parser.add_argument("--fiscal-year", action="append", type=int, dest="fiscal_years", metavar="YEAR",
                        help="load only reports of this fiscal year (repeatable; default: all)")  # fmt: skip
    parser.add_argument("--reparse", action="store_true", help="parse every landed document again")
    parser.add_argument(
        "--full-refresh",
        action="store_true",
        help="rebuild every mart and revalidate every report (after a rule or model change)",
    )
    parser.add_argument("--run-id", help="name of this run (default: manual__<UTC time>)")
    parser.add_argument("--home", help="working folder (default: $BPW_HOME or ./var)")
    parser.add_argument("--airflow", action="store_true",
                        help="run the nightly DAG once through a local Airflow instead")  # fmt: skip
    parser.add_argument("--strict", action="store_true",
                        help=f"exit {DROP_WARNING_EXIT} if the drop is empty or has nothing new")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.home)
    drop = None if args.no_collect else _drop(args.drop, settings.home)
    if drop is not None and "://" not in drop and not Path(drop).is_dir():
        log.error("run: the drop folder %s does not exist (make sample-drop writes one)", drop)
        return 2
    if args.airflow:
        locked_out = _locked_out(settings)
        if locked_out is not None:
            return locked_out
        status = _run_through_airflow(settings, drop, args)
        summary = _latest_summary(settings)
        if summary is not None:
            from ingestion.pipeline.summary import render_text

            log.info("%s", render_text(summary))
    else:
        status, summary = _run_here(settings, drop, args)
    if status == 0 and args.strict and summary is not None and summary.get("warnings"):
        log.error("run --strict: the drop needs attention (see the warnings above)")
        return DROP_WARNING_EXIT
    return status


def _run_here(
    settings: Settings, drop: str | None, args: argparse.Namespace
) -> tuple[int, dict[str, Any] | None]:
    from ingestion.pipeline import run_pipeline
    from ingestion.pipeline.summary import RunIncomplete
    from ingestion.warehouse.connection import WarehouseUnreachable
    from ingestion.warehouse.publish import PublishRefused

    try:
        result = run_pipeline(
            settings,
            drop,
            run_id=args.run_id,
            fiscal_years=args.fiscal_years,
            reparse=args.reparse,
            full_refresh=args.full_refresh,
        )
    except (RunIncomplete, PublishRefused, WarehouseUnreachable) as stopped:
        log.error("run: %s", stopped)
        return 1, None
    except RunLockHeld as held:
        log.error("run: not started: %s", held)
        return EX_TEMPFAIL, None
    return 0, json.loads(Path(result["summary"]).read_text(encoding="utf-8"))


def _locked_out(settings: Settings) -> int | None:
    """Before Airflow starts: wait for the lock like any run; if it stays held, say so and stop.

    The DAG's own tasks take the lock under Airflow's run id; this only spares starting Airflow
    for a run that cannot go ahead (a race past this check is stopped by the tasks themselves).
    """
    from ingestion.pipeline import new_run_id, run_lock, steps
    from ingestion.pipeline.step_lock import record_locked_out

    run_id = new_run_id()
    try:
        run_lock.acquire(settings, run_id, spans_processes=False)
    except RunLockHeld as held:
        record_locked_out(settings, run_id, "collect", held)
        steps.summarize(settings, run_id, echo=False, require_published=False)
        log.error("run: not started: %s", held)
        return EX_TEMPFAIL
    run_lock.release(settings, run_id)
    return None


def _drop(given: str | None, home: Path) -> str:
    drop = given or os.environ.get("BPW_DROP") or str(home / "sample-drop")
    # Airflow tasks may run from another directory: hand them an absolute path.
    return drop if "://" in drop else str(Path(drop).resolve())


def _run_through_airflow(settings: Settings, drop: str | None, args: argparse.Namespace) -> int:
    from ingestion.pipeline.local_airflow import run_nightly_once, set_up_airflow

    if (
        drop is None
        or args.reparse
        or args.full_refresh
        or args.run_id
        or (args.fiscal_years and len(args.fiscal_years) > 1)
    ):
        log.error("run --airflow takes --drop and at most one --fiscal-year; reprocess with the backfill DAG")
        return 2
    set_up_airflow(settings)
    return run_nightly_once(settings, drop, args.fiscal_years[0] if args.fiscal_years else None)


def _latest_summary(settings: Settings) -> dict[str, Any] | None:
    from ingestion.pipeline.summary import latest_summary_path

    path = latest_summary_path(settings)
    return None if path is None else dict(json.loads(path.read_text(encoding="utf-8")))
