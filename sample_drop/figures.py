"""Invented money figures that add up: a unit's budget, its spending breakdown and its projects."""

from __future__ import annotations

import random

from sample_drop.facts import Amount, Project, ReportFacts
from sample_drop.money import Hundredths, between, spell, split
from sample_drop.units import invent_place

CATEGORIES = ("城市运行", "平安建设", "民生服务", "产业发展", "基层治理", "其他事务")
_TOPICS = (
    "撂荒地复耕工作经费",
    "网格化管理工作经费",
    "社区阵地提升专项资金",
    "公益性岗位开发及就业帮扶资金",
    "沟渠清淤专项治理经费",
    "退役军人安置就业帮扶补贴",
    "财政所规范化建设经费",
    "科普日活动经费",
    "社区工作经费",
    "城管环卫经费",
    "防汛抗旱专项经费",
    "人居环境整治经费",
    "老旧小区改造配套经费",
    "综治维稳工作经费",
    "居家养老服务补助",
    "消防安全隐患整治经费",
)
_PURPOSES = (
    "主要用于基层党组织建设、平安创建、法律服务等支出。",
    "主要用于困难群众救助、养老服务、优抚安置、就业帮扶等支出。",
    "主要用于市容环境整治、环卫保洁、园林绿化及设施维护等支出。",
    "主要用于安全生产检查、消防设施更新、应急演练等支出。",
    "主要用于招商引资、企业服务、经济普查等支出。",
)


def amount(rng: random.Random, value: Hundredths) -> Amount:
    return Amount(value=value, text=spell(value, rng))


def invent_project_name(rng: random.Random) -> str:
    topic = rng.choice(_TOPICS)
    return f"{invent_place(rng)}{topic}" if rng.random() < 0.5 else topic


def _projects(rng: random.Random, total: Hundredths, as_categories: bool) -> list[Project]:
    if as_categories:
        names = [c for c in CATEGORIES if rng.random() < 0.75] or list(CATEGORIES[:2])
    else:
        names = []
        while len(names) < rng.randint(2, 8):
            name = invent_project_name(rng)
            if name not in names:
                names.append(name)
    return [
        Project(name=n, spent=amount(rng, v))
        for n, v in zip(names, split(rng, total, len(names)), strict=True)
    ]


def fill_overall(rng: random.Random, facts: ReportFacts) -> None:
    """Spending of a whole unit: 财政拨款支出 = 基本支出 + 项目支出, with parts and projects."""
    parts = {"personnel": between(rng, 200, 1500), "public_funds": between(rng, 40, 600)}
    if rng.random() < 0.4:
        parts["household_subsidy"] = between(rng, 5, 120)
        if rng.random() < 0.6:
            parts["capital"] = between(rng, 1, 30)
    basic = sum(parts.values())
    project = between(rng, 60, 3000)
    total = basic + project
    facts.projects_are_categories = rng.random() < 0.3
    facts.projects = _projects(rng, project, facts.projects_are_categories)
    stated = facts.amounts
    stated["basic"], stated["project"] = amount(rng, basic), amount(rng, project)
    if rng.random() < 0.75:
        stated["appropriation_expenditure"] = amount(rng, total)
        if rng.random() < 0.8:
            stated["appropriation_revenue"] = amount(
                rng, total if rng.random() < 0.7 else total - between(rng, 1, 50)
            )
        if rng.random() < 0.7:
            stated["budget_initial"] = amount(rng, total * rng.randint(30, 95) // 100)
        if rng.random() < 0.8:
            stated.update({key: amount(rng, value) for key, value in parts.items()})
    for key in ("gov_fund", "state_capital", "social_insurance"):
        draw = rng.random()
        if key == "gov_fund" and draw < 0.2:
            stated[key] = amount(rng, between(rng, 1, 80))
        elif draw < 0.75:
            stated[key] = Amount(0, "0")  # the section is headed and answered 无


def fill_key_projects(rng: random.Random, facts: ReportFacts) -> None:
    """Two to four key projects with budget and spending, and their 合计 row."""
    names = rng.sample(CATEGORIES[:5], rng.randint(2, 4))
    for name in names:
        budget = between(rng, 80, 1600)
        spent = max(100, budget + rng.randint(-budget // 4, budget // 4))
        facts.projects.append(
            Project(
                name=name,
                spent=amount(rng, spent),
                budget=amount(rng, budget),
                type=rng.choice(("经常性项目", "经常性项目", "一次性项目")),
                purpose=rng.choice(_PURPOSES),
            )
        )
    facts.amounts["project"] = amount(rng, sum(p.spent.value for p in facts.projects if p.spent))
    facts.amounts["project_budget"] = amount(rng, sum(p.budget.value for p in facts.projects if p.budget))


def fill_one_project(rng: random.Random, facts: ReportFacts) -> None:
    """The budget of the one project a project_expenditure report is about."""
    facts.project_name = invent_project_name(rng)
    initial = between(rng, 5, 400)
    full_year = initial + (between(rng, 0, 100) if rng.random() < 0.5 else 0)
    executed = full_year - (between(rng, 0, 20) if rng.random() < 0.4 else 0)
    facts.amounts["budget_initial"] = amount(rng, initial)
    facts.amounts["budget_full_year"] = amount(rng, full_year)
    facts.amounts["executed"] = amount(rng, max(executed, 1))
