"""Validation of report arithmetic and warehouse integrity at two boundaries.

``check_extractions`` runs after parsing (staging, no Great Expectations import);
``run_validation`` runs Great Expectations on the marts before publishing. Both return a
``ValidationReport``. Importing this package is cheap: GX is imported only when
``run_validation`` runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from expectations.report import Finding, ValidationReport
from expectations.staging import check_extractions

if TYPE_CHECKING:
    from ingestion.settings import Settings

__all__ = ["Finding", "ValidationReport", "check_extractions", "run_validation"]


def run_validation(
    settings: Settings, *, run_id: str, known_figures: Mapping[str, str] | None = None
) -> ValidationReport:
    """Validate the marts with Great Expectations; see ``expectations.marts_validation``.

    With ``known_figures`` (report_id -> sha256 of the figures last validated) the arithmetic runs
    only on reports whose figures changed; the blocking rules always check every mart.
    """
    from expectations.marts_validation import validate_marts

    return validate_marts(settings, run_id=run_id, known_figures=known_figures)
