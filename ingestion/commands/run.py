"""``python -m ingestion run --drop DIR``: the whole pipeline once, in this process or through Airflow.

Without ``--airflow`` the steps run one after another here (no scheduler, no metadata database).
With ``--airflow`` a local Airflow (SQLite under ``BPW_HOME/airflow``) runs the nightly DAG once
with ``airflow dags test``; both end by logging the run summary. ``--reparse`` without a drop
re-parses the landed archive (after a parser change) and rebuilds everything from it;
``--full-refresh`` rebuilds every mart and revalidates every report (after a rule or model change). With
``--strict`` a run whose drop was empty or held nothing new exits with status 3.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
from pathlib import Path
from typing import Any

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
        status = _run_through_airflow(settings, drop, args)
        summary = _latest_summary(settings)
        if summary is not None:
            from ingestion.summary import render_text

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
    from ingestion.summary import RunIncomplete
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
    except (RunIncomplete, PublishRefused) as stopped:
        log.error("run: %s", stopped)
        return 1, None
    return 0, json.loads(Path(result["summary"]).read_text(encoding="utf-8"))


def _drop(given: str | None, home: Path) -> str:
    drop = given or os.environ.get("BPW_DROP") or str(home / "sample-drop")
    # Airflow tasks may run from another directory: hand them an absolute path.
    return drop if "://" in drop else str(Path(drop).resolve())


def _run_through_airflow(settings: Settings, drop: str | None, args: argparse.Namespace) -> int:
    from ingestion.pipeline.local_airflow import run_nightly_once, set_up_airflow

    if drop is None or args.reparse or args.full_refresh or args.run_id or (
        args.fiscal_years and len(args.fiscal_years) > 1
    ):
        log.error("run --airflow takes --drop and at most one --fiscal-year; reprocess with the backfill DAG")
        return 2
    set_up_airflow(settings)
    return run_nightly_once(settings, drop, args.fiscal_years[0] if args.fiscal_years else None)


def _latest_summary(settings: Settings) -> dict[str, Any] | None:
    from ingestion.summary import latest_summary_path

    path = latest_summary_path(settings)
    return None if path is None else dict(json.loads(path.read_text(encoding="utf-8")))
