"""The part of a fund an evaluation covers, when the report says it is not all of it.

``共下达某资金52000万元 … 本次纳入绩效评价范围的资金31800万元``: the fund issued and the money
evaluated differ, so which one is the report's budget is not stated. A full-year budget read from
a stage-less figure (下达, 合计, a named fund's amount) then stays null unless it is the evaluated
amount; a budget stated with its stage (全年预算数) is kept.

``选取12个项目开展重点绩效评价。涉及资金总额8600万元``: the money an evaluation of several
projects involves (涉及…, 资金规模…, after their count in its sentence or the one before) is what they come to
together, no budget of the report (``combined_evaluated``); so is, in an announcement of
evaluation results, any budget figure after such a count in its sentence. A summary of the unit's
own projects stating their budget (预算安排项目共计47个，财政资金…) is a budget.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ingestion.parsing.evidence import Evidence
from ingestion.parsing.text import fold

_SCOPE = re.compile(r"纳入[^，,。；;]{0,10}评价范围[^，,。；;\d]{0,20}?(?P<n>\d+(?:\.\d+)?)\s*万元")


# Two or more, in digits or Chinese numerals.
_SEVERAL = r"(?<![\d.])(?:[2-9]|\d{2,}|[二三四五六七八九十两][一二三四五六七八九十百]*)"
# Two or more projects (专项, 政策) counted and evaluated: 对12个项目开展…评价, 评价项目共8个.
_SEVERAL_EVALUATED = re.compile(
    rf"{_SEVERAL}\s*个(?:重点)?(?:项目|专项|政策)"
    r"[^。；;]{0,24}?(?:评价|自评)"
    r"|(?:评价|自评)[^。；;\d]{0,10}?(?:项目|专项)[^。；;\d]{0,4}?(?:[2-9]|\d{2,})\s*个"
)
# The several units an evaluation involves (共涉及甲局、乙局等19家预算单位): money stated after them in
# the sentence is theirs together.
_SEVERAL_UNITS_INVOLVED = re.compile(
    rf"涉及[^。；;]*?{_SEVERAL}\s*[家个]"
    r"(?:预算|项目|实施)?(?:单位|部门)"
)
_SENTENCE_MARKS = "。；;"


def combined_evaluated(text: str, clause_start: int, clause: str, announcement: bool = False) -> bool:
    """The ``clause`` at ``clause_start`` of ``text`` states the money (涉及…, …规模) of several
    projects evaluated, counted in its sentence or the one before, or follows the several units an
    evaluation involves in its own sentence: their combined amount. In an
    announcement of evaluation results (``announcement``) any figure after such a count in its
    own sentence is (本次评价项目共20个，资金总额…)."""
    end = max(text.rfind(mark, 0, clause_start) for mark in _SENTENCE_MARKS)
    if _SEVERAL_UNITS_INVOLVED.search(fold(text[end + 1 : clause_start])):
        return True
    if "涉及" in clause or "规模" in clause:
        start = max(text.rfind(mark, 0, end) for mark in _SENTENCE_MARKS) + 1 if end > 0 else 0
    elif announcement:
        start = end + 1
    else:
        return False
    return _SEVERAL_EVALUATED.search(fold(text[start:clause_start])) is not None


def evaluated_amounts(text: str) -> set[Decimal]:
    """The amounts the text says an evaluation covers (纳入…评价范围的资金N万元)."""
    if "评价范围" not in text:
        return set()
    return {Decimal(match["n"]) for match in _SCOPE.finditer(fold(text))}


def unstated_budget(
    amounts: dict[str, Any], stated: str | None, text: str, evidence: Evidence, warnings: list[str]
) -> None:
    """Null a full-year budget placed from a stage-less figure (not ``stated`` with its stage)
    when the evaluation covers another amount."""
    value = amounts.get("budget_full_year")
    if value is None or value == stated:
        return
    covered = evaluated_amounts(text)
    if covered and Decimal(value) not in covered:
        amounts["budget_full_year"] = None
        evidence.pop("/amounts_wan/budget_full_year", None)
        warnings.append(
            f"amounts_wan.budget_full_year: {value} is not the amount evaluated "
            f"({', '.join(str(c) for c in sorted(covered))}); left null"
        )
