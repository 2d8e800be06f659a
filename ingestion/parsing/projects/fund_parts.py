"""A page evaluating one part of a larger fund: the part's budget is the part's, not the page's.

A self-evaluation of a fund with several lines of spending may evaluate each in a top section of
its own (一、农村公路养护绩效自评 / 二、普通国道改造绩效自评). A budget read inside such a section whose
statement names a fund carrying the part's words (下达某地城镇安居工程住房保障补助资金4000万元) is
that part's: the page's own budget (the whole fund's) is not stated there, so the page-level
figure stays null and the part, named as its statement names it, carries the figure.
"""

from __future__ import annotations

import re
from typing import Any

from ingestion.parsing.evidence import Evidence
from ingestion.parsing.projects.own_figures import ProjectFigure, take
from ingestion.parsing.sections import Section
from ingestion.parsing.text import fold

# 住房保障绩效自评, 棚户区改造资金绩效自评情况: the part's words, then the evaluation's.
_PART_HEADING = re.compile(r"^(?P<part>[\u4e00-\u9fff]{2,12}?)(?:资金)?(?:绩效)?(?:自评|评价)(?:情况)?$")
# The whole's or the outline's words (部门绩效自评情况, 整体支出评价, 重点项目评价情况), not a part.
_NOT_A_PART = re.compile(r"部门|单位|整体|总体|综合|项目|专项|支出|年度|工作|结论|结果|自我|绩效")
# The fund a budget's statement names, up to the figure (下达某补助资金4000万元).
_FUND_STATED = re.compile(r"(?P<name>[\u4e00-\u9fff（）()]{4,40}?(?:资金|经费))(?:共计|合计|总计|共)?\d")
# Who issued it and to whom (财政部下达我省…) is no part of the fund's name.
_ISSUER = re.compile(r"^.*?(?:下达|安排|分配|拨付)(?:给|到|至)?(?:(?:我|本)(?:省|市|县|区|州|旗|厅|局))?")
_BUDGET_KEYS = ("budget_full_year", "budget_initial")


def _part_extents(sections: list[Section]) -> list[tuple[str, int, int]]:
    """Each top section that evaluates one part of the fund: its words, where it starts and ends."""
    found = []
    for section in sections:
        heading = _PART_HEADING.match(section.title)
        if section.level != 1 or heading is None or _NOT_A_PART.search(heading["part"]):
            continue
        end = section.subtree[-1].end if section.subtree else section.heading.end
        found.append((heading["part"], section.heading.start, end))
    return found


def _part_fund(statement: str, part: str) -> str | None:
    """The fund the statement names, when its name carries the part's words."""
    stated = _FUND_STATED.search(fold(statement))
    if stated is None:
        return None
    name = _ISSUER.sub("", stated["name"])
    return name if part in name and name != part else None


def withdraw_part_budgets(
    sections: list[Section], amounts: dict[str, Any], evidence: Evidence
) -> list[ProjectFigure]:
    """The page-level budgets stated for one part of the fund, taken out of ``amounts`` as the
    part's (``own_figures.attach``)."""
    parts = _part_extents(sections)
    taken: list[ProjectFigure] = []
    for key in _BUDGET_KEYS:
        cited = evidence.get(f"/amounts_wan/{key}", {})
        at, statement = cited.get("start"), cited.get("text")
        if amounts.get(key) is None or not isinstance(at, int) or not isinstance(statement, str):
            continue
        for part, start, end in parts:
            fund = _part_fund(statement, part) if start <= at < end else None
            if fund is not None:
                taken.append(take(amounts, key, fund, evidence))
                break
    return taken
