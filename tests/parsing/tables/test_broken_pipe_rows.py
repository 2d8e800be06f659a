"""Pipe rows a text export broke after their first cell, and a budget row short of a cell lined
up by its stated 执行率 (snippets invented)."""

from __future__ import annotations

from typing import Any

from tests.parsing.conftest import extraction_of

FORM_HEAD = (
    "项目支出绩效自评表 |\n"
    "项目名称 | 东坪镇水渠维修项目 |\n"
    "项目资金 (万元) |\n"
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "年度资金总额 |\n"
)
INDICATORS = (
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |\n"
    "|\n"
    "产出指标 | 数量指标 | 维修水渠长度 | ≥3公里 | 3.2公里 | 20 | 20 | 无 |\n"
    "质量指标 | 验收合格率 | 100% | 100% | 20 | 20 | 无 |\n"
    "效益指标 | 社会效益指标 | 受益灌溉面积 | ≥500亩 | 520亩 | 30 | 30 | 无 |\n"
)


def _money(result: dict[str, Any]) -> tuple[Any, Any, Any]:
    amounts = result["amounts_wan"]
    return amounts["budget_initial"], amounts["budget_full_year"], amounts["executed"]


def test_a_blank_initial_budget_lost_the_rate_puts_the_figures_under_full_year_and_execution() -> None:
    # 47.5 / 48.6 = 97.7366...%: stated cut to two places.
    result = extraction_of(FORM_HEAD + "| 48.6 | 47.5 | 10 | 97.73% | 9 |\n")
    assert _money(result) == (None, "48.6", "47.5")
    execution = result["budget_execution"]
    assert (execution["rate_pct"], execution["weight"], execution["score"]) == (97.73, 10, 9)


def test_a_lost_trailing_score_the_rate_keeps_the_figures_from_the_first_column() -> None:
    result = extraction_of(FORM_HEAD + "| 60 | 60 | 57 | 10 | 95% |\n")
    assert _money(result) == ("60", "60", "57")
    assert result["budget_execution"]["score"] is None


def test_a_short_row_whose_rate_holds_no_way_is_not_read() -> None:
    result = extraction_of(FORM_HEAD + "| 48.6 | 30.2 | 10 | 88% | 9 |\n")
    assert _money(result) == (None, None, None)
    assert result["budget_execution"] is None or result["budget_execution"]["full_year_wan"] is None


def test_a_header_row_above_a_bare_pipe_line_still_heads_the_indicator_rows() -> None:
    result = extraction_of(INDICATORS)
    names = [(row["name"], row["target"], row["actual"], row["score"]) for row in result["indicators"]]
    assert names == [
        ("维修水渠长度", "≥3公里", "3.2公里", 20),
        ("验收合格率", "100%", "100%", 20),
        ("受益灌溉面积", "≥500亩", "520亩", 30),
    ]


def test_a_lone_label_line_before_prose_stays_a_paragraph() -> None:
    result = extraction_of("年度资金总额 |\n本项目年初预算48.6万元。\n")
    assert result["budget_execution"] is None
