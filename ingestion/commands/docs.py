"""``python -m ingestion docs``: dbt docs, GX Data Docs and the overview page, for offline reading.

``make docs`` calls this after a run has published; it prints where the pages are.
"""

from __future__ import annotations

import argparse
import logging

from ingestion.settings import load_settings

log = logging.getLogger("ingestion.docs")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--home", help="working folder (default: $BPW_HOME or ./var)")


def run(args: argparse.Namespace) -> int:
    from ingestion.docs.build import build_docs
    from ingestion.warehouse.dbt import DbtInvocationError

    try:
        built = build_docs(load_settings(args.home))
    except (FileNotFoundError, DbtInvocationError, RuntimeError) as error:
        log.error("docs: %s", error)
        return 1
    log.info("open %s (overview: %s)", built.index, built.overview)
    return 0
