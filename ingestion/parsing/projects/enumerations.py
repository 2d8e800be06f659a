"""Projects a sentence enumerates by name, beyond the ``NAME AMOUNT`` lists of ``lists``.

- a fund's self-evaluation splits the fund into the uses it was issued for, each opened by an
  ordinal (一是安排某购置补贴50万元，…。二是安排某服务补助12万元。…): each use is a project with
  that amount; what else an item says (配套安排市级资金…) is not;
- a report on several funds gives each a numbered line of its own (1.某平台服务经费), its amount
  stated with its name in what follows (批复某平台服务经费20万元);
- a unit names the funds it evaluates in one run and calls them projects (甲经费、乙补助、丙工资
  等项目资金来源于…): each is a project, without an amount;
- a unit quotes each project's name and counts them (反映“甲经费”“乙补助”等2个项目…): each is a
  project, its budget the one stated where a paragraph later opens with it (（1）甲经费项目…
  全年预算数3万元).
Allocations to places (一是安排某县20万元), a level's or a year's share and the money's stages are
no projects; an enumeration that holds any such item is no list of projects at all.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Paragraph
from ingestion.parsing.amounts.money import NUMBER, to_wan
from ingestion.parsing.projects.breakdown import NOT_PROJECT
from ingestion.parsing.projects.item_names import Item, is_item
from ingestion.parsing.text import Span, fold

# 一是安排某补贴322万元: the ordinal, the verb that issues the money, the use (a bracket that
# qualifies it may hold 、), its amount right after.
_ORDINAL_USE = re.compile(
    r"(?:^|[。；;：:，,])\s*[一二三四五六七八九十]是(?:安排|下达|分配)(?:资金)?"
    rf"(?P<name>(?:[^，,。；;：:、\d（）()元]|[（(][^（）()]{{1,30}}[）)]){{3,50}}?)\s*(?P<number>{NUMBER})\s*万元"
)
_MIN_USES = 2
# 甲经费、乙补助、丙工资等项目资金: names of CJK words only, the run called projects' money.
_NAME = r"[\u4e00-\u9fff（）()]{3,24}"
_NAMED_RUN = re.compile(rf"(?P<run>{_NAME}(?:、{_NAME}){{2,}})等(?:\d+个)?项目(?:资金|经费)")
# What may lead the first name (我校有…, 包括…): not part of it (国有… inside a name is).
_RUN_LEAD = re.compile(r"^(?:(?:我|本)[^、]{0,6}?(?:有|包括|包含|涉及)|包括|包含|涉及|主要有)")
# A place alone (某县, 某街道): an allocation by area.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:省|市|区|县|旗|镇|乡|街道|村|社区)$")


def _project_like(name: str) -> bool:
    return is_item(name, None) and not NOT_PROJECT.match(name) and not _PLACE.match(name)


def ordinal_uses(paragraphs: list[Paragraph]) -> list[Item]:
    """The uses a paragraph enumerates by ordinal, each with its amount, when there are at least
    two and every one is project-like."""
    found: list[Item] = []
    for paragraph in paragraphs:
        if (
            "是安排" not in paragraph.text
            and "是下达" not in paragraph.text
            and "是分配" not in paragraph.text
        ):
            continue
        text = fold(paragraph.text)
        items = []
        for match in _ORDINAL_USE.finditer(text):
            name = match["name"].strip()
            start = paragraph.start + match.start("name")
            items.append((name, to_wan(match["number"], "万元"), Span(name, start, start + len(name))))
        if len(items) >= _MIN_USES and all(_project_like(name) for name, _, _ in items):
            found.extend(items)
    return found


def named_runs(paragraphs: list[Paragraph]) -> list[Item]:
    """The names of a run called projects (甲经费、乙补助、丙工资等项目资金…), when every one is
    project-like; a run some other word closes (…等项目已开工) names works, not funds."""
    found: list[Item] = []
    for paragraph in paragraphs:
        if "等" not in paragraph.text:
            continue
        text = fold(paragraph.text)
        for match in _NAMED_RUN.finditer(text):
            run = match["run"]
            lead = _RUN_LEAD.match(run)
            offset = match.start("run") + (lead.end() if lead else 0)
            names = run[lead.end() if lead else 0 :].split("、")
            if not all(_project_like(name) for name in names):
                continue
            for name in names:
                start = paragraph.start + offset
                found.append((name, None, Span(name, start, start + len(name))))
                offset += len(name) + 1
    return found


# 1.某平台服务经费 / 2.2022年某委托业务经费: a numbered line that is a fund's name alone.
_FUND_LINE = re.compile(
    r"^\s*\d{1,2}\s*[.、．]\s*(?P<name>(?:(?:19|20)\d{2}年度?)?[\u4e00-\u9fff“”（）()]{4,40}?(?:经费|资金))\s*$"
)
_GENERIC_FUND = re.compile(
    r"^(?:(?:19|20)\d{2}年度?)?(?:项目|专项|财政|预算|中央|省级|市级|县级|上级|配套|自筹|补助|部门|单位)*"
    r"(?:资金|经费)$"
)
_OUTLINE_WORDS = re.compile(r"情况|目标|指标|分析|问题|建议|结论|措施|评价|绩效|管理|使用|来源|投入|到位")
_MIN_FUND_LINES = 2


def fund_lines(paragraphs: list[Paragraph]) -> list[Item]:
    """Numbered lines that each name one of the funds a report on several evaluates (1.某服务经费,
    2.2022年某业务经费), at least two, each with the amount stated right after its name again in
    the text before the next (批复某服务经费20万元)."""
    lines = [(i, m) for i, p in enumerate(paragraphs) if (m := _FUND_LINE.match(fold(p.text)))]
    lines = [
        (i, m)
        for i, m in lines
        if not _GENERIC_FUND.match(m["name"])
        and not _OUTLINE_WORDS.search(m["name"])
        and not NOT_PROJECT.match(m["name"])
    ]
    if len(lines) < _MIN_FUND_LINES:
        return []
    found: list[Item] = []
    for number, (index, match) in enumerate(lines):
        name = match["name"]
        until = lines[number + 1][0] if number + 1 < len(lines) else len(paragraphs)
        stated = re.compile(re.escape(name) + rf"(?:为|共计?|合计)?\s*(?P<number>{NUMBER})\s*万元")
        amounts = [m for p in paragraphs[index + 1 : until] if (m := stated.search(fold(p.text)))]
        paragraph = paragraphs[index]
        start = paragraph.start + match.start("name")
        found.append((
            name,
            to_wan(amounts[0]["number"], "万元") if len(amounts) == 1 else None,
            Span(name, start, start + len(name)),
        ))  # fmt: skip
    return found


# “甲经费”“乙补助”等2个项目: every name quoted, the count saying the run is complete.
_QUOTED_RUN = re.compile(
    r"(?P<run>(?:“[^“”。；;]{2,30}”[、，,和及与]?\s*){2,})等\s*(?P<count>\d{1,2})\s*个项目"
)
_QUOTED = re.compile(r"“(?P<name>[^“”]+)”")
_OPENS_WITH = r"^\s*(?:[（(]\d{1,2}[）)]|\d{1,2}\s*[.、．])?\s*"
_BUDGET = rf".{{0,40}}?预算(?:数|金额|资金)?(?:为|是)?\s*(?P<number>{NUMBER})\s*万元"


def quoted_runs(paragraphs: list[Paragraph]) -> list[Item]:
    """The projects a sentence quotes and counts, when the count is the names', each with the
    budget stated in a later paragraph that opens with its name and 项目."""
    found: list[Item] = []
    for index, paragraph in enumerate(paragraphs):
        if "个项目" not in paragraph.text:
            continue
        text = fold(paragraph.text)
        for match in _QUOTED_RUN.finditer(text):
            names = list(_QUOTED.finditer(match["run"]))
            if len(names) != int(match["count"]) or any(
                NOT_PROJECT.match(n["name"]) or _PLACE.match(n["name"]) for n in names
            ):
                continue
            for quoted in names:
                name = quoted["name"]
                start = paragraph.start + match.start("run") + quoted.start("name")
                found.append(
                    (name, _later_budget(name, paragraphs[index + 1 :]), Span(name, start, start + len(name)))
                )
    return found


def _later_budget(name: str, paragraphs: list[Paragraph]) -> str | None:
    opening = re.compile(_OPENS_WITH + re.escape(name) + "项目" + _BUDGET)
    for paragraph in paragraphs:
        found = opening.match(fold(paragraph.text))
        if found:
            return to_wan(found["number"], "万元")
    return None
