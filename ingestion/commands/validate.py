"""``python -m ingestion validate``: run the Great Expectations suites on the marts, as a run of its own.

The run is the pipeline's ``validate`` step (``steps.validate`` with ``recheck``: every report's
arithmetic and every blocking rule, never a carried-over verdict), recorded under
``runs/<run_id>/steps/``. Its findings are staged like the pipeline's; the run then finishes as a
pipeline run does at publish, minus the publication: the findings are promoted into
``marts.fct_validation_finding`` and the verdict recorded for the marts' current reports. With
``--no-write`` they stay staged (the next validation discards them) and nothing visible changes.
Data Docs go under the validation folder; the counts per rule are printed.
Exit status: 0 when no blocking rule failed (warnings are reported, not fatal), 1 when a
blocking rule failed, 2 when validation could not run (no warehouse, marts missing), 75 when
another run holds the home's run lock (after BPW_RUN_LOCK_WAIT_S): it would be writing the marts.
"""

from __future__ import annotations

import argparse
import sys

from expectations.marts import MartsMissing
from expectations.report import OUTCOMES, ValidationReport
from ingestion.pipeline.records import new_run_id
from ingestion.pipeline.run_lock import EX_TEMPFAIL, RunLockHeld
from ingestion.pipeline.step_lock import command_run
from ingestion.settings import Settings, load_settings
from ingestion.warehouse.connection import WarehouseUnreachable


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--home", help="working folder (default: $BPW_HOME or ./var)")
    parser.add_argument("--run-id", help="the run the findings belong to (default: manual__<UTC time>)")
    parser.add_argument(
        "--no-write",
        action="store_true",
        help="leave the findings staged: marts.fct_validation_finding is not changed",
    )
    parser.add_argument(
        "--show",
        choices=["warn", "fail", "all"],
        default="fail",
        help="which findings to list besides the counts (default: fail)",
    )


def _print_report(report: ValidationReport, show: str) -> None:
    print(f"{'rule':<24}" + "".join(f"{outcome:>15}" for outcome in OUTCOMES))
    for rule_id, counts in report.counts_by_rule.items():
        print(f"{rule_id:<24}" + "".join(f"{counts[outcome]:>15}" for outcome in OUTCOMES))
    shown = {"fail": {"fail"}, "warn": {"fail", "warn"}, "all": set(OUTCOMES)}[show]
    for finding in report.findings:
        if finding.outcome in shown:
            print(f"  [{finding.severity}] {finding.message}")
    print(f"data docs: {report.data_docs_index}")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.home)
    run_id = args.run_id or new_run_id()
    try:
        with command_run(settings, run_id, "validate"):
            return _validate(args, settings, run_id)
    except RunLockHeld as locked:
        print(f"validate: not started: {locked}", file=sys.stderr)
        return EX_TEMPFAIL


def _validate(args: argparse.Namespace, settings: Settings, run_id: str) -> int:
    from ingestion.pipeline import steps
    from ingestion.pipeline.incremental import finish_validation

    try:
        record, report = steps.validation(settings, run_id, recheck=True)
    except (MartsMissing, FileNotFoundError, WarehouseUnreachable, ValueError) as exc:
        # The step's record says so too (status failed).
        print(f"validate: {exc}", file=sys.stderr)
        return 2
    assert report is not None  # a recheck is never carried over
    if not args.no_write:
        # The run ends here: its findings become visible, as the pipeline's do when it publishes.
        written = finish_validation(settings, run_id, record)
        print(f"{written} findings of run {run_id} written to marts.fct_validation_finding")
    _print_report(report, args.show)
    if report.blocking_failed:
        print("validate: a blocking rule failed; the marts must not be published", file=sys.stderr)
        return 1
    return 0
