"""``python -m ingestion collect SOURCE``: land a drop folder or crawl portals into the archive.

SOURCE is a folder (path or fsspec URL) or a crawl config ending in .yml. With ``--parse`` the
newly landed documents are parsed right away (``parse_pending``). It holds the home's run lock
like a run does: when another run holds it (after BPW_RUN_LOCK_WAIT_S), one line says which and
the exit status is 75.
"""

from __future__ import annotations

import argparse
import logging

from ingestion.collect.portal_config import PortalConfigError
from ingestion.landing import collect_into_archive, parse_pending
from ingestion.pipeline.records import new_run_id
from ingestion.pipeline.run_lock import EX_TEMPFAIL, RunLockHeld, held
from ingestion.progress import Progress
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
    try:
        with held(settings, new_run_id().replace("manual__", "collect__", 1)):
            return _collect(args, settings)
    except RunLockHeld as locked:
        log.error("collect: not started: %s", locked)
        return EX_TEMPFAIL


def _collect(args: argparse.Namespace, settings: Settings) -> int:
    progress = Progress("collect")
    try:
        landed = collect_into_archive(args.source, settings, portals=args.portals, progress=progress)
    except (FileNotFoundError, PortalConfigError, ValueError) as exc:
        log.error("collect: %s", exc)
        return 2
    finally:
        progress.close()
    log.info("landed into %s: %s", settings.archive_dir, landed.summary())
    for name, reason in landed.rejected_names:
        log.warning("rejected name %s: %s", name, reason)
    for uri, reason in landed.skipped:
        log.warning("skipped %s: %s", uri, reason)
    for warning in landed.warnings:
        log.warning("%s", warning)
    if args.parse:
        parsing = Progress("parse")
        parsed = parse_pending(settings, force=args.force, progress=parsing)
        parsing.close()
        log.info("%s", parsed.summary())
        for item in parsed.quarantined:
            log.warning("quarantined %s (%s): %s: %s", item.name, item.sha256[:12], item.reason, item.message)
        if parsed.change_report_path:
            log.info("change report: %s", parsed.change_report_path)
    return 0
