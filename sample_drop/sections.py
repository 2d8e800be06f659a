"""Sections several report kinds share: the unit, its staff, funds answered 无, results, problems."""

from __future__ import annotations

from sample_drop import narrative
from sample_drop.personal import contact_line
from sample_drop.writer import Writer, points

_FUND_SECTIONS = (
    ("gov_fund", "政府性基金预算支出情况"),
    ("state_capital", "国有资本经营预算支出情况"),
    ("social_insurance", "社会保险基金预算支出情况"),
)
_STAFF_PHRASES = (
    ("authorized", "编制数{}人"),
    ("actual", "{year}年本单位年末实有人数{}人"),
    ("administrative", "其中：行政编制{}人"),
    ("institutional", "事业编制{}人"),
    ("contract", "编外长期聘用人员{}人"),
    ("public_welfare", "公益性岗位人员{}人"),
    ("retired", "退休人员{}人"),
)


def unit_profile(w: Writer) -> None:
    """职能, 机构设置 and the staffing sentence."""
    w.heading(2, "主要职能")
    duties = narrative.pick(w.rng, narrative.DUTIES, 4, 9)
    w.para("".join(f"{i}.{duty}。" for i, duty in enumerate(duties, start=1)))
    w.heading(2, "机构设置")
    w.para("内设综合办公室、组织人事办公室、财政所、城建办公室、社会事务办公室、应急管理办公室。")
    if w.facts.staffing:
        w.heading(2, "人员情况")
        w.para(staffing_sentence(w))


def staffing_sentence(w: Writer) -> str:
    staffing = w.facts.staffing
    phrases = [
        phrase.format(staffing[key], year=w.facts.year) for key, phrase in _STAFF_PHRASES if key in staffing
    ]
    return "，".join(phrases) + "。"


def fund_sections(w: Writer) -> None:
    """政府性基金 / 国有资本经营 / 社会保险基金: headed and answered 无, or an amount, or absent."""
    for key, title in _FUND_SECTIONS:
        stated = w.facts.amounts.get(key)
        if stated is None:
            continue
        w.heading(1, title)
        if stated.value == 0:
            w.para("无。")
        else:
            w.para(f"{w.facts.year}年度政府性基金预算支出{stated.text}万元，全部为基本支出。")


def achievements(w: Writer) -> None:
    for paragraph in narrative.achievement_paragraphs(w.rng, w.facts.metrics):
        w.para(paragraph)
    if w.facts.personal:
        w.para(w.facts.personal.petition_sentence)


def self_score_sentence(w: Writer) -> None:
    score = w.facts.self_score
    if score is not None and not w.facts.indicators:
        w.para(
            f"{w.facts.year}年度{w.self_name}全体干部职工齐心协力、担当作为。本次绩效自评评分{points(score)}分。"
        )


def problems_and_measures(w: Writer, together: bool = False) -> None:
    if together:
        w.heading(1, "存在的主要问题及改进措施")
        w.numbered(w.facts.problems)
        w.para(*(f"{m}。" for m in w.facts.measures))
        return
    w.heading(1, "存在的问题及原因分析")
    w.numbered(w.facts.problems)
    w.heading(1, "下一步改进措施")
    w.numbered(w.facts.measures)


def disclosure(w: Writer) -> None:
    """绩效自评结果拟应用和公开情况; names the district when the report names its region."""
    w.heading(1, "绩效自评结果拟应用和公开情况")
    where = "区政府门户网站"
    if w.facts.names_region and not w.region_named:
        where = f"{w.facts.unit.region.district}政府门户网站"
        w.region_named = True
    w.para(
        f"自评结果将作为本单位以后年度安排预算和管理资金的重要参考，并随{w.facts.year}年部门决算一同在{where}政务公开栏目公布。"
    )


def form_footer(w: Writer) -> None:
    """填表人 / 联系电话 / 电子邮箱 under a form: personal data, and numbers that are not money."""
    month = w.rng.randint(1, 6)
    if w.facts.personal:
        w.para(contact_line(w.facts.personal, form=True, year=w.facts.year + 1, month=month))


def contact_footer(w: Writer) -> None:
    """联系人 with phone and e-mail at the end of a report that has no form."""
    if w.facts.personal:
        w.para(contact_line(w.facts.personal, form=False, year=w.facts.year + 1, month=1))
