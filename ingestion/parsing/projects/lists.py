"""Projects a report lists in prose with their amounts, beyond the 项目支出 section's breakdown
(``breakdown``).

- a run of three or more ``NAME AMOUNT`` items whose names end as projects and funds do
  (…项目12万元；…经费8.5万元；…补助30万元), the amount being each one's budget;
- in a report on projects or funds, the breakdown after a stated amount (某专项资金260万元。
  其中，甲建设12万元，乙补助8万元), and a ``其中`` naming the one project a unit reported on;
- a paragraph enumerating sub-projects with their budgets (①某补助应到位68万元；②某项目应到位…);
- spending groups that each name one project (一是…，即某补助经费合计30万元).
Which names an item may have: ``item_names``.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Paragraph
from ingestion.parsing.amounts.money import NUMBER, find_money, to_wan
from ingestion.parsing.projects.breakdown import LIST_START, NOT_PROJECT, list_items
from ingestion.parsing.projects.item_names import MONEY_MOVED, Item, is_item, named_items, without_lead_in
from ingestion.parsing.projects.page_breaks import cut_word, next_page
from ingestion.parsing.text import ENCLOSED_NUMERAL, Span, fold

_PROJECT_END = re.compile(r"(?:项目|经费|资金|补助|工程|补贴|专项)(?:[（(][^（）()]{1,30}[）)])?$")
_MIN_RUN = 3
_ENUMERATED = re.compile(
    rf"(?:^|[；;。，,:：])\s*(?:[{ENCLOSED_NUMERAL}]|\d{{1,2}}(?=[\u4e00-\u9fff]))\s*"
    r"(?P<name>[\u4e00-\u9fff（）()“”]{3,30}?(?:项目|补助|补贴|经费|资金|工程|专项))"
    rf"(?:应到位|预算数?|下达|安排|计划投资)(?:资金)?(?:为|共计?)?\s*(?P<number>{NUMBER})\s*万元"
)
_BREAKDOWN_SCAN = 160
# The amount a breakdown follows is a payment: 实际支付90万元, 已支出…, 使用资金… (项目支出160万元
# is a budget line's name, not a payment).
_PAID = re.compile(
    r"(?:支付|(?:实际|已|累计|共)支出|使用|执行|完成|拨付)(?:了|资金|金额)?(?:为|共计?|合计)?\s*$"
)
# 即甲、乙合计…: a group of several, not one project.
_SEVERAL = re.compile(r"^即[^，,]*、")
_GROUP = re.compile(rf"即(?P<name>[^、，,。；;：:]{{4,40}}?)(?:合计|共计|总计)?(?P<number>{NUMBER})\s*万元")


def _breaks_down_a_payment(text: str, start: int, sentence: str) -> bool:
    """The sentence at ``start`` opens with 其中 right after a payment (实际支付90万元。其中：…)."""
    if not LIST_START.match(sentence.lstrip()):
        return False
    money = find_money(text[max(0, start - _BREAKDOWN_SCAN) : start])
    before = fold(text[max(0, start - _BREAKDOWN_SCAN) : start])
    return bool(money) and bool(_PAID.search(before[: money[-1].start]))


def item_runs(paragraphs: list[Paragraph]) -> list[Item]:
    """Sentences listing at least three ``NAME AMOUNT`` items that end as projects or funds do."""
    found: list[Item] = []
    for paragraph in paragraphs:
        if paragraph.text.count("元") < _MIN_RUN:
            continue
        start = 0
        for sentence in paragraph.text.split("。"):
            if _breaks_down_a_payment(paragraph.text, start, sentence):  # ``breakdowns(paid=True)``
                start += len(sentence) + 1
                continue
            items = [
                (without_lead_in(name), wan, span)
                for name, wan, span in list_items(sentence, paragraph.start + start)
                if not _SEVERAL.match(name)
            ]
            start += len(sentence) + 1
            # a run of shares by year or source (2021年省级资金…，中央资金…) is no run of projects
            projects = [
                i
                for i in items
                if _PROJECT_END.search(i[0]) and not NOT_PROJECT.match(i[0]) and is_item(i[0], i[2])
            ]
            if len(projects) >= _MIN_RUN and len(projects) * 2 >= len(items):
                found.extend(projects)
    return named_items(found)


def enumerated_items(paragraphs: list[Paragraph]) -> list[Item]:
    """A paragraph enumerating at least three sub-projects, each with its amount after a budget
    word (①某补助应到位68万元；②某项目应到位1605万元；…; the marks may turn into plain 5, 6)."""
    found: list[Item] = []
    for paragraph in paragraphs:
        if paragraph.text.count("万元") < _MIN_RUN:
            continue
        text = fold(paragraph.text)
        items = [
            (
                m["name"],
                to_wan(m["number"], "万元"),
                Span(m["name"], paragraph.start + m.start("name"), paragraph.start + m.end("name")),
            )
            for m in _ENUMERATED.finditer(text)
            if not MONEY_MOVED.search(m["name"])
        ]
        if len(items) >= _MIN_RUN:
            found.extend(items)
    return found


def breakdowns(paragraphs: list[Paragraph], of_projects_only: bool, paid: bool = False) -> list[Item]:
    """The items of the sentence after a 其中 that follows a stated amount (a fund's or a project's
    breakdown), up to the first clause that is none (其中某资金已于某日到位，…，甲费5万元: the list
    was never begun); with ``of_projects_only``, only where what precedes speaks of projects
    (项目金额30万元。其中：…). With ``paid``, only the breakdowns of a payment (实际支付90万元。
    其中：用于甲项目40万元…: what each spent), else only the others (what each was given)."""
    found: list[Item] = []
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        for marker in LIST_START.finditer(text):
            before = text[max(0, marker.start() - _BREAKDOWN_SCAN) : marker.start()]
            money = find_money(before)
            if not money or (of_projects_only and "项目" not in before):
                continue
            if bool(_PAID.search(fold(before)[: money[-1].start])) != paid:
                continue
            end = text.find("。", marker.end())
            rest = text[marker.end() : end if end > 0 else len(text)]
            items = list_items(rest, paragraph.start + marker.end(), contiguous=True)
            page = next_page(paragraphs, index) if end < 0 else None
            found.extend((without_lead_in(n), w, span) for n, w, span in items + _carried_on(rest, page))
    return named_items(found)


def _carried_on(rest: str, page: tuple[str, int] | None) -> list[tuple[str, str, Span]]:
    """The items a list cut at a page's end (``rest``) goes on with on the next page, the name
    cut at the page's end joined again."""
    if page is None:
        return []
    text, start = page
    end = text.find("。")
    items = list_items(text[: end if end >= 0 else len(text)], start, contiguous=True)
    cut = cut_word(rest)
    if items and cut and not any(ch.isdigit() for ch in cut):
        items[0] = (cut + items[0][0], *items[0][1:])
    return items


def named_groups(paragraphs: list[Paragraph]) -> list[Item]:
    """Spending groups that name a single project (一是某类支出，即某工作补助经费合计30万元);
    a group naming several (即甲、乙、丙合计…) is no project."""
    found: list[Item] = []
    for paragraph in paragraphs:
        if "即" not in paragraph.text:
            continue
        for match in _GROUP.finditer(fold(paragraph.text)):
            name = match["name"]
            span = Span(name, paragraph.start + match.start("name"), paragraph.start + match.end("name"))
            found.append((name, to_wan(match["number"], "万元"), span))
    return named_items(found)
