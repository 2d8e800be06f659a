"""Evidence: for every extracted value, the snippet it came from and its offsets in the text."""

from __future__ import annotations

from ingestion.parsing.text import Span

Evidence = dict[str, dict[str, object]]


def cite(evidence: Evidence, pointer: str, span: Span) -> None:
    """Record that the value at JSON pointer ``pointer`` was read from ``span``."""
    evidence[pointer] = {"text": span.text, "start": span.start, "end": span.end}
