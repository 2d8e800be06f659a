"""Numbered items that each name a project with its own figures (snippets invented).

A summary report on several projects enumerates them (1、某项目：预算…，实际支付…), a fund's
breakdown lists what it paid for (①某工程尾款12万元；②…), a heading names a component with its money
in brackets. Each item's first amount is that project's budget; nothing an item states is the
report's own figure.
"""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing import extract_report
from tests.parsing.conftest import document_of

SUMMARY = "松岭县农机局2022年度项目支出绩效自评总报告\n一、基本情况\n"
PROJECT = "松岭县农机局2022年度项目支出绩效自评报告\n一、项目基本情况\n"


def _result(text: str) -> dict[str, Any]:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()


def _projects(result: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(p["name"], p["budget_wan"]) for p in result["projects"]]


def _amounts(result: dict[str, Any]) -> dict[str, str]:
    return {key: value for key, value in result["amounts_wan"].items() if value is not None}


@pytest.mark.parametrize(
    ("text", "projects"),
    [
        pytest.param(
            SUMMARY + "本年度纳入自评的项目共3个。\n"
            "1、农机具购置补贴项目：预算36.8万元，全年执行36.8万元，实际支付35.1万元，执行率95.38%。\n"
            "2、农机安全监理经费：预算9万元，全年执行9万元，实际支付9万元。\n"
            "3、机耕道维修工程：年初预算22万元，实际支付20.4万元。\n",
            [("农机具购置补贴项目", "36.8"), ("农机安全监理经费", "9"), ("机耕道维修工程", "22")],
            id="one item a line, the name before a colon",
        ),
        pytest.param(
            SUMMARY + "（1）秸秆还田作业补助，年初预算安排14.5万元，已全部兑付。\n"
            "（2）农机合作社培训经费，年初预算安排3.2万元，支出3.2万元。\n",
            [("秸秆还田作业补助", "14.5"), ("农机合作社培训经费", "3.2")],
            id="bracketed numbers, the budget after a comma",
        ),
        pytest.param(
            SUMMARY + "1.植保无人机作业补贴项目：该项目全年预算数为18万元，执行数17.2万元。\n"
            "2.农机化技术推广经费：本项目预算6.6万元，执行数6.6万元。\n",
            [("植保无人机作业补贴项目", "18"), ("农机化技术推广经费", "6.6")],
            id="该项目/本项目 before the budget word",
        ),
        pytest.param(
            PROJECT + "县级预算80万元，具体用于支付：①南湾灌渠维修工程尾款31.5万元，已完成结算；"
            "②北坡提灌站改造项目缺口资金40万元，预计年底完工；③东溪机耕桥设计前期费用8.5万元。\n",
            [
                ("南湾灌渠维修工程尾款", "31.5"),
                ("北坡提灌站改造项目缺口资金", "40"),
                ("东溪机耕桥设计前期费用", "8.5"),
            ],
            id="circled numbers in one paragraph, the amount right after the name",
        ),
    ],
)
def test_numbered_project_items(text: str, projects: list[tuple[str, str]]) -> None:
    result = _result(text)
    assert _projects(result)[-len(projects) :] == projects


def test_an_items_figures_are_not_the_reports() -> None:
    result = _result(
        SUMMARY + "1、农机具购置补贴项目：预算36.8万元，全年执行36.8万元，实际支付35.1万元。\n"
        "2、机耕道维修工程：年初预算22万元，实际支付20.4万元。\n"
    )
    assert _amounts(result) == {}


def test_the_reports_own_figure_before_the_items_stays() -> None:
    result = _result(
        PROJECT + "本项目年初预算80万元。\n"
        "具体用于：①南湾灌渠维修工程尾款31.5万元；②北坡提灌站改造项目缺口资金40万元。\n"
    )
    assert _amounts(result) == {"budget_initial": "80"}


@pytest.mark.parametrize(
    ("text", "not_listed"),
    [
        pytest.param(
            SUMMARY + "1、项目资金到位情况：预算50万元，到位50万元。\n",
            "项目资金到位情况",
            id="an outline's point",
        ),
        pytest.param(
            SUMMARY + "1、中央资金：30万元。\n2、县级资金：20万元。\n", "中央资金", id="sources, not projects"
        ),
        pytest.param(
            PROJECT + "1.年初预算安排资金：60万元。\n2.全年调整后资金：72万元。\n3.已拨付资金：70万元。\n",
            "年初预算安排资金",
            id="the money's stages, not projects",
        ),
        pytest.param(
            SUMMARY + "1、农机具购置补贴项目：预算36.8万元。\n",
            "农机具购置补贴项目",
            id="one numbered item alone",
        ),
    ],
)
def test_no_project_items(text: str, not_listed: str) -> None:
    assert not_listed not in [name for name, _ in _projects(_result(text))]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        pytest.param(
            "（一）丘陵农机化示范体系建设（260万元）", ("丘陵农机化示范体系建设", "260"), id="(一) heading"
        ),
        pytest.param(
            "2.智慧农机服务平台（安排资金45.5万元）", ("智慧农机服务平台", "45.5"), id="a budget word inside"
        ),
    ],
)
def test_a_heading_with_its_money_in_brackets(heading: str, expected: tuple[str, str]) -> None:
    text = (
        "松岭县财政局关于松岭县农机化奖补资金项目绩效评价报告\n一、项目基本情况\n"
        f"{heading}\n主要用于购置设备。\n"
    )
    assert expected in _projects(_result(text))


def test_an_allocation_list_is_no_project_list() -> None:
    result = _result(
        "松岭县文旅局2022年公共文化补助资金绩效自评报告\n一、资金分配情况\n"
        "1.分配松岭剧团花鼓戏巡演补助30万元，共计30万元。\n2.分配东乡文化站设备购置经费12万元。\n"
    )
    assert not [name for name, _ in _projects(result) if name.startswith("分配")]


def test_an_item_whose_name_opens_with_a_year() -> None:
    # 2、2023年…: the mark may be followed by the year the name opens with (a decimal point may not).
    result = _result(
        PROJECT + "本处共有3个项目。1、排灌站维修项目：预算12.6万元，全年实际支付12.6万元。"
        "2、2023年农机安全监理经费：预算9万元，2023年全年实际支付9万元。"
        "3、2023年机耕道维修工程：预算48万元，2023年全年实际支付48万元。\n"
    )
    assert _amounts(result) == {}
    assert ("农机安全监理经费", "9") in _projects(result)


def test_a_decimal_point_opens_no_item() -> None:
    result = _result(PROJECT + "本项目年初预算2.5万元，全年实际支付2.5万元。\n")
    assert _amounts(result).get("budget_initial") == "2.5"


def test_a_short_special_fund_and_a_number_a_pdf_spaced_off_are_items() -> None:
    # 禁毒专项 is a whole name; 12 345 办专项 as a PDF copies it: one name, 12345办 its office.
    result = _result(
        PROJECT + "参与评价的项目共3个。其中: 1. 345 办专项 18 万元:开展宣传。 "
        "2. 禁毒专项 12.5 万元:开展排查。 3. 社区矫正专项经费 6 万元:开展走访。\n"
    )
    assert _projects(result) == [("345办专项", "18"), ("禁毒专项", "12.5"), ("社区矫正专项经费", "6")]


def test_near_miss_a_count_or_a_one_word_special_fund_is_no_item() -> None:
    # 2 个专项 counts the funds; 专项 after one word (其专项) names nothing.
    result = _result(PROJECT + "其中: 1. 2 个专项 18 万元:开展宣传。 2. 其专项 12.5 万元:开展排查。\n")
    assert _projects(result) == []
