"""Whether a report states 财政拨款 income besides the 一般公共预算 line.

财政拨款收入 is the sum of the 一般公共预算, 政府性基金预算 and 国有资本经营预算 lines. The
一般公共预算 line alone stands for it only when the other lines are zero or not stated: a non-zero
政府性基金 line makes it a part, and the total is then no figure the report writes.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.parsing.text import fold

_OTHER_LINE = re.compile(
    r"(?:政府性基金|国有资本经营)(?:预算)?(?:财政)?拨款(?:收入)?\s*[:：]?\s*(?:为|是)?\s*"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元"
)


def other_appropriation_income(document_text: str) -> bool:
    """The text states a non-zero 政府性基金 or 国有资本经营 财政拨款 income in 万元."""
    return any(Decimal(m["number"].replace(",", "")) != 0 for m in _OTHER_LINE.finditer(fold(document_text)))
