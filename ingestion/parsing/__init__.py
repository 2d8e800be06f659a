"""Parsing: ``Document`` -> the report-extraction/1 contract dict (no I/O).

``extract_report`` is the entry point (``parse_report``: the same plus the verdict on a document
in which nothing was found, what the CLI and the pipeline run); prose extractors live one per module beside it
(``budget``, ``projects``, ``staffing``, ``points`` ...), table extractors in ``tables``.
"""

from ingestion.parsing.report import extract_report, parse_report
from ingestion.parsing.version import PARSER_VERSION

__all__ = ["PARSER_VERSION", "extract_report", "parse_report"]
