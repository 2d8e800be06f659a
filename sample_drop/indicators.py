"""Invented self-evaluation tables: indicator rows, the budget-execution row and the total score."""

from __future__ import annotations

import random
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from sample_drop.facts import Amount, Execution, Indicator, ReportFacts
from sample_drop.figures import amount
from sample_drop.money import between

# level1 -> level2 -> [(三级指标, 年度指标值, 实际完成值 when met, 实际完成值 when not)]
_CATALOGUE: dict[str, dict[str, list[tuple[str, str, str, str]]]] = {
    "产出指标": {
        "数量指标": [
            ("开展网格巡查次数", "≥{n}次", "{n2}次", "{n3}次"),
            ("走访困难群众户数", "≥{n}户", "{n2}户", "{n3}户"),
            ("惠民政策兑现情况", "按时兑现", "按时兑现", "部分兑现"),
        ],
        "质量指标": [
            ("资金使用合规率", "=100%", "=100%", "98%"),
            ("项目验收合格率", "≥95%", "100%", "90%"),
        ],
        "时效指标": [
            ("资金拨付及时率", "≥95%", "100%", "92%"),
            ("是否按计划节点推进各项活动", "及时", "及时", "基本及时"),
        ],
    },
    "效益指标": {
        "经济效益指标": [("辖区营商环境改善情况", "优化", "优化", "有所改善")],
        "社会效益指标": [
            ("矛盾纠纷化解成功率", "≥90%", "96%", "85%"),
            ("群众办事便利度", "明显提升", "明显提升", "有所提升"),
        ],
        "生态效益指标": [("辖区环境卫生状况", "持续改善", "持续改善", "有所改善")],
        "可持续影响指标": [("长效管理机制建立情况", "建立", "已建立", "正在完善")],
    },
    "满意度指标": {
        "服务对象满意度指标": [("辖区群众及服务对象满意率", "≥90%", "95%", "88%")],
    },
    "成本指标": {
        "经济成本指标": [("人均服务成本", "≤预算标准", "低于预算标准", "超出预算标准")],
    },
}
_NOTES = ("持续收集群众意见", "下一步加快资金拨付进度", "加强过程监管，提高完成质量", "进一步细化工作计划")
EXECUTION_WEIGHT = Decimal(10)


def _weights(rng: random.Random, rows: int, total: int = 90) -> list[Decimal]:
    """``rows`` weights in multiples of 5 (each at least 5) that add up to ``total``."""
    units = [1] * rows
    for _ in range(total // 5 - rows):
        units[rng.randrange(rows)] += 1
    return [Decimal(5 * u) for u in units]


def _pick_rows(rng: random.Random) -> list[tuple[str, str, tuple[str, str, str, str]]]:
    rows = []
    for level1, groups in _CATALOGUE.items():
        for level2, choices in groups.items():
            if level1 in ("满意度指标", "成本指标") or rng.random() < 0.6:
                rows.append((level1, level2, rng.choice(choices)))
    return rows


def invent_indicators(rng: random.Random) -> list[Indicator]:
    picked = _pick_rows(rng)
    indicators = []
    for (level1, level2, (name, target, met, missed)), weight in zip(
        picked, _weights(rng, len(picked)), strict=True
    ):
        n = rng.randint(4, 60)
        shortfall = Decimal(rng.choice((1, 2, 3, "0.5", "1.5"))) if rng.random() < 0.25 else Decimal(0)
        values = {"n": n, "n2": n + rng.randint(0, 9), "n3": max(1, n - rng.randint(1, 3))}
        indicators.append(
            Indicator(
                level1=level1,
                level2=level2,
                name=name,
                target=target.format(**values),
                actual=(missed if shortfall else met).format(**values),
                weight=weight,
                score=weight - shortfall,
                note=rng.choice(_NOTES) if shortfall else None,
            )
        )
    return indicators


def execution_rate(executed: Amount, full_year: Amount) -> Decimal:
    """执行率 in percent, to two decimals, as reports round it."""
    return (Decimal(executed.value) * 100 / Decimal(full_year.value)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def fill_scores(rng: random.Random, facts: ReportFacts) -> None:
    """Indicators, the execution row from the stated budget, and the self-score they add up to."""
    stated = facts.amounts
    total = stated.get("appropriation_expenditure") or stated.get("budget_full_year")
    if total is None:
        total = amount(rng, between(rng, 300, 3000))
    initial = stated.setdefault("budget_initial", amount(rng, total.value * rng.randint(30, 100) // 100))
    full_year = stated.setdefault("budget_full_year", total)
    executed = stated.setdefault("executed", full_year)
    rate = execution_rate(executed, full_year)
    score = min(EXECUTION_WEIGHT, (EXECUTION_WEIGHT * rate / 100 * 2).to_integral_value(ROUND_FLOOR) / 2)
    facts.execution = Execution(initial, full_year, executed, rate, EXECUTION_WEIGHT, score)
    facts.indicators = invent_indicators(rng)
    facts.self_score = sum((i.score for i in facts.indicators), start=score)
