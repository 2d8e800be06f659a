"""The 财政拨款 income a self-evaluation form states under 按收入性质分 (其中：一般公共预算：80万元).

The form splits the year's funds by the nature of income (一般公共预算, 政府性基金拨款, 其他资金)
beside a split by the nature of spending (基本支出, 项目支出); flattened to text, the two headings
may stand together before their lines. Under 按收入性质 the 一般公共预算 line is the 财政拨款
income, when no other 财政拨款 line (政府性基金, 国有资本经营) states money besides it. Elsewhere a
bare 一般公共预算 figure may be spending, so it is read nowhere else.
"""

from __future__ import annotations

import re

from ingestion.parsing.amounts.appropriation_parts import other_appropriation_income
from ingestion.parsing.amounts.money import money_at
from ingestion.parsing.text import Span, fold

_BY_INCOME = re.compile(r"按收入性质分?")
# The line, at most this far after the heading (the spending split's heading may stand between).
_WINDOW = 120
_GENERAL_LINE = re.compile(r"(?:其中[:：]?\s*)?一般公共预算(?:财政拨款)?(?:收入)?\s*[:：]\s*")


def income_by_nature(document_text: str) -> tuple[str, Span] | None:
    """(万元, where) of the 一般公共预算 line under a 按收入性质 heading; None when none is stated."""
    folded = fold(document_text)
    heading = _BY_INCOME.search(folded)
    if heading is None or other_appropriation_income(document_text):
        return None
    line = _GENERAL_LINE.search(folded, heading.end(), heading.end() + _WINDOW)
    money = money_at(folded, line.end()) if line else None
    if line is None or money is None or not folded.startswith("万元", money.end - 2):
        return None
    return money.wan, Span(document_text[line.start() : money.end], line.start(), money.end)
