"""Findings and the validation report, the one shape both boundaries return."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from expectations.arithmetic import Check, NotCheckable, plain
from expectations.figures import ReportFigures
from expectations.rules import Rule

OUTCOMES = ("pass", "warn", "fail", "not_checkable")


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one report (report_id is None for a rule-wide pass or a keyless row)."""

    rule_id: str
    severity: str
    outcome: str
    report_id: str | None
    unit_name: str | None
    fiscal_year: int | None
    stated_value: Decimal | None
    expected_value: Decimal | None
    difference: Decimal | None
    message: str


@dataclass(frozen=True)
class ValidationReport:
    boundary: str
    findings: tuple[Finding, ...]
    run_id: str | None = None
    data_docs_index: Path | None = None
    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # Reports whose arithmetic this validation checked (report_id -> sha256 of their figures), and
    # reports that left the marts since the last validation (-> None); see validate_marts.
    checked_reports: dict[str, str | None] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        """Findings per outcome, every outcome present."""
        found = Counter(finding.outcome for finding in self.findings)
        return {outcome: found[outcome] for outcome in OUTCOMES}

    @property
    def counts_by_rule(self) -> dict[str, dict[str, int]]:
        by_rule: dict[str, Counter[str]] = {}
        for finding in self.findings:
            by_rule.setdefault(finding.rule_id, Counter())[finding.outcome] += 1
        return {rule: {o: found[o] for o in OUTCOMES} for rule, found in by_rule.items()}

    @property
    def blocking_failed(self) -> bool:
        """Whether publication must stop: some blocking rule failed."""
        return any(f.severity == "blocking" and f.outcome == "fail" for f in self.findings)

    def for_report(self, report_id: str) -> dict[str, Finding]:
        return {f.rule_id: f for f in self.findings if f.report_id == report_id}


def report_label(figures: ReportFigures) -> str:
    unit = figures.unit_name or "unit not stated"
    year = figures.fiscal_year if figures.fiscal_year is not None else "year not stated"
    return f"{unit} {year} ({figures.report_id[:12]})"


def arithmetic_finding(rule: Rule, figures: ReportFigures, check: Check, passed: bool) -> Finding:
    """The finding of one warning rule on one report, given whether its comparison passed."""
    values: tuple[Decimal | None, Decimal | None, Decimal | None] = (None, None, None)
    if isinstance(check, NotCheckable):
        outcome = "not_checkable"
        message = f"{report_label(figures)}: {rule.id} not checkable: {check.reason}"
    else:
        outcome = "pass" if passed else "warn"
        values = (check.stated, check.expected, check.difference)
        message = (
            f"{report_label(figures)}: {rule.id} {outcome}: stated {plain(check.stated)} {rule.unit}, "
            f"expected {plain(check.expected)} {rule.unit} from {check.detail}; "
            f"difference {plain(check.difference)} {rule.unit}"
        )
    return Finding(
        rule.id,
        rule.severity,
        outcome,
        figures.report_id,
        figures.unit_name,
        figures.fiscal_year,
        *values,
        message,
    )
