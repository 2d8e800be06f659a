"""``python -m ingestion run --drop DIR``: the whole pipeline once, in this process or through Airflow.

Without ``--airflow`` the steps run one after another here (no scheduler, no metadata database).
With ``--airflow`` a local Airflow (SQLite under ``BPW_HOME/airflow``) runs the nightly DAG once
with ``airflow dags test``; both end by printing the run summary. ``--reparse`` without a drop
re-parses the landed archive (after a parser change) and rebuilds everything from it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ingestion.settings import Settings, load_settings


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
    parser.add_argument("--run-id", help="name of this run (default: manual__<UTC time>)")
    parser.add_argument("--home", help="working folder (default: $BPW_HOME or ./var)")
    parser.add_argument("--airflow", action="store_true",
                        help="run the nightly DAG once through a local Airflow instead")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.home)
    drop = None if args.no_collect else _drop(args.drop, settings.home)
    if drop is not None and "://" not in drop and not Path(drop).is_dir():
        print(f"run: the drop folder {drop} does not exist (make sample-drop writes one)", file=sys.stderr)
        return 2
    if args.airflow:
        return _run_through_airflow(settings, drop, args)
    from ingestion.pipeline import run_pipeline
    from ingestion.summary import RunIncomplete
    from ingestion.warehouse.publish import PublishRefused

    try:
        run_pipeline(settings, drop, run_id=args.run_id, fiscal_years=args.fiscal_years, reparse=args.reparse)
    except (RunIncomplete, PublishRefused) as stopped:
        print(f"run: {stopped}", file=sys.stderr)
        return 1
    return 0


def _drop(given: str | None, home: Path) -> str:
    drop = given or os.environ.get("BPW_DROP") or str(home / "sample-drop")
    # Airflow tasks may run from another directory: hand them an absolute path.
    return drop if "://" in drop else str(Path(drop).resolve())


def _run_through_airflow(settings: Settings, drop: str | None, args: argparse.Namespace) -> int:
    import json

    from ingestion.pipeline.local_airflow import run_nightly_once, set_up_airflow
    from ingestion.summary import latest_summary_path, render_text

    if drop is None or args.reparse or args.run_id or (args.fiscal_years and len(args.fiscal_years) > 1):
        print("run --airflow takes --drop and at most one --fiscal-year; reprocess with the backfill DAG",
              file=sys.stderr)  # fmt: skip
        return 2
    set_up_airflow(settings)
    status = run_nightly_once(settings, drop, args.fiscal_years[0] if args.fiscal_years else None)
    summary = latest_summary_path(settings)
    if summary is not None:
        print(render_text(json.loads(summary.read_text(encoding="utf-8"))))
    return status
