"""The part of a fund an evaluation covers, when the report says it is not all of it.

``共下达某资金289403万元 … 本次纳入绩效评价范围的资金151640万元``: the fund issued and the money
evaluated differ, so which one is the report's budget is not stated. A full-year budget read from
a stage-less figure (下达, 合计, a named fund's amount) then stays null unless it is the evaluated
amount; a budget stated with its stage (全年预算数) is kept.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ingestion.parsing.evidence import Evidence
from ingestion.parsing.text import fold

_SCOPE = re.compile(r"纳入[^，,。；;]{0,10}评价范围[^，,。；;\d]{0,20}?(?P<n>\d+(?:\.\d+)?)\s*万元")


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
