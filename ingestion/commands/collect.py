"""``python -m ingestion collect SOURCE``: land a drop folder or crawl portals into the archive.

SOURCE is a folder (path or fsspec URL) or a crawl config ending in .yml. The command is a run of
the pipeline's first steps, on the same code path as ``run``: ``steps.collect`` and, with
``--parse``, ``steps.parse``, each recorded under ``runs/<run_id>/steps/``. It holds the home's run
lock like a run does: when another run holds it (after BPW_RUN_LOCK_WAIT_S), one line says which
and the exit status is 75.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from ingestion.collect.portal_config import PortalConfigError
from ingestion.pipeline.records import new_run_id
from ingestion.pipeline.run_lock import EX_TEMPFAIL, RunLockHeld
from ingestion.pipeline.step_lock import command_run
from ingestion.settings import Settings, load_settings

log = logging.getLogger("ingestion.collect")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="drop folder (path or fsspec URL) or crawl config (*.yml)")
    parser.add_argument("--home", help="working folder (default: $BPW_HOME or ./var)")
    parser.add_argument("--portal", action="append", dest="portals", metavar="SLUG",
                        help="crawl only this portal of the config (repeatable)")  # fmt: skip
    parser.add_argument("--parse", action="store_true", help="parse pending documents after landing")
    parser.add_argument("--force", action="store_true", help="with --parse: re-parse every document")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.home)
    run_id = new_run_id()
    try:
        with command_run(settings, run_id, "collect"):
            return _collect(args, settings, run_id)
    except RunLockHeld as locked:
        log.error("collect: not started: %s", locked)
        return EX_TEMPFAIL


def _collect(args: argparse.Namespace, settings: Settings, run_id: str) -> int:
    from ingestion.pipeline import steps

    try:
        landed = steps.collect(settings, run_id, args.source, portals=args.portals)
    except (FileNotFoundError, PortalConfigError, ValueError) as exc:
        log.error("collect: %s", exc)  # the step's record says so too (status failed)
        return 2
    log.info("landed into %s: %s", settings.archive_dir, _landing_summary(landed))
    if args.parse:
        parsed = steps.parse(settings, run_id, force=args.force)
        log.info(
            "parser %s: parsed %d, quarantined %d, up to date %d",
            parsed["parser_version"], parsed["parsed"], len(parsed["quarantined"]), parsed["up_to_date"],
        )  # fmt: skip
        for item in parsed["quarantined"]:
            log.warning("quarantined %s (%s): %s: %s", item["name"], item["sha256"][:12], item["reason"],
                        item["message"])  # fmt: skip
        if parsed["change_report"]:
            log.info("change report: %s", parsed["change_report"])
    log.info("run %s: step records under %s", run_id, settings.runs_dir)
    return 0


def _landing_summary(landed: dict[str, Any]) -> str:
    return (
        f"found {landed['found']}, new {landed['new']}, already known {landed['already_known']}, "
        f"unchanged {landed['unchanged']}, rejected {len(landed['rejected_names'])}, "
        f"skipped {len(landed['skipped'])}"
    )
