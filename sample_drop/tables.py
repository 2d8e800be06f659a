"""The self-evaluation table (自评表) as Word forms lay it out, in one of three layouts.

``plain``: the indicator header starts the indicator rows' columns. ``label_column``: the
template's 绩效指标 label is a first column merged down over the indicator header and rows
(Word ``vMerge``, HTML ``rowspan``), so every indicator row starts with a covered cell.
``label_beside``: the label is merged down the indicator rows only, and the header's 一级指标
cell spans the label column and the level column, so the data rows have one more cell than the
header row. Level-one and level-two cells are merged down their runs in every layout.
"""

from __future__ import annotations

from decimal import Decimal

from sample_drop.document import Span, Table
from sample_drop.facts import Indicator, ReportFacts
from sample_drop.writer import percent, points

LAYOUTS = ("plain", "label_column", "label_beside")
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
_LABEL = "绩效指标"


def _indicator_rows(
    indicators: list[Indicator], first_row: int, lead: int
) -> tuple[list[list[str]], list[Span]]:
    """Rows with level-one and level-two cells merged down their runs, level one with its points;
    ``lead`` empty cells before each row, for the label column."""
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
                spans.append(Span(row=first_row + start, col=col + lead, rows=end - start + 1))
            start = end + 1
    for i, ind in enumerate(indicators):
        first_of_level1 = i == 0 or indicators[i - 1].level1 != ind.level1
        first_of_level2 = first_of_level1 or indicators[i - 1].level2 != ind.level2
        group_points = sum((x.weight for x in indicators if x.level1 == ind.level1), start=Decimal(0))
        rows.append(
            [""] * lead
            + [
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


def _indicator_part(facts: ReportFacts, top: int, layout: str) -> tuple[list[list[str]], list[Span]]:
    """The indicator header and rows from row ``top`` on, with the label column of ``layout``."""
    count = len(facts.indicators)
    if layout == "plain":
        rows, spans = _indicator_rows(facts.indicators, top + 1, lead=0)
        return [list(_INDICATOR_HEADER), *rows], spans
    rows, spans = _indicator_rows(facts.indicators, top + 1, lead=1)
    if layout == "label_column":
        rows[0][0] = ""
        return [[_LABEL, *_INDICATOR_HEADER], *rows], [*spans, Span(row=top, col=0, rows=count + 1)]
    rows[0][0] = _LABEL
    header = [_INDICATOR_HEADER[0], "", *_INDICATOR_HEADER[1:]]
    return [header, *rows], [*spans, Span(row=top, col=0, cols=2), Span(row=top + 1, col=0, rows=count)]


def self_evaluation_table(facts: ReportFacts, unit_label: str | None, layout: str = "plain") -> Table:
    """Execution row, indicator rows, 总分 row: the 部门整体/项目支出绩效自评表."""
    execution = facts.execution
    assert execution is not None and facts.self_score is not None  # fill_scores ran
    lead = 0 if layout == "plain" else 1
    width = len(_INDICATOR_HEADER) + lead
    rows: list[list[str]] = []
    spans: list[Span] = []
    if unit_label:
        name_label = "项目名称" if facts.kind == "project_expenditure" else "预算部门（单位）名称"
        rows.append([name_label] + [""] * lead + [unit_label] + [""] * (width - lead - 2))
        spans.append(Span(row=0, col=1 + lead, cols=width - lead - 1))
        if lead:
            spans.append(Span(row=0, col=0, cols=1 + lead))
    top = len(rows)
    figures = [execution.initial.text, execution.full_year.text, execution.executed.text,
               points(execution.weight), percent(execution.rate_pct), points(execution.score)]  # fmt: skip
    columns = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    rows.append(["年度预算执行情况（万元）"] + [""] * (1 + lead) + columns)
    rows.append([""] * (1 + lead) + ["年度资金总额", *figures])
    spans.append(Span(row=top, col=0, rows=2, cols=1 + lead))
    indicator_rows, indicator_spans = _indicator_part(facts, len(rows), layout)
    rows += indicator_rows
    spans += indicator_spans
    rows.append(["总分"] + [""] * (4 + lead) + ["100", points(facts.self_score), ""])
    spans.append(Span(row=len(rows) - 1, col=0, cols=5 + lead))
    return Table(rows=rows, spans=spans, header_rows=0)
