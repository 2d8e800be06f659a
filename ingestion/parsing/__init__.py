"""Parsing: ``Document`` -> the report-extraction/1 contract dict (no I/O).

``extract_report`` is the entry point (``parse_report``: the same plus the verdict on a document
in which nothing was found, what the CLI and the pipeline run). Prose extractors are grouped by the
fact they read: ``units`` (the reporting unit), ``projects``, ``amounts`` (the budget figures) and
``scores`` (the self-evaluation score); report-level ones (``report_meta``, ``title``, ``kind``,
``fiscal_year``, ``staffing``, ``points``, ``metrics`` ...) and the shared helpers (``text``,
``sections``, ``evidence`` ...) sit beside ``report``; table extractors are in ``tables``.
"""

from ingestion.parsing.report import extract_report, parse_report
from ingestion.parsing.version import PARSER_VERSION

__all__ = ["PARSER_VERSION", "extract_report", "parse_report"]
