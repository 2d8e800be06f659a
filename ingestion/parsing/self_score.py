"""The total self-evaluation score stated in prose (本次绩效自评评分91分, 自评得分为96分)."""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.documents.model import Paragraph
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.text import Span, fold

_SCORE = re.compile(
    r"(?:自评|评价|考评)[^，,。；;\d]{0,10}?(?:总得分|综合得分|得分|评分|总分|分数)(?:为|是|：|:)?\s*"
    r"(?P<score>\d{1,3}(?:\.\d{1,2})?)\s*分"
)
_MAX_SCORE = Decimal(100)


def as_json_number(value: Decimal) -> int | float:
    """Scores are JSON numbers: an int when integral."""
    return int(value) if value == value.to_integral_value() else float(value)


def prose_self_score(paragraphs: list[Paragraph], evidence: Evidence) -> int | float | None:
    for paragraph in paragraphs:
        for match in _SCORE.finditer(fold(paragraph.text)):
            value = Decimal(match["score"])
            if value <= _MAX_SCORE:
                cite(
                    evidence,
                    "/self_score",
                    Span(
                        paragraph.text[match.start() : match.end()],
                        paragraph.start + match.start(),
                        paragraph.start + match.end(),
                    ),
                )
                return as_json_number(value)
    return None
