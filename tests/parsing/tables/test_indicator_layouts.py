"""Indicator tables in the layouts self-evaluation excerpts lose their row breaks in (snippets
invented): one cell per line with level cells and the note header broken over lines, a two-row
header run into the first indicator row, and an indicator row in pieces."""

from __future__ import annotations

from typing import Any

from tests.parsing.conftest import extraction_of


def _extract(text: str) -> dict[str, Any]:
    """``text`` under an overall self-evaluation's title, as the tables in it are read there."""
    return extraction_of("示例单位部门整体支出绩效自评表\n\n" + text)


def _names(text: str) -> list[tuple[Any, ...]]:
    return [(row["level2"], row["name"], row["actual"], row["score"]) for row in _extract(text)["indicators"]]


CELLS = (
    "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分",
    "偏差原因", "分析及", "改进措施",
    "产出指标", "(40)", "数量", "指标", "新建步道", "3公里", "3公里", "20", "20",
    "质量", "指标", "验收合格率", "100%", "100%", "20", "18",
    "……",
    "效益指标", "25分)", "社会效", "益指标", "受益村民", "800人", "820人", "30", "30",
    "……",
    "满意",
)  # fmt: skip


def test_one_cell_per_line_with_broken_level_cells_and_note_header() -> None:
    assert _names("\n\n".join(CELLS) + "\n") == [
        ("数量指标", "新建步道", "3公里", 20),
        ("质量指标", "验收合格率", "100%", 18),
        ("社会效益指标", "受益村民", "820人", 30),
    ]


def test_one_cell_per_line_placeholder_rows_are_no_indicators() -> None:
    header = CELLS[:12]
    placeholders = ("产出指标", "数量指标", "……", "质量指标", "……", "满意")
    assert _names("\n\n".join((*header, *placeholders)) + "\n") == []


UPPER = "绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施"
LOWER = "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位"


def test_two_row_header_run_into_the_first_indicator_row() -> None:
    text = (
        f"| 其他资金 | — | — |\n"
        f"| 年度目标 | 完成道路修缮 | 已完成 | {UPPER} | {LOWER} | "
        "产出指标 | 数量指标 | 修缮道路 | ≥ | 5 | 公里 | 5 | 20 | 20 |\n"
        "| 质量指标 | 验收合格率 | = | 100 | % | 100% | 20 | 19 |\n"
        "| 效益指标 | 社会效益 指标 | 出行条件改善 |\n"
        "| 明显 |\n"
        "| 明显 | 30 | 28 |\n"
        "| 生态效益 指标 |\n"
        "| 满意度指标 | 满意度指标 | 村民满意度 | ≥ | 90 | % | 95% | 10 | 10 |\n"
    )
    assert _names(text) == [
        ("数量指标", "修缮道路", "5公里", 20),
        ("质量指标", "验收合格率", "100%", 19),
        ("社会效益 指标", "出行条件改善", "明显", 28),
        ("满意度指标", "村民满意度", "95%", 10),
    ]


def test_a_header_row_on_its_own_is_not_cut() -> None:
    text = f"| 其他资金 | — | {UPPER} | {LOWER} |\n| 说明 | 无 |\n"
    assert _names(text) == []


def test_pieces_holding_a_placeholder_are_not_joined() -> None:
    text = (
        f"| {UPPER} |\n| {LOWER} |\n"
        "| 产出指标 | 数量指标 | 修缮道路 | ≥ | 5 | 公里 | 5 | 20 | 20 |\n"
        "| 效益指标 | 社会效益 指标 | …… |\n"
        "| …… |\n"
        "| 10 |\n"
    )
    assert [name for _, name, _, _ in _names(text)] == ["修缮道路"]
