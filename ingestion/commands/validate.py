"""``python -m ingestion validate``: run the Great Expectations suites on the marts.

Reads the marts read-only, writes the findings into ``marts.fct_validation_finding`` (unless
``--no-write``) and Data Docs under the validation folder, and prints the counts per rule.
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
from ingestion.pipeline.run_lock import EX_TEMPFAIL, RunLockHeld, held
from ingestion.settings import Settings, load_settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--home", help="working folder (default: $BPW_HOME or ./var)")
    parser.add_argument("--run-id", help="the run the findings belong to (default: manual__<UTC time>)")
    parser.add_argument("--no-write", action="store_true", help="do not write findings into the warehouse")
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
        with held(settings, run_id):
            return _validate(args, settings, run_id)
    except RunLockHeld as locked:
        print(f"validate: not started: {locked}", file=sys.stderr)
        return EX_TEMPFAIL


def _validate(args: argparse.Namespace, settings: Settings, run_id: str) -> int:
    from expectations import run_validation
    from ingestion.warehouse.findings import write_findings

    try:
        report = run_validation(settings, run_id=run_id)
    except (MartsMissing, ValueError) as exc:
        print(f"validate: {exc}", file=sys.stderr)
        return 2
    if not args.no_write:
        written = write_findings(settings, report)
        print(f"{written} findings of run {run_id} written to marts.fct_validation_finding")
    _print_report(report, args.show)
    if report.blocking_failed:
        print("validate: a blocking rule failed; the marts must not be published", file=sys.stderr)
        return 1
    return 0
