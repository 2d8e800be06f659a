"""Headings that name what a report covers: top headings that each name a fund
(一、某发展资金（某维修经费）), and sub-headings that each name a project ((一)某经费项目 /
(二)某维护项目), with the amount stated after the name or obtained (争取到某资金21.44万元) in its
section.
"""

from __future__ import annotations

import re

from ingestion.parsing.amounts.money import to_wan
from ingestion.parsing.projects.item_names import Item
from ingestion.parsing.sections import Section
from ingestion.parsing.text import Span, fold

_FUND_HEADING = re.compile(r"^\S{4,60}?(?:资金|经费)(?:[（(][^（）()]{2,40}[）)])?$")
# A sub-heading naming a project (（一）某经费项目), not the outline's words (项目基本情况, 项目绩效目标).
_PROJECT_HEADING = re.compile(r"^[\u4e00-\u9fff（）()“”\d]{4,40}(?:项目|工程)$")
_HEADING_WORDS = re.compile(
    r"情况|目标|指标|分析|问题|建议|结论|措施|评价|绩效|管理|组织|实施|决策|概况|说明|产出|效益|基本"
)
_AMOUNT_AFTER_NAME = r"(?:资金|经费)?(?:为|共计?|合计)?\s*(?P<number>\d+(?:\.\d+)?)\s*万元"
# …，争取到市级财政资金21.44万元: the funds the project obtained, in a clause naming no year
# (截止2013年已安排… is an earlier year's).
_FUNDS_OBTAINED = re.compile(
    r"(?:^|[，,。；;])(?P<clause>(?:(?!(?:19|20)\d{2}年)[^，,。；;])*?)(?:争取到?|获得|落实)[^，,。；;\d]{0,30}?"
    r"(?:资金|经费)(?:为|共计?|合计)?\s*(?P<number>\d+(?:\.\d+)?)\s*万元"
)
_SUB_LEVEL = 2
_MIN_HEADED_PROJECTS = 2


def fund_headings(sections: list[Section]) -> list[str]:
    """Top headings that name a fund, each a part of a transfer-payment self-evaluation."""
    return [s.title for s in sections if s.level == 1 and _FUND_HEADING.match(s.title)]


def project_headings(sections: list[Section]) -> list[Item]:
    """Sub-headings that each name one of the projects a report covers ((一)某经费项目 / (二)某维护
    项目), with the amount its section states right after the name (某维护项目资金21.44万元); at
    least two, or they are the outline's own words."""
    found: list[Item] = []
    for section in sections:
        if section.level is None or section.level < _SUB_LEVEL or not _PROJECT_HEADING.match(section.title):
            continue
        if _HEADING_WORDS.search(section.title):
            continue
        name = section.title
        texts = [fold(p.text) for p in section.subtree_paragraphs()]
        stated = re.compile(re.escape(name) + _AMOUNT_AFTER_NAME)
        amount = next((to_wan(m["number"], "万元") for t in texts if (m := stated.search(t))), None)
        if amount is None:
            amount = next(
                (to_wan(m["number"], "万元") for t in texts for m in _FUNDS_OBTAINED.finditer(t)), None
            )
        where = section.heading.text.find(name)
        span = (
            Span(name, section.heading.start + where, section.heading.start + where + len(name))
            if where >= 0
            else None
        )
        found.append((name, amount, span))
    return found if len(found) >= _MIN_HEADED_PROJECTS else []
