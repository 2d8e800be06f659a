"""部门整体支出绩效自评报告: the unit, its spending with 其中 breakdowns, projects, funds, results."""

from __future__ import annotations

from sample_drop import sections
from sample_drop.cost_control import cost_control_table
from sample_drop.tables import LAYOUTS, self_evaluation_table
from sample_drop.writer import Writer

_PARTS = (
    ("personnel", "人员经费"),
    ("public_funds", "公用经费"),
    ("household_subsidy", "对个人和家庭补助支出"),
    ("capital", "资本性支出"),
)


def _basic_spending(w: Writer) -> None:
    facts, stated, year = w.facts, w.facts.amounts, w.facts.year
    w.heading(2, "基本支出情况")
    if "appropriation_expenditure" not in stated:
        w.para(
            f"一般公共预算基本支出{stated['basic'].text}万元，主要用于保障在职人员工资福利和机关日常运转。"
        )
        return
    lines = []
    if "budget_initial" in stated and facts.execution is None:
        # A budget not marked 年初 is the full-year one (the contract's convention): say 年初.
        label = w.rng.choice(("年度年初预算资金", "年初预算资金", "年度年初预算数为"))
        lines.append(f"{year}{label}{stated['budget_initial'].text}万元。")
    if "appropriation_revenue" in stated:
        lines.append(f"{year}年度一般公共预算财政拨款收入{stated['appropriation_revenue'].text}万元。")
    parts = "，".join(f"{label}{stated[key].text}万元" for key, label in _PARTS if key in stated)
    among = w.rng.choice(("其中：", "其中，"))
    breakdown = f"，{among}{parts}" if parts else ""
    lines.append(
        f"{year}年度一般公共预算财政拨款支出{stated['appropriation_expenditure'].text}万元，"
        f"{among}项目支出{stated['project'].text}万元，基本支出{stated['basic'].text}万元{breakdown}。"
    )
    w.para(*(f"{i}{'、' if w.rng.random() < 0.5 else '.'}{line}" for i, line in enumerate(lines, start=1)))


def _project_spending(w: Writer) -> None:
    facts, year = w.facts, w.facts.year
    total = facts.amounts["project"].text
    w.heading(2, "项目支出情况")
    items = [(p.name, p.spent.text if p.spent else "") for p in facts.projects]
    if facts.projects_are_categories:
        listed = "，".join(f"{name}{spent}万元" for name, spent in items)
        w.para(f"项目支出{total}万元，其中，{listed}。")
    elif w.rng.random() < 0.5:
        listed = "，".join(f"{name}{spent}万元" for name, spent in items)
        w.para(f"{year}年度一般公共预算项目支出{total}万元。其中：{listed}。")
    else:
        w.para(f"{year}年度财政拨款项目支出{total}万元。其中：")
        listed = "".join(
            # Hand-typed lists mix full-width and ASCII semicolons.
            f"{i}、{name}项目支出{spent}万元{w.rng.choice('；;')}"
            for i, (name, spent) in enumerate(items, start=1)
        )
        w.para(listed)


def compose_overall(w: Writer) -> None:
    facts = w.facts
    w.heading(1, "部门（单位）基本情况")
    sections.unit_profile(w)
    w.heading(1, "一般公共预算支出情况")
    _basic_spending(w)
    _project_spending(w)
    sections.fund_sections(w)
    w.heading(1, "部门整体支出绩效情况")
    w.para(f"{facts.year}年，{w.self_name}在区委、区政府的坚强领导下，围绕年度目标扎实推进各项工作。")
    sections.achievements(w)
    sections.self_score_sentence(w)
    sections.problems_and_measures(w, together=w.rng.random() < 0.3)
    sections.disclosure(w)
    if facts.cost_control:
        w.para("附件1", f"部门整体支出基础数据表（{facts.year}年度）")
        w.table(cost_control_table(facts))
    if facts.indicators:
        w.para(
            f"附件：1. 部门整体支出基础数据表（{facts.year}年度）",
            f"2. {facts.year}年度部门整体支出绩效自评表",
        )
        unit_label = w.self_name if facts.names_unit else None
        w.table(self_evaluation_table(facts, unit_label, w.rng.choice(LAYOUTS)))
        sections.form_footer(w)
