"""Figures on a report's page that belong to someone else, never to the report (snippets invented).

A bidding site's notice header copied above a 决算 (its 预算金额 is the site's field), the money of
several units an evaluation involves, and numbered fund items in a unit's self-evaluation (each
item's money is that fund's) must not become the report's amounts; the funds become its projects.
"""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing import extract_report
from tests.parsing.conftest import document_of

FINAL_ACCOUNTS_CONTENTS = (
    "目 录\n第一部分 部门基本情况\n一、主要职能职责\n第二部分 2022年度部门决算情况说明\n"
    "一、关于2022年度收入支出决算总体情况说明\n"
)


def _result(text: str) -> dict[str, Any]:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()


def _amounts(result: dict[str, Any]) -> dict[str, str]:
    return {key: value for key, value in result["amounts_wan"].items() if value is not None}


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(
            "公告摘要\n项目编号-\n预算金额450万元\n招标联系人-\n中标联系人-\n公告正文\n", id="dash values"
        ),
        pytest.param(
            "项目编号：QH-2023-17\n预算金额：86.5万元\n采购人：某单位\n开标时间：2023-05-06\n", id="colons"
        ),
    ],
)
def test_a_bidding_notice_header_above_a_report_gives_no_amount(header: str) -> None:
    result = _result(header + FINAL_ACCOUNTS_CONTENTS)
    assert result["report"]["kind"] == "final_accounts"
    assert _amounts(result) == {}


def test_a_report_form_with_its_own_budget_line_keeps_it() -> None:
    # One 预算金额 line without a notice's own field is no bidding header.
    result = _result(
        "松岭县林业局2023年度项目支出绩效自评报告\n项目名称：森林防火巡护项目\n预算金额：36万元\n"
        "全年执行数：35.2万元\n"
    )
    assert _amounts(result).get("budget_full_year") == "36"


@pytest.mark.parametrize(
    ("sentence", "budget"),
    [
        pytest.param(
            "本次评价共涉及青禾县教育局、青禾县水务局、青禾县林业局等12家预算单位，预算资金总额8823.40万元。",
            None,
            id="units an evaluation involves",
        ),
        pytest.param("评价工作涉及3个部门，资金合计1260万元。", None, id="部门 counted in figures"),
        pytest.param("本次评价的项目预算资金总额640万元。", "640", id="no units counted: the budget"),
    ],
)
def test_money_of_several_units_an_evaluation_involves_is_no_budget(
    sentence: str, budget: str | None
) -> None:
    result = _result(
        "青禾县财政局关于2023年度重点绩效评价结果的公告\n根据工作安排，我局对部分项目开展了重点绩效评价。"
        + sentence
        + "\n"
    )
    assert result["report"]["kind"] == "key_projects"
    assert _amounts(result).get("budget_full_year") == budget


def test_numbered_fund_items_of_an_overall_self_evaluation_are_its_projects() -> None:
    result = _result(
        "松岭县交通局2022年度部门整体支出绩效自评报告\n一、基本情况\n"
        "本年度纳入自评的项目共6项，年初预算1260.5万元，总支出980.3万元，其中专项资金320.5万元。\n"
        "1)松财建[2021]118号提前下达2022年农村公路养护专项资金36万。预算执行率100%。\n\n"
        "2)松财建[2021]120号提前下达2022年客运站运营补助资金112.45万元。预算执行率90%。\n\n"
        "3)松财建(2022)15号文)下达2022年燃油价格改革转移支付52万。预算执行率30%。\n"
    )
    assert result["report"]["kind"] == "overall_expenditure"
    assert [(p["name"], p["budget_wan"]) for p in result["projects"]] == [
        ("农村公路养护专项资金", "36"),
        ("客运站运营补助资金", "112.45"),
        ("燃油价格改革转移支付", "52"),
    ]  # 专项资金 alone is a kind of money, not a project
    amounts = _amounts(result)
    assert amounts["budget_initial"] == "1260.5"
    assert "budget_full_year" not in amounts  # no item's money is the unit's budget


def test_an_amount_of_people_or_land_is_no_item_budget() -> None:
    result = _result(
        "松岭县农业局2022年度部门整体支出绩效自评报告\n一、基本情况\n"
        "1、高标准农田建设项目1.2万亩。\n2、农技推广补助资金覆盖3万人。\n"
    )
    assert result["projects"] == []


def test_a_fund_allocated_to_the_county_is_no_item_of_its_own() -> None:
    # 下达我县…资金N万元 states the fund as the county received it: the report's fund, not an item.
    result = _result(
        "松岭县文旅局2022年度中央补助文化惠民专项资金绩效自评报告\n一、资金到位情况\n"
        "（1）省财政厅等部门（某财教〔2022〕18号）下达我县2022年中央补助文化惠民专项资金96.4万元，"
        "其中送戏下乡60万元，图书更新36.4万元。\n"
        "（2）本级配套资金到位12万元。\n"
    )
    names = [p["name"] for p in result["projects"]]
    assert not any("我县" in name or "〕" in name for name in names), names
