"""Reports that do not add up on purpose, each breaking exactly one arithmetic rule.

Rule ids are the ones the validation layer reports; the truth lists the broken one under
``_expected_findings`` so a test can check that validation finds it, and only it.
"""

from __future__ import annotations

import random
from decimal import Decimal

from sample_drop.facts import Amount, Indicator, ReportFacts
from sample_drop.figures import amount

RULES = (
    "basic_parts_sum",
    "appropriation_sum",
    "projects_sum",
    "score_total",
    "score_within_weight",
    "weights_total",
    "execution_rate",
)


def applicable_rules(facts: ReportFacts) -> list[str]:
    """The rules this report states enough figures to be checked against."""
    stated = facts.amounts
    rules = []
    if {"basic", "personnel", "public_funds"} <= stated.keys():
        rules.append("basic_parts_sum")
    if {"basic", "project", "appropriation_expenditure"} <= stated.keys():
        rules.append("appropriation_sum")
    if "project" in stated and facts.projects and all(p.spent for p in facts.projects):
        rules.append("projects_sum")
    if facts.indicators and facts.execution and facts.self_score is not None:
        rules += ["score_total", "weights_total", "execution_rate"]
        if _within_weight_pair(facts):
            rules.append("score_within_weight")
    return rules


def _nudged(rng: random.Random, original: Amount) -> Amount:
    return amount(rng, original.value + rng.choice((-1, 1)) * rng.randint(100, 5000))


def _within_weight_pair(facts: ReportFacts) -> tuple[Indicator, Indicator] | None:
    full = next((i for i in facts.indicators if i.score == i.weight), None)
    donor = next((i for i in facts.indicators if i is not full and i.score >= 2), None)
    return (full, donor) if full and donor else None


def _break_within_weight(facts: ReportFacts) -> None:
    # Move two points from one indicator to a full-marks one: the total stays right.
    pair = _within_weight_pair(facts)
    assert pair is not None  # applicable_rules checked it
    full, donor = pair
    full.score += 2
    donor.score -= 2
    donor.note = donor.note or "部分工作未按期完成"


def break_one_rule(rng: random.Random, facts: ReportFacts) -> str | None:
    """Break one applicable rule in place and return its id (None when none applies)."""
    rules = applicable_rules(facts)
    if not rules:
        return None
    rule = rng.choice(rules)
    stated = facts.amounts
    if rule == "basic_parts_sum":
        stated["personnel"] = _nudged(rng, stated["personnel"])
    elif rule == "appropriation_sum":
        stated["appropriation_expenditure"] = _nudged(rng, stated["appropriation_expenditure"])
    elif rule == "projects_sum":
        victim = rng.randrange(len(facts.projects))
        spent = facts.projects[victim].spent
        assert spent is not None  # applicable_rules checked it
        facts.projects[victim].spent = amount(rng, spent.value + rng.randint(100, 3000))
    elif rule == "score_total":
        assert facts.self_score is not None
        step = Decimal(rng.choice((2, 3, 4)))
        facts.self_score += -step if facts.self_score + step > 100 else step
    elif rule == "score_within_weight":
        _break_within_weight(facts)
    elif rule == "weights_total":
        rng.choice(facts.indicators).weight += 5
    elif rule == "execution_rate":
        assert facts.execution is not None
        facts.execution.rate_pct -= Decimal(rng.choice(("5", "7.5", "12.3")))
    facts.expected_findings.append(rule)
    return rule
