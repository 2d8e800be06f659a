"""Projects a report lists in prose, beyond the 项目支出 section's breakdown (``breakdown``).

- a run of three or more ``NAME AMOUNT`` items whose names end as projects and funds do
  (…项目12万元；…经费8.5万元；…补助30万元), the amount being each one's budget;
- in a report on projects or funds, the breakdown after a stated amount (某专项资金260万元。
  其中，甲建设12万元，乙补助8万元), and a ``其中`` naming the one project a unit reported on;
- a paragraph enumerating sub-projects with their budgets (①某补助应到位68万元；②某项目应到位…);
- spending groups that each name one project (一是…，即某补助经费合计30万元);
- numbered paragraphs that each open with a project or a fund (1.2021年某某建设项目，…统筹资金120万元;
  （1）某展厅运维经费。…);
- in a report on a fund, the project it is used for (下达105万元，用于实施某村灌溉项目);
- top headings that each name a fund (一、某发展资金（某维修经费）), and sub-headings that each name
  a project ((一)某经费项目 / (二)某维护项目), with the amount stated after the name or obtained
  (争取到某资金21.44万元) in its section;
- an attachment list of evaluation reports (附件：1.某某工作项目绩效评价报告, 2.…“某专项资金”绩效自评报告,
  附件3:某局整体绩效评价报告.pdf).
What introduces a list item (下达, 安排, 转移支付 …) is not part of its name.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.amounts.money import NUMBER, find_money, to_wan
from ingestion.parsing.projects.breakdown import LIST_START, NOT_PROJECT, list_items
from ingestion.parsing.projects.page_breaks import cut_word, next_page
from ingestion.parsing.sections import Section
from ingestion.parsing.text import ENCLOSED_NUMERAL, Span, fold

Item = tuple[str, str | None, Span | None]  # (name, budget in 万元 or None, where it is stated)

_PROJECT_END = re.compile(r"(?:项目|经费|资金|补助|工程|补贴|专项)(?:[（(][^（）()]{1,30}[）)])?$")
_LEAD_IN = re.compile(r"^.*(?:下达|安排|分配|拨付|包括|分别为|主要为|用于|即|转移支付)(?:到|给|至)?")
_MIN_RUN = 3
# A project's paragraph numbered 1、 （1） or 项目一： (a report on several projects); the notice that
# issued its money may lead its name (某财农〔2023〕12号某项目, …): no part of it.
_NUMBERED = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[）)]|项目[一二三四五六七八九十]{1,2}\s*[:：])\s*"
    r"(?:[^\s，,。；;：:]{1,12}?[〔\[［](?:19|20)\d{2}[〕\]］]\s*\d{1,4}\s*号)?"
    r"(?:(?P<name>[^，,。；;：:]{6,80}?(?:项目|工程))\s*[，,]|(?P<fund>[^，,。；;：:]{6,60}?(?:经费|资金|补助))\s*[，,。])"
)
_FUND_MONEY = re.compile(r"(?:资金|投资|预算)\s*(?=\d)")
# The project a fund is used for, with the amount just before when there is one.
# The verb may be left out (资金200万元，用于某中心建设项目); a name then opens with no verb of its
# own (用于支付某工程尾款, 用于该项目 name what the money paid or point back, not a project), and
# an omitted verb never leaves 实施/建设 at the head of the name (用于建设各类工程 names none).
_USED_FOR = re.compile(
    rf"(?:(?P<number>{NUMBER})\s*万元\s*[，,]?\s*)?用于(?:实施|建设)?"
    r"(?!实施|建设|支付|偿还|弥补|保障|补充|购买|开展|推进|完成|该|本|此|上述|各|其他|其它)"
    r"(?P<name>[^，,。；;：:、“”]{4,40}?(?:项目|工程))(?=[，,。；;]|$)"
)
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
_ENUMERATED = re.compile(
    rf"(?:^|[；;。，,:：])\s*(?:[{ENCLOSED_NUMERAL}]|\d{{1,2}}(?=[\u4e00-\u9fff]))\s*"
    r"(?P<name>[\u4e00-\u9fff（）()“”]{3,30}?(?:项目|补助|补贴|经费|资金|工程|专项))"
    rf"(?:应到位|预算数?|下达|安排|计划投资)(?:资金)?(?:为|共计?)?\s*(?P<number>{NUMBER})\s*万元"
)
_SUB_LEVEL = 2
_MIN_HEADED_PROJECTS = 2
# 附件：1.某报告, 附件2:某报告.pdf: a numbered attachment, its file type kept or not.
_ATTACHMENT = re.compile(
    r"^\s*(?:附\s*件\s*\d{1,2}\s*[:：]|(?:附\s*件\s*[:：]?\s*)?\d{1,2}\s*[.、．])\s*(?:(?:19|20)\d{2}\s*年度?)?"
    r"(?:“(?P<quoted>[^”]{4,60})”|(?P<name>\S{4,60}?(?:项目|资金|经费|工程|补助|补贴|专项|整体支出)))"
    r"(?:绩效)?(?:自评价?|评价)报告(?:\.(?:pdf|docx?|xlsx?|wps))?$",
    re.IGNORECASE,
)
# A title covering the unit's overall spending and one project besides (…自评报告(整体支出和某专项支出)):
# the other is a project.
_TITLE_ALSO_COVERS = re.compile(
    r"[（(]\s*(?:部门)?整体支出\s*(?:和|及|与|、)\s*"
    r"(?P<name>[^（）()、和及与]{4,40}?(?:项目|资金|经费|专项支出|项目支出))\s*[）)]\s*$"
)
_TITLE_LINES = 3
_BREAKDOWN_SCAN = 160
# The amount a breakdown follows is a payment: 实际支付90万元, 已支出…, 使用资金… (项目支出160万元
# is a budget line's name, not a payment).
_PAID = re.compile(
    r"(?:支付|(?:实际|已|累计|共)支出|使用|执行|完成|拨付)(?:了|资金|金额)?(?:为|共计?|合计)?\s*$"
)
# 即甲、乙合计…: a group of several, not one project.
_SEVERAL = re.compile(r"^即[^，,]*、")
_GROUP = re.compile(rf"即(?P<name>[^、，,。；;：:]{{4,40}}?)(?:合计|共计|总计)?(?P<number>{NUMBER})\s*万元")
_MAX_NAME = 40
# A breakdown by source or by use of the money, not by project: 中央资金, 本级, 其他资金, 项目管理费,
# 已拨付, 执行 ….
# Every level names its own (自治区财政补助资金, 盟市财政补助资金, 旗县级财政资金, 中央财政专项资金,
# 中央预算内基建投资), and what is left once the verb is dropped (省级财政安排补助资金) is a bare
# 补助资金.
_NOT_AN_ITEM = re.compile(
    r"^(?:中央|自治区|省级|省|盟市|市级|市|州级|旗县级|旗县|县级|县|区级|本级|上级|地方|自筹|社会|财政|配套|其他|其它)"
    r"(?:[^项]|专项){0,6}(?:资金|配套|补助|投资)?$|"
    r"管理费|支出共|本年度$|^(?:项目|资金|专项|补助)(?:金额|资金|经费|总额)?$|[一二三四五六七八九十]、|我[校局单部市县区]|"
    r"\d+个|绩效自评|绩效评价|评价结果|全年|下达$|"
    # a place alone (其中某区2.1万元), or what a place applied for or got (某县申请某补贴30万元): an
    # allocation by area, not a project
    r"^[\u4e00-\u9fff]{1,6}(?:省|市|区|县|旗|镇|乡|街道)(?:$|申请|申报|获得|争取|分得)"
)
# A share named by its year alone, or by its year and source (其中2021年120万元, 2022年省级资金80万元):
# a part of the money, not a project.
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}年度?")
# What the money did, in the item's own words: spent or moved, not a project.
_MONEY_MOVED = re.compile(r"执行|拨付|到位|结余|结转|使用|调减|调增|追加|已于")


def _name(raw: str) -> str:
    return _LEAD_IN.sub("", raw).strip("，,、 ") or raw


def is_item(name: str, span: Span | None) -> bool:
    """A name a list's item may have: no source, year, place, stage or movement of money."""
    after_year = _LEADING_YEAR.sub("", name)
    return (
        3 <= len(name) <= _MAX_NAME
        and len(after_year) >= 2
        and not _NOT_AN_ITEM.search(name)
        and not _NOT_AN_ITEM.search(after_year)
        and not (span is not None and _MONEY_MOVED.search(span.text))
    )


def _named_items(items: list[Item]) -> list[Item]:
    return [(name, wan, span) for name, wan, span in items if is_item(name, span)]


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
                (_name(name), wan, span)
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
    return _named_items(found)


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
            if not _MONEY_MOVED.search(m["name"])
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
            found.extend((_name(n), w, span) for n, w, span in items + _carried_on(rest, page))
    return _named_items(found)


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
    return _named_items(found)


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
    found = [item for item in found if not _NOT_AN_ITEM.search(item[0])]
    return found if len(found) >= 2 else []


def used_for(paragraphs: list[Paragraph]) -> list[Item]:
    """Projects a fund is used for (…资金105万元，用于实施某村灌溉项目), with that amount."""
    found: list[Item] = []
    for paragraph in paragraphs:
        if "用于" not in paragraph.text:
            continue
        text = fold(paragraph.text)
        for match in _USED_FOR.finditer(text):
            name = match["name"]
            span = Span(name, paragraph.start + match.start("name"), paragraph.start + match.end("name"))
            found.append((name, to_wan(match["number"], "万元") if match["number"] else None, span))
    return [item for item in _named_items(found) if not NOT_PROJECT.match(item[0])]


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


def attached_reports(document: Document) -> list[str]:
    """Projects and funds whose evaluation reports are attached (附件：1.…项目绩效评价报告)."""
    names = []
    for block in document.blocks:
        if isinstance(block, Paragraph) and (match := _ATTACHMENT.match(fold(block.text).replace(" ", ""))):
            names.append(match["quoted"] or match["name"])
    return names


def also_covered(document: Document) -> list[Item]:
    """The project a title names beside the unit's overall spending (…(整体支出和某经费项目))."""
    lines = [b for b in document.blocks if isinstance(b, Paragraph) and b.text.strip()][:_TITLE_LINES]
    for line in lines:
        if match := _TITLE_ALSO_COVERS.search(fold(line.text)):
            name, start = match["name"], line.start + match.start("name")
            return [(name, None, Span(name, start, start + len(name)))]
    return []
