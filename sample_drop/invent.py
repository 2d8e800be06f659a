"""Invent the facts of one report of a given kind, unit and year."""

from __future__ import annotations

import random
from decimal import Decimal

from sample_drop import figures, indicators, narrative
from sample_drop.breakage import break_one_rule
from sample_drop.cost_control import fill_cost_control
from sample_drop.facts import ReportFacts
from sample_drop.personal import plant_personal_data
from sample_drop.units import Unit


def _title(rng: random.Random, facts: ReportFacts) -> str | None:
    year, unit = facts.year, facts.unit
    if facts.kind == "key_projects":
        return f"{year}年度重点项目绩效评价情况"
    if facts.kind == "project_expenditure":
        return f"{year}年度{facts.project_name}项目支出绩效自评报告"
    options: list[str | None] = ["部门整体支出绩效自评报告", None]
    if facts.names_unit:
        options.append(f"{year}年度{unit.name}部门整体支出绩效自评报告")
        if facts.names_region:
            options += [f"{year}年度{unit.full_name}整体支出绩效自评报告"] * 2
    return rng.choice(options)


def _staffing(rng: random.Random) -> dict[str, int]:
    administrative, institutional = rng.randint(8, 30), rng.randint(5, 35)
    staffing = {"actual": administrative + institutional + rng.randint(0, 3)}
    staffing.update(administrative=administrative, institutional=institutional)
    if rng.random() < 0.4:
        staffing["authorized"] = staffing["actual"] + rng.randint(0, 6)
    for key, low, high in (("retired", 3, 40), ("contract", 5, 30), ("public_welfare", 5, 40)):
        if rng.random() < 0.45:
            staffing[key] = rng.randint(low, high)
    return staffing


def invent_facts(
    rng: random.Random, kind: str, unit: Unit, year: int, broken_sum: bool = False
) -> ReportFacts:
    """All a report states; with ``broken_sum`` one arithmetic rule is broken on purpose."""
    facts = ReportFacts(
        kind=kind,
        year=year,
        unit=unit,
        names_unit=kind == "project_expenditure" or rng.random() < 0.85,
        names_region=rng.random() < 0.6,
        title=None,
    )
    if kind == "overall_expenditure":
        figures.fill_overall(rng, facts)
        if rng.random() < 0.7:
            facts.staffing = _staffing(rng)
        if rng.random() < 0.5:
            indicators.fill_scores(rng, facts)
        elif rng.random() < 0.5:
            facts.self_score = Decimal(rng.randint(80, 98))
        if rng.random() < 0.3:
            fill_cost_control(rng, facts)
    elif kind == "key_projects":
        figures.fill_key_projects(rng, facts)
    else:
        figures.fill_one_project(rng, facts)
        indicators.fill_scores(rng, facts)
    facts.title = _title(rng, facts)
    facts.problems = narrative.pick(rng, narrative.PROBLEMS, 1, 4)
    facts.measures = narrative.pick(rng, narrative.MEASURES, 1, 4)
    facts.metrics = narrative.invent_metrics(rng, rng.randint(2, 6))
    if broken_sum:
        break_one_rule(rng, facts)
    plant_personal_data(facts)
    return facts
