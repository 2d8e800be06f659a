"""Figures a copy of a report hides (点击查看>>万元, （略）万元, ***万元).

Bidding and document-sharing sites mask some amounts of a report they copy. A masked statement
still says that a figure of that kind was stated: when a stage-less budget figure (what was issued,
a fund's total) is masked in one place and readable in another, the readable one may be only a
later tranche, so it cannot be taken as the whole.
"""

from __future__ import annotations

import re

from ingestion.parsing.amounts.clause import WEAK_KEYS, clause_amount

_MASK = re.compile(r"(?:点击查看\s*>*|[（(]\s*略\s*[)）]|[*＊]{2,}|[×xX]{3,}|[?？]{2,})\s*(?=万元)")
# A figure that stands for the hidden one while the clause is read for its label, never kept.
HIDDEN = "0"


def masked_key(clause: str, fiscal_year: int | None, one_project: bool) -> str | None:
    """The stage-less budget figure a clause states with its figure hidden, if it does."""
    if "万元" not in clause or not _MASK.search(clause):
        return None
    read = clause_amount(_MASK.sub(HIDDEN, clause, count=1), fiscal_year, one_project)
    return read[0] if read is not None and read[0] in WEAK_KEYS else None
