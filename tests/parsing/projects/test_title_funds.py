"""The funds a fund self-evaluation's title opens with, when the title-core reading finds none.

Class seen on two dev pages of different units (a provincial office's two transfer funds before
the year; a district office's subsidy fund before 区域绩效目标自评表). Snippets are invented.
"""

from __future__ import annotations

import pytest

from ingestion.parsing.projects.title_funds import joined_funds, title_funds
from tests.parsing.conftest import extraction_of


@pytest.mark.parametrize(
    ("title", "funds"),
    [
        pytest.param(
            "湖滨省省级非遗保护专项资金和省级彩票公益金专项转移支付2022年度绩效自评报告",
            "湖滨省省级非遗保护专项资金和省级彩票公益金专项转移支付",
            id="two funds before the year",
        ),
        pytest.param(
            "农药残留监测补助资金区域绩效目标自评表", "农药残留监测补助资金", id="a fund before 区域绩效目标"
        ),
        pytest.param(
            "青禾县林下经济扶持经费使用情况绩效自评报告",
            "青禾县林下经济扶持经费",
            id="a fund before 使用情况",
        ),
        pytest.param(
            "青禾县教育局2023年度部门整体支出绩效自评报告", None, id="near miss: a unit's overall report"
        ),
        pytest.param("2023年度绩效自评报告", None, id="near miss: no fund at all"),
        pytest.param("部门预算资金2023年度绩效自评报告", None, id="near miss: a unit's budget is no fund"),
    ],
)
def test_title_funds(title: str, funds: str | None) -> None:
    assert title_funds(title) == funds


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        pytest.param(
            "甲地水土保持资金和乙地防汛经费",
            ["甲地水土保持资金", "乙地防汛经费"],
            id="two funds joined by 和",
        ),
        pytest.param("文化和旅游发展资金", ["文化和旅游发展资金"], id="near miss: 和 inside one fund's name"),
        pytest.param(
            "种业振兴资金及配套", ["种业振兴资金及配套"], id="near miss: the second side names no fund"
        ),
    ],
)
def test_joined_funds(name: str, parts: list[str]) -> None:
    assert joined_funds(name) == parts


def test_a_title_naming_two_funds_lists_both_without_figures() -> None:
    text = (
        "湖滨省省级非遗保护专项资金和省级彩票公益金专项转移支付2022年度绩效自评报告\n"
        "一、基本情况\n两项资金全年预算数合计900万元，全年执行数870万元。\n"
    )
    projects = extraction_of(text)["projects"]
    assert [(p["name"], p["budget_wan"]) for p in projects] == [
        ("湖滨省省级非遗保护专项资金", None),
        ("省级彩票公益金专项转移支付", None),
    ]


def test_a_subsidy_fund_before_its_target_words_is_the_project() -> None:
    text = (
        "农药残留监测补助资金区域绩效目标自评表\n专项名称\n农药残留监测补助资金\n一、目标完成情况\n已完成。\n"
    )
    projects = extraction_of(text)["projects"]
    assert [p["name"] for p in projects] == ["农药残留监测补助资金"]
