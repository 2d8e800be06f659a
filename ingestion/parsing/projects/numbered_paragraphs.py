"""Numbered paragraphs that each open with a project or a fund, in a report on several
(1.2021年某某建设项目，…统筹资金120万元; （1）某展厅运维经费。…).
"""

from __future__ import annotations

import re

from ingestion.documents.model import Paragraph
from ingestion.parsing.amounts.money import find_money
from ingestion.parsing.projects.item_names import NOT_AN_ITEM, Item
from ingestion.parsing.text import Span, fold

# A project's paragraph numbered 1、 （1） or 项目一： (a report on several projects); the notice that
# issued its money may lead its name (某财农〔2023〕12号某项目, …): no part of it.
_NUMBERED = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[）)]|项目[一二三四五六七八九十]{1,2}\s*[:：])\s*"
    r"(?:[^\s，,。；;：:]{1,12}?[〔\[［](?:19|20)\d{2}[〕\]］]\s*\d{1,4}\s*号)?"
    r"(?:(?P<name>[^，,。；;：:]{6,80}?(?:项目|工程))\s*[，,]|(?P<fund>[^，,。；;：:]{6,60}?(?:经费|资金|补助))\s*[，,。])"
)
_FUND_MONEY = re.compile(r"(?:资金|投资|预算)\s*(?=\d)")


def numbered_projects(paragraphs: list[Paragraph]) -> list[Item]:
    """Numbered paragraphs that each open with a project, with the first fund amount each states."""
    found: list[Item] = []
    for paragraph in paragraphs:
        opening = _NUMBERED.match(fold(paragraph.text))
        if opening is None:
            continue
        text = fold(paragraph.text)
        stop = text.find("其中")
        fund = _FUND_MONEY.search(text, opening.end(), stop if stop > 0 else len(text))
        money = find_money(text[fund.end() :])[:1] if fund else []
        group = "name" if opening["name"] else "fund"
        name = opening[group]
        span = Span(name, paragraph.start + opening.start(group), paragraph.start + opening.end(group))
        found.append((name, money[0].wan if money and money[0].start == 0 else None, span))
    found = [item for item in found if not NOT_AN_ITEM.search(item[0])]
    return found if len(found) >= 2 else []
