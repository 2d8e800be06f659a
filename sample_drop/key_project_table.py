"""The key-project table (重点项目) as finance bureaus publish it, in one of three layouts.

``single``: 项目名称 | 项目类型 | 资金用途、使用方向 | 预算金额 | 支出金额. ``two_rows``: 预算金额 and
支出金额 each span two columns over 指标总额 | 其中：区级资金 and 支出总额 | 其中：区级资金, the
leading headers merged down both header rows. ``project_words``: the money columns headed
项目预算 / 项目支出 with their unit. Every layout ends with a 合计 row (spanning the text columns)
that states the report's 项目预算 and 项目支出.
"""

from __future__ import annotations

import random

from sample_drop.document import Span, Table
from sample_drop.facts import Amount, ReportFacts
from sample_drop.figures import amount

LAYOUTS = ("single", "two_rows", "project_words")
_TEXT_HEADER = ["项目名称", "项目类型", "资金用途、使用方向"]


def _district_part(rng: random.Random, whole: Amount) -> Amount:
    """The 区级资金 share of an amount: often all of it, else most of it."""
    if rng.random() < 0.5:
        return whole
    return amount(rng, whole.value * rng.randint(60, 99) // 100)


def _two_rows(rng: random.Random, facts: ReportFacts) -> Table:
    rows = [
        [*_TEXT_HEADER, "预算金额", "", "支出金额", ""],
        ["", "", "", "指标总额", "其中：区级资金", "支出总额", "其中：区级资金"],
    ]
    spans = [Span(row=0, col=c, rows=2) for c in range(3)]
    spans += [Span(row=0, col=3, cols=2), Span(row=0, col=5, cols=2)]
    parts: list[tuple[Amount, Amount]] = []
    for project in facts.projects:
        assert project.budget and project.spent  # fill_key_projects states both
        budget_part, spent_part = _district_part(rng, project.budget), _district_part(rng, project.spent)
        parts.append((budget_part, spent_part))
        rows.append([project.name, project.type or "", project.purpose or "", project.budget.text,
                     budget_part.text, project.spent.text, spent_part.text])  # fmt: skip
    budget_parts = amount(rng, sum(b.value for b, _ in parts))
    spent_parts = amount(rng, sum(s.value for _, s in parts))
    stated = facts.amounts
    rows.append(["合计", "", "", stated["project_budget"].text, budget_parts.text, stated["project"].text,
                 spent_parts.text])  # fmt: skip
    spans.append(Span(row=len(rows) - 1, col=0, cols=3))
    return Table(rows=rows, spans=spans)


def key_project_table(rng: random.Random, facts: ReportFacts, layout: str = "single") -> Table:
    if layout == "two_rows":
        return _two_rows(rng, facts)
    words = layout == "project_words"
    money = ["项目预算（万元）", "项目支出（万元）"] if words else ["预算金额", "支出金额"]
    rows = [[*_TEXT_HEADER, *money]]
    for project in facts.projects:
        assert project.budget and project.spent  # fill_key_projects states both
        rows.append(
            [project.name, project.type or "", project.purpose or "", project.budget.text, project.spent.text]
        )
    rows.append(["合计", "", "", facts.amounts["project_budget"].text, facts.amounts["project"].text])
    return Table(rows=rows, spans=[Span(row=len(rows) - 1, col=0, cols=3)])
