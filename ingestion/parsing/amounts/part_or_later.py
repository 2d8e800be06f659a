"""Budget and execution figures a sentence's earlier clauses make no figure of the year's whole.

A cut-off date standing as a clause of its own (截至2024年3月31日，项目资金共支出…) dates every
figure after it, as one inside the clause does (``clause``): a date in another year than the
report's gives another span (the following spring's carry-over included), not the year's figure.
Items numbered (1)(2)… after a colon that opens a breakdown (已下达资金中：(1)甲…；(2)乙…) are
the parts of the whole stated before them: a budget or a payment in one is that part's only.
"""

from __future__ import annotations

import re

# The last cut-off date before the clause: 截至2024年3月31日, 截止到2023年底.
_CUT_OFF = re.compile(r"(?:截至|截止到?)\s*(?P<year>(?:19|20)\d{2})\s*年")
# The breakdown the items follow: 其中：(1)… or 已分配资金中：(1)…; its items end at the 。 that
# closes it (they are set apart by ；).
_BREAKDOWN_OPENS = re.compile(r"中\s*[:：]\s*[（(]1[）)]")


def dated_in_another_year(sentence_before: str, fiscal_year: int | None) -> bool:
    """The sentence's last cut-off date before the clause names a year other than the report's."""
    if fiscal_year is None:
        return False
    dates = list(_CUT_OFF.finditer(sentence_before))
    return bool(dates) and int(dates[-1]["year"]) != fiscal_year


def a_listed_part(passage_before: str) -> bool:
    """The clause stands in a numbered item of a breakdown the sentence opened before it."""
    opened = [m.end() for m in _BREAKDOWN_OPENS.finditer(passage_before)]
    return bool(opened) and "。" not in passage_before[opened[-1] :]
