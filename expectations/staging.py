"""The staging boundary: the arithmetic rules on parsed extractions, right after parsing.

No Great Expectations here: it is a handful of sums per document, run where parsing runs, and
must not cost GX's import. The marts boundary runs the same arithmetic through GX.
"""

from __future__ import annotations

from collections.abc import Mapping

from expectations.arithmetic import ARITHMETIC_RULES, Comparison
from expectations.figures import figures_from_extraction
from expectations.report import Finding, ValidationReport, arithmetic_finding
from expectations.rules import rules_for
from ingestion.contract import ReportExtraction


def check_extractions(extractions: Mapping[str, ReportExtraction]) -> ValidationReport:
    """Every staging rule on every extraction, keyed by report_id (the document sha256)."""
    findings: list[Finding] = []
    rules = rules_for("staging")
    for report_id, extraction in extractions.items():
        figures = figures_from_extraction(report_id, extraction)
        for rule in rules:
            check = ARITHMETIC_RULES[rule.id](figures)
            passed = isinstance(check, Comparison) and rule.within_tolerance(check.difference)
            findings.append(arithmetic_finding(rule, figures, check, passed))
    return ValidationReport(boundary="staging", findings=tuple(findings))
