"""Numbered items that each name a project with its own figures, in a report on several.

A summary report (总报告) or a fund's breakdown enumerates its projects, each opening a numbered
item with the project's name and then its money:

    1、某某维护项目：预算48万元，实际支付45万元。      (one item a line)
    …具体用于：①某小区改造工程尾款40.5万元；②某项目前期费用12万元；…   (items in one paragraph)
    （1）某补助经费，年初预算安排20万元，…
    （二）某示范体系建设（320万元）                      (a heading: its bracket says whose)

The first amount after the name (directly, or after a budget word) is that project's budget. What
else an item states (its execution, its payments) is the project's, never the report's: the items'
extents are returned so that report-level amounts read inside them can be withdrawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.documents.model import Paragraph
from ingestion.parsing.amounts.money import NUMBER, to_wan
from ingestion.parsing.evidence import Evidence
from ingestion.parsing.text import ENCLOSED_NUMERAL, Span, fold

# An item's mark: 1、 1. 1) （1） ① at a paragraph's start or after a clause ends.
# A year may follow 、 or ) at once (2、2022年某项目); after . a digit makes a decimal.
_MARK = rf"(?:[{ENCLOSED_NUMERAL}]|\d{{1,2}}\s*(?:[.．](?!\d)|[、)）])|[（(]\d{{1,2}}[）)])"
# A fund item may open with the notice that issued it (某财建〔2023〕12号（文）提前下达…): not its name.
_ISSUED_BY = (
    r"(?:[^\s，,。；;：:]{1,12}?[〔\[［（(](?:19|20)\d{2}[〕\]］）)]\s*\d{1,4}\s*号文?[）)]?"
    r"\s*(?:提前)?(?:下达|安排|分配)?(?![我本各给至到]))?"  # 下达我县…: the fund as allocated, not an item
)
# 43万 as well as 43万元, but not 3万人, 2万亩 …
_WAN = r"万元?(?![人户亩平方吨册份次辆株只头公里米台套个件名])"
# A copied PDF may break a figure after its decimal point (35. 3万元): still one figure.
_FIGURE = rf"(?:{NUMBER}|(?<![\d.])\d+\.[ ]\d+)"
# A name may open with a number a PDF copy spaced off the words after it (610 办专项: one name).
_COPIED_NUMBER = r"(?:\d{1,4} (?![年月日个万])(?=[\u4e00-\u9fff]))?"
# A special fund's name may be short (维稳专项, 禁毒专项), never shorter than this.
_MIN_NAME = 4
# The first item may follow the count that announces the list without a stop (共有4个项目1、…).
# The lookahead first: an item starts with a space or its mark's first character, a test that
# fails at most positions before the three-way lookbehind is tried there.
_ITEM = re.compile(
    rf"(?=[\s\d（({ENCLOSED_NUMERAL}])(?:^|(?<=[；;。:：])|(?<=个项目))\s*{_MARK}\s*{_ISSUED_BY}\s*(?:(?:19|20)\d{{2}}年度?)?"
    rf"(?P<name>{_COPIED_NUMBER}(?:[^\s，,。；;：:、“”]{{4,40}}?(?:项目|工程|资金|经费|补助|补贴|专项|尾款|费用|转移支付)"
    r"|[\u4e00-\u9fff]{1,3}专项))"
    r"\s*(?:[：:，,]\s*)?"
    r"(?:(?:该|本)项目)?(?:(?:年初|全年|调整后)?(?:预算数?|安排|下达|到位|计划投资)(?:资金)?(?:安排)?(?:为|共计?)?\s*)?"
    rf"(?P<number>{_FIGURE})\s*{_WAN}"
)
# Names that are an outline's or a source's words, not a project (项目资金到位情况, 中央资金), nor
# what the money did.
_NOT_NAME = re.compile(
    r"情况|分析|目标|指标|结论|问题|建议|措施|合计|总计|小计|共计|其中|^(?:项目|专项)?(?:资金|经费)$|"
    # an allocation (分配某地某补助50万元) or a payment, in a verb's words, not a project's name
    r"^(?:分配|下达|安排|拨付|支付|用于|根据|按照|向|给|对)|号文?[)）]|[〔〕\[\]［］]|"
    # the money's stage or movement (年初预算安排资金, 已拨付资金), not a project's name (预算外资金,
    # money outside the budget, names where a project's money comes from)
    r"预算(?!外)|执行|到位|拨付|结余|结转|支出|使用|^(?:年初|全年|调整|实际|累计|已)|"
    r"^(?:中央|省级?|市级?|县级?|区级?|本级|上级|地方|自筹|财政|配套)[^项]{0,6}(?:资金|补助|经费)$"
)
_MIN_ITEMS = 2
# Reports whose numbered items may be their projects: on one project or several, and a unit's
# self-evaluation listing its funds (not a 决算, whose numbered items are its accounts' lines).
ITEM_KINDS = ("project_expenditure", "key_projects", "overall_expenditure")
# A heading that is a component with its money in brackets ((一)某体系建设（1640万元）): an item even
# alone, as the bracket says whose the figure is.
_HEADED = re.compile(
    rf"^\s*(?:{_MARK}|[（(][一二三四五六七八九十]{{1,3}}[）)]|[一二三四五六七八九十]{{1,3}}、)\s*"
    r"(?P<name>[^\s，,。；;：:、（）()“”]{4,40})"
    rf"[（(]\s*(?:(?:预算|资金|投资|安排)(?:资金)?\s*)?(?P<number>{NUMBER})\s*万元\s*[）)]\s*$"
)


@dataclass(frozen=True)
class ProjectItem:
    name: str
    budget_wan: str
    where: Span  # the name as stated
    start: int  # the item's extent in the document: from its name to the next item or paragraph end
    end: int


def _headed_item(paragraph: Paragraph) -> ProjectItem | None:
    if "万" not in paragraph.text:
        return None  # the bracket states the money in 万元
    match = _HEADED.match(fold(paragraph.text))
    if match is None or _NOT_NAME.search(match["name"]):
        return None
    start = paragraph.start + match.start("name")
    where = Span(match["name"], start, start + len(match["name"]))
    return ProjectItem(match["name"], to_wan(match["number"], "万元"), where, start, paragraph.end)


def _paragraph_items(paragraph: Paragraph) -> list[ProjectItem]:
    if "万" not in paragraph.text:
        return []  # every item states its money in 万元: most paragraphs need no scan
    text = fold(paragraph.text)
    matches = [
        m
        for m in _ITEM.finditer(text)
        if not _NOT_NAME.search(m["name"]) and len(m["name"].replace(" ", "")) >= _MIN_NAME
    ]
    items = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        named_at = paragraph.start + match.start("name")
        where = Span(match["name"], named_at, named_at + len(match["name"]))
        # The item runs from its mark: a figure cited from there on (the notice, the name) is its own.
        start = paragraph.start + match.start()
        wan = to_wan(match["number"].replace(" ", ""), "万元")
        items.append(ProjectItem(match["name"].replace(" ", ""), wan, where, start, paragraph.start + end))
    return items


def project_items(paragraphs: list[Paragraph]) -> list[ProjectItem]:
    """Every numbered project item with its budget, when there are at least two (a lone numbered
    figure is an outline's point, not an enumeration of projects), and every heading that is a
    component with its money in brackets."""
    found = [item for paragraph in paragraphs for item in _paragraph_items(paragraph)]
    names = {item.name for item in found}
    headed = [item for paragraph in paragraphs if (item := _headed_item(paragraph))]
    return (found if len(names) >= _MIN_ITEMS else []) + [i for i in headed if i.name not in names]


def withdraw_item_amounts(
    amounts: dict[str, str | None], items: list[ProjectItem], evidence: Evidence
) -> None:
    """A report-level amount read inside one project's item is that project's, not the report's."""
    for key, value in amounts.items():
        cited = evidence.get(f"/amounts_wan/{key}")
        if value is None or cited is None:
            continue
        at = cited.get("start")
        if isinstance(at, int) and any(item.start <= at < item.end for item in items):
            amounts[key] = None
            del evidence[f"/amounts_wan/{key}"]
