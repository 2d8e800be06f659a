"""The tables reports carry: the self-evaluation table (自评表) and the key-project table."""

from __future__ import annotations

from decimal import Decimal

from ingestion.generate.document import Span, Table
from ingestion.generate.facts import Indicator, ReportFacts
from ingestion.generate.writer import percent, points

_WIDTH = 8
_INDICATOR_HEADER = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]


def _indicator_rows(indicators: list[Indicator], first_row: int) -> tuple[list[list[str]], list[Span]]:
    """Rows with level-one and level-two cells merged down their runs, level one with its points."""
    rows: list[list[str]] = []
    spans: list[Span] = []
    for col, key in ((0, "level1"), (1, "level2")):
        start = 0
        while start < len(indicators):
            end = start
            while end + 1 < len(indicators) and getattr(indicators[end + 1], key) == getattr(
                indicators[start], key
            ):
                end += 1
            if end > start:
                spans.append(Span(row=first_row + start, col=col, rows=end - start + 1))
            start = end + 1
    for i, ind in enumerate(indicators):
        first_of_level1 = i == 0 or indicators[i - 1].level1 != ind.level1
        first_of_level2 = first_of_level1 or indicators[i - 1].level2 != ind.level2
        group_points = sum((x.weight for x in indicators if x.level1 == ind.level1), start=Decimal(0))
        rows.append(
            [
                f"{ind.level1}（{points(group_points)}分）" if first_of_level1 else "",
                ind.level2 if first_of_level2 else "",
                ind.name,
                ind.target,
                ind.actual,
                points(ind.weight),
                points(ind.score),
                ind.note or "",
            ]
        )
    return rows, spans


def self_evaluation_table(facts: ReportFacts, unit_label: str | None) -> Table:
    """Execution row, indicator rows, 总分 row: the 部门整体/项目支出绩效自评表."""
    execution = facts.execution
    assert execution is not None and facts.self_score is not None  # fill_scores ran
    rows: list[list[str]] = []
    spans: list[Span] = []
    if unit_label:
        name_label = "项目名称" if facts.kind == "project_expenditure" else "预算部门（单位）名称"
        rows.append([name_label, unit_label] + [""] * (_WIDTH - 2))
        spans.append(Span(row=0, col=1, cols=_WIDTH - 1))
    top = len(rows)
    rows.append(
        ["年度预算执行情况（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    )
    rows.append(
        [
            "",
            "年度资金总额",
            execution.initial.text,
            execution.full_year.text,
            execution.executed.text,
            points(execution.weight),
            percent(execution.rate_pct),
            points(execution.score),
        ]
    )
    spans.append(Span(row=top, col=0, rows=2))
    rows.append(list(_INDICATOR_HEADER))
    indicator_rows, indicator_spans = _indicator_rows(facts.indicators, first_row=len(rows))
    rows += indicator_rows
    spans += indicator_spans
    rows.append(["总分", "", "", "", "", "100", points(facts.self_score), ""])
    spans.append(Span(row=len(rows) - 1, col=0, cols=5))
    return Table(rows=rows, spans=spans, header_rows=0)


def key_project_table(facts: ReportFacts) -> Table:
    rows = [["项目名称", "项目类型", "资金用途、使用方向", "预算金额", "支出金额"]]
    for project in facts.projects:
        assert project.budget and project.spent  # fill_key_projects states both
        rows.append(
            [project.name, project.type or "", project.purpose or "", project.budget.text, project.spent.text]
        )
    rows.append(["合计", "", "", facts.amounts["project_budget"].text, facts.amounts["project"].text])
    return Table(rows=rows, spans=[Span(row=len(rows) - 1, col=0, cols=3)])
