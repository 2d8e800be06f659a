"""The unit's budget figures stated in prose (``amounts_wan``).

A figure is taken only where a known label opens a clause, after at most a year and generic
qualifiers (``2021年度单位一般公共预算财政拨款支出1929.65万元``; ``其中：项目支出746.01万元``), and
the amount follows the label directly. So a project's own spending (``朱田铺村...经费项目支出5.0万元``),
a comparison (``上年...``), a difference (``相差196.14万元``) or a list (``分别为...``) is never
mistaken for the unit's total. A section headed 政府性基金/国有资本经营/社会保险基金预算支出 and
answered 无 states zero. The first statement wins; a later different one becomes a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingestion.parsing.amounts import money_at
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.sections import Section
from ingestion.parsing.text import ENCLOSED_NUMERAL, Passage, Span, clauses

AMOUNT_KEYS = (
    "budget_initial", "budget_full_year", "appropriation_revenue", "appropriation_expenditure",
    "executed", "basic", "personnel", "public_funds", "household_subsidy", "capital", "project",
    "project_budget", "gov_fund", "state_capital", "social_insurance",
)  # fmt: skip

_QUALIFIER = (
    r"(?:其中|含|另|本年度?|当年|(?P<year>(?:19|20)\d{2})年度?|年度|本?单位|本?部门|我单位|我街道|本街道|"
    r"一般公共预算|公共预算|安排的?|拨款|全部|累计|实际|[本该]项目)"
)
# A list number opening the clause: 1、 2. (before a year) （一） ①
_ITEM_NUMBER = (
    r"(?:\d{1,2}(?:[、．]|\.(?!\d)|\.(?=(?:19|20)\d{2}年))|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
    rf"[{ENCLOSED_NUMERAL}])"
)
_PREFIX = re.compile(rf"\s*(?:{_ITEM_NUMBER}\s*)?(?:{_QUALIFIER}\s*)*")
_LABELS: tuple[tuple[str, str], ...] = (
    ("budget_full_year", r"全年预算(?:数|资金|金额|总额)?|调整后(?:的)?预算(?:数|资金|金额)?"),
    ("budget_initial", r"年初(?:批复的?)?预算(?:数|资金|金额|总额)?|预算(?:资金|数)"),
    ("appropriation_revenue", r"财政拨款收入(?:合计|总计)?"),
    ("appropriation_expenditure", r"财政拨款支出(?:合计|总计)?"),
    ("executed", r"全年执行数|全年预算执行数|执行数"),
    ("basic", r"基本支出(?:合计)?"),
    ("personnel", r"人员经费(?:支出)?"),
    ("public_funds", r"(?:日常)?公用经费(?:支出)?"),
    ("household_subsidy", r"对个人和家庭(?:的)?补助(?:支出)?"),
    ("capital", r"资本性支出"),
    ("project", r"(?:安排|拨款)?项目支出(?:合计)?"),
    ("project_budget", r"项目预算(?:数|总额|金额|合计)?"),
    ("gov_fund", r"政府性基金(?:预算)?(?:财政拨款|安排|拨款)?支出"),
    ("state_capital", r"国有资本经营预算(?:财政拨款|安排)?支出"),
    ("social_insurance", r"社会保险基金(?:预算)?(?:财政拨款|安排)?支出"),
    ("expenditure_total", r"(?:本年)?支出(?:总计|合计)|收入?[、和与及]?支出?(?:总计|合计)[均各]?"),
)
_LABEL = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern in _LABELS))
_FILLER = re.compile(r"(?:为|是|共|共计|合计|总计|总额|计|达)?\s*")
_ZERO_SECTIONS = {
    "gov_fund": re.compile(r"政府性基金"),
    "state_capital": re.compile(r"国有资本经营"),
    "social_insurance": re.compile(r"社会保险基金"),
}
_NONE_ANSWER = re.compile(r"^(?:本单位|我单位|本部门)?(?:无|没有|无此项|不涉及)[^，,\d]{0,20}[。.]?$")


def _clause_amount(folded: str, fiscal_year: int | None) -> tuple[str, str] | None:
    prefix = _PREFIX.match(folded)
    if prefix is None:
        return None
    year = prefix.group("year")
    if year and fiscal_year and int(year) != fiscal_year:
        return None
    label = _LABEL.match(folded, prefix.end())
    if label is None or label.lastgroup is None:
        return None
    filler = _FILLER.match(folded, label.end())
    money = money_at(folded, filler.end() if filler else label.end())
    return (label.lastgroup, money.wan) if money else None


def prose_amounts(
    prose: Iterable[Passage], document_text: str, fiscal_year: int | None, evidence: Evidence
) -> tuple[dict[str, str], list[str]]:
    """Labelled amounts in the prose passages (first statement wins; conflicts are warnings)."""
    found: dict[str, str] = {}
    warnings: list[str] = []
    warned: set[str] = set()
    for passage in prose:
        if "元" not in passage.text:
            continue
        for clause in clauses(passage.text, containing="元"):
            hit = _clause_amount(clause.text, fiscal_year)
            if hit is None:
                continue
            key, wan = hit
            if key not in found:
                found[key] = wan
                cite(evidence, f"/amounts_wan/{key}", passage.span(clause.start, clause.end, document_text))
            elif found[key] != wan and key not in warned:
                warned.add(key)
                warnings.append(
                    f"amounts_wan.{key}: {found[key]} stated first, {wan} elsewhere; kept the first"
                )
    return found, warnings


def zero_sections(sections: list[Section], evidence: Evidence) -> dict[str, str]:
    """Keys of sections headed 政府性基金/国有资本经营/社会保险基金...支出 and answered 无: ``"0"``."""
    zeros: dict[str, str] = {}
    for section in sections:
        if "支出" not in section.title and "预算" not in section.title:
            continue
        for key, pattern in _ZERO_SECTIONS.items():
            body = section.body_paragraphs()
            if key in zeros or not pattern.search(section.title) or not body:
                continue
            answer = body[0]
            if _NONE_ANSWER.match(answer.text.strip()):
                zeros[key] = "0"
                cite(evidence, f"/amounts_wan/{key}", Span(answer.text, answer.start, answer.end))
    return zeros
