"""The basic-data table (基础数据表): staff control and cost-control rows."""

from __future__ import annotations

import random

from sample_drop.document import Table
from sample_drop.facts import Amount, CostRow, ReportFacts
from sample_drop.figures import amount
from sample_drop.money import Hundredths, between

_NONE = "——"


def _small(rng: random.Random, high_wan: int) -> Hundredths:
    """三公经费 items: often nothing at all in a street office."""
    return 0 if rng.random() < 0.5 else between(rng, 0, high_wan)


def _triple(rng: random.Random, values: tuple[Hundredths, ...]) -> list[Amount]:
    return [Amount(0, "0") if v == 0 else amount(rng, v) for v in values]


def fill_cost_control(rng: random.Random, facts: ReportFacts) -> None:
    """Rows whose parents add up (三公经费 = 公务用车 + 出国 + 公务接待)."""
    purchase, running, abroad, reception = (
        tuple(_small(rng, high) for _ in range(3)) for high in (20, 10, 5, 6)
    )
    vehicles = tuple(p + r for p, r in zip(purchase, running, strict=True))
    three = tuple(v + a + c for v, a, c in zip(vehicles, abroad, reception, strict=True))
    rows = [
        ("三公经费", "三公经费", three),
        ("公务用车购置及运行维护费", "   1、公务用车购置及运行维护费", vehicles),
        ("公车购置", "       其中：公车购置", purchase),
        ("公车运行维护", "             公车运行维护", running),
        ("出国经费", "   2、出国经费", abroad),
        ("公务接待", "   3、公务接待", reception),
    ]
    facts.cost_control = [CostRow(item, label, *_triple(rng, values)) for item, label, values in rows]
    stated = facts.amounts
    for item, key in (("项目支出", "project"), ("公用经费", "public_funds")):
        final = stated.get(key) or amount(rng, between(rng, 20, 600))
        facts.cost_control.append(
            CostRow(
                item,
                f"{item}：" if item == "项目支出" else item,
                amount(rng, between(rng, 20, 900)),
                None,
                final,
            )
        )
    facts.cost_control.append(
        CostRow(
            "政府采购金额",
            "政府采购金额",
            None,
            amount(rng, between(rng, 1, 50)),
            amount(rng, between(rng, 1, 150)),
        )
    )


def _cell(value: Amount | None, dash: bool = False) -> str:
    if value is None:
        return _NONE if dash else ""
    return value.text


def cost_control_table(facts: ReportFacts) -> Table:
    year, staffing = facts.year, facts.staffing
    rows: list[list[str]] = []
    if "authorized" in staffing and "actual" in staffing:
        rate = round(staffing["actual"] * 100 / staffing["authorized"])
        rows.append(["财政供养人员情况（人）", "编制数", f"{year}年实际在职人数", "控制率"])
        rows.append(["", str(staffing["authorized"]), str(staffing["actual"]), f"{rate}%"])
    rows.append(["经费控制情况（万元）", f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数"])
    for row in facts.cost_control:
        dash = row.item == "政府采购金额"
        rows.append([row.label, _cell(row.prior_final, dash), _cell(row.budget), _cell(row.final)])
    return Table(rows=rows)
