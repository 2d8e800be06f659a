"""重点项目绩效评价 results and 项目支出绩效自评报告 of one project."""

from __future__ import annotations

from sample_drop import key_project_table, sections, tables
from sample_drop.writer import Writer, percent


def compose_key_projects(w: Writer) -> None:
    facts = w.facts
    projects = facts.projects
    w.heading(1, "重点项目概况")
    names = "、".join(f"{p.name}项目" for p in projects)
    budgets = "、".join(f"{p.budget.text}万元" for p in projects if p.budget)
    spent = "、".join(f"{p.spent.text}万元" for p in projects if p.spent)
    if w.rng.random() < 0.6:
        w.para(
            f"{facts.year}年{w.self_name}重点项目{len(projects)}个，分别为{names}；"
            f"年初预算分别为{budgets}；实际支出分别为{spent}。具体情况如下："
        )
    else:  # the table alone names the projects and their figures
        w.para(f"{facts.year}年{w.self_name}重点项目{len(projects)}个，具体情况如下：")
    w.para("金额单位：万元")
    layout = w.rng.choice(key_project_table.LAYOUTS)
    w.table(key_project_table.key_project_table(w.rng, facts, layout))
    w.heading(1, "重点项目绩效实现情况")
    sections.achievements(w)
    w.heading(1, "存在问题和改进措施")
    w.heading(2, "存在问题：")
    w.numbered(facts.problems)
    w.heading(2, "改进措施：")
    w.numbered(facts.measures)


def compose_one_project(w: Writer) -> None:
    facts, stated = w.facts, w.facts.amounts
    execution = facts.execution
    assert execution is not None  # fill_scores ran for this kind
    w.heading(1, "项目基本情况")
    w.para(f"项目名称：{facts.project_name}。项目实施单位：{w.self_name}。")
    w.heading(1, "项目资金使用及管理情况")
    w.para(
        f"{facts.year}年度该项目年初预算数{stated['budget_initial'].text}万元，"
        f"全年预算数{stated['budget_full_year'].text}万元，全年执行数{stated['executed'].text}万元，"
        f"预算执行率{percent(execution.rate_pct)}。"
    )
    w.heading(1, "项目绩效目标完成情况")
    sections.achievements(w)
    sections.problems_and_measures(w)
    w.para("附件：项目支出绩效自评表")
    w.table(tables.self_evaluation_table(facts, facts.project_name, w.rng.choice(tables.LAYOUTS)))
    sections.form_footer(w)
