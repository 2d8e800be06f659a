"""The marts boundary: read the marts read-only, run every rule through GX, return the findings.

Warning rules: the arithmetic (``expectations.arithmetic``) turns each current report into a
stated/expected row; GX validates the per-rule frame (difference within the rule's tolerance)
and names every failing report. Blocking rules: ``expectations.blocking`` frames, one per mart.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path

import pandas as pd

from expectations.arithmetic import ARITHMETIC_RULES, SCALE, Check, Comparison
from expectations.blocking import blocking_frame_checks
from expectations.figures import ReportFigures
from expectations.frame_checks import ExpectationOutcome, ExpectationSpec, FrameCheck
from expectations.gx_project import GxProject
from expectations.marts import SCHEMA, open_marts
from expectations.marts_figures import read_report_figures
from expectations.report import Finding, ValidationReport, arithmetic_finding
from expectations.rules import Rule, rules_for
from ingestion.settings import Settings

ARITHMETIC_COLUMNS = ("stated", "expected", "difference")


def _scaled(value: Decimal) -> int:
    """A Decimal as an integer count of millionths (fen, for 万元): exact, and not a float in pandas."""
    return int(value.quantize(SCALE).scaleb(6))


def arithmetic_frame_check(rule: Rule, checks: dict[str, Check]) -> FrameCheck:
    """The per-rule frame (report_id, stated, expected, difference in millionths) and its expectation."""
    rows = [
        (report_id, _scaled(check.stated), _scaled(check.expected), _scaled(check.difference))
        for report_id, check in checks.items()
        if isinstance(check, Comparison)
    ]
    frame = pd.DataFrame(rows, columns=["report_id", *ARITHMETIC_COLUMNS], dtype=object)
    for column in ARITHMETIC_COLUMNS:
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    tolerance = _scaled(rule.tolerance)
    bounds = {"min_value": -tolerance if rule.compare == "equal" else None, "max_value": tolerance}
    spec = ExpectationSpec(
        rule.id,
        f"{rule.id}: stated - expected, in millionths of {rule.unit}",
        "ExpectColumnValuesToBeBetween",
        {"column": "difference", **bounds},
    )
    return FrameCheck(f"arithmetic.{rule.id}", frame, (spec,))


def _arithmetic_findings(project: GxProject, figures: list[ReportFigures], run_id: str) -> list[Finding]:
    findings = []
    for rule in rules_for("marts", "warning"):
        checks = {report.report_id: ARITHMETIC_RULES[rule.id](report) for report in figures}
        outcomes = project.validate(arithmetic_frame_check(rule, checks), run_id)
        failing = {row["report_id"] for outcome in outcomes for row in outcome.failing_rows}
        findings += [
            arithmetic_finding(rule, report, checks[report.report_id], report.report_id not in failing)
            for report in figures
        ]
    return findings


def _blocking_failure(
    rule: Rule, report_id: str | None, where: list[str], labels: dict[str, tuple[str | None, int | None]]
) -> Finding:
    unit_name, fiscal_year = labels.get(report_id or "", (None, None))
    count = Decimal(len(where))
    message = (
        f"{unit_name or 'unit not stated'} {fiscal_year or ''} ({(report_id or 'no report')[:12]}): "
        f"{rule.id} fail: {len(where)} row(s) violate it: {'; '.join(sorted(set(where)))}"
    )
    return Finding(
        rule.id, rule.severity, "fail", report_id, unit_name, fiscal_year, count, Decimal(0), count, message
    )


def _blocking_findings(
    outcomes: list[ExpectationOutcome], labels: dict[str, tuple[str | None, int | None]]
) -> list[Finding]:
    """One finding per failing report and rule (keyless rows share report_id None); a pass per clean rule."""
    findings = []
    for rule in rules_for("marts", "blocking"):
        failing: dict[str | None, list[str]] = defaultdict(list)
        checked = [outcome for outcome in outcomes if outcome.spec.rule_id == rule.id]
        for outcome in checked:
            for row in outcome.failing_rows:
                key = ", ".join(f"{column}={value}" for column, value in row.items())
                failing[row.get("report_id")].append(f"{outcome.spec.subject} [{key}]")
        findings += [
            _blocking_failure(rule, report_id, where, labels) for report_id, where in failing.items()
        ]
        if not failing:
            subjects = sorted({outcome.spec.subject for outcome in checked})
            message = f"{rule.id} pass: {len(checked)} expectation(s) on {', '.join(subjects)}"
            findings.append(
                Finding(rule.id, rule.severity, "pass", None, None, None, None, None, None, message)
            )
    return findings


@cache
def _rules_signature() -> bytes:
    # A changed rule (tolerance, severity) or arithmetic function means every report is checked again.
    folder = Path(__file__).parent
    files = ("rules.yml", "arithmetic.py")
    return b"".join(hashlib.sha256((folder / name).read_bytes()).digest() for name in files)


def figures_sha256(figures: ReportFigures) -> str:
    """Changes whenever anything the arithmetic reads or names in a finding, or the rules, change."""
    return hashlib.sha256(_rules_signature() + repr(figures).encode("utf-8")).hexdigest()


def _to_check(
    figures: list[ReportFigures], known: Mapping[str, str] | None
) -> tuple[list[ReportFigures], dict[str, str | None]]:
    """The reports whose figures differ from the ones last validated, and what they are now."""
    hashes = {report.report_id: figures_sha256(report) for report in figures}
    changed = [
        report
        for report in figures
        if known is None or known.get(report.report_id) != hashes[report.report_id]
    ]
    checked: dict[str, str | None] = {report.report_id: hashes[report.report_id] for report in changed}
    checked.update({report_id: None for report_id in (known or {}) if report_id not in hashes})
    return changed, checked


def validate_marts(
    settings: Settings, *, run_id: str, known_figures: Mapping[str, str] | None = None
) -> ValidationReport:
    # Read everything first and let go of the warehouse before the (slower) GX work.
    warehouse = open_marts(settings)
    try:
        figures = read_report_figures(warehouse)
        blocking_checks = blocking_frame_checks(warehouse)
        marts = warehouse.schema(SCHEMA)
        labels = {
            report_id: (unit_name, fiscal_year)
            for report_id, unit_name, fiscal_year in warehouse.query(
                f"select r.report_id, u.unit_name, r.fiscal_year from {marts}.dim_report as r "
                f"left join {marts}.dim_unit as u on u.unit_id = r.unit_id"
            )
        }
    finally:
        warehouse.close()
    to_check, checked = _to_check(figures, known_figures)
    project = GxProject(settings.validation_dir)
    project.forget_run(run_id)
    blocking_outcomes = [outcome for check in blocking_checks for outcome in project.validate(check, run_id)]
    arithmetic = _arithmetic_findings(project, to_check, run_id) if to_check else []
    return ValidationReport(
        boundary="marts",
        findings=tuple(_blocking_findings(blocking_outcomes, labels) + arithmetic),
        run_id=run_id,
        data_docs_index=project.build_docs(),
        checked_reports=checked,
    )
