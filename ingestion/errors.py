"""Errors that set a document aside with a specific, stable reason.

``reason`` is a short machine-readable code (it becomes the quarantine reason in the ledger
and the marts); the message says what was wrong with *this* document in words.
"""

from __future__ import annotations


class DocumentRejected(Exception):
    """A document that cannot be read or is not a report; it goes to quarantine, the run goes on."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


# The reason codes, so collectors, readers and the ledger agree on spelling.
EMPTY = "empty"
TRUNCATED = "truncated"
CORRUPT = "corrupt"
ENCRYPTED = "encrypted"
OVERSIZED = "oversized"
UNSUPPORTED_FORMAT = "unsupported_format"
NO_TEXT_LAYER = "no_text_layer"
NOT_A_REPORT = "not_a_report"
UNSAFE = "unsafe"
CONVERTER_MISSING = "converter_missing"
UNDECODABLE = "undecodable"
# Per-document isolation (ingestion.landing.parse_workers): the parser raised on this document,
# its worker went over the memory cap (or died without an answer), or over the wall-clock limit.
PARSER_ERROR = "parser_error"
TOO_LARGE = "too_large"
TIMEOUT = "timeout"
