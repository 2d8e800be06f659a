"""Report-level amounts of self-evaluations: each figure is taken only where its label says what it
is (年初 vs 全年, 决算/支付 vs 下达/预算), and a near miss of each class stays null."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.amounts.clause import clause_amount
from ingestion.parsing.amounts.stageless import parts_listed_after
from tests.parsing.conftest import document_of

PROJECT = "青禾县林业局2023年度护林员补助项目支出绩效自评报告\n一、项目基本情况\n"
FUND = "青禾县2023年度养老服务补助资金绩效自评报告\n一、基本情况\n"
OVERALL = "青禾县档案馆2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"


def _amounts(text: str) -> dict[str, Any]:
    result = extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()
    return {key: value for key, value in result["amounts_wan"].items() if value is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            PROJECT + "年初县财政下达资金7.5万元，项目资金实际支出7.5万元。\n",
            {"budget_initial": "7.5", "executed": "7.5"},
            id="年初…下达 is the initial budget",
        ),
        pytest.param(
            PROJECT + "年中县财政下达资金7.5万元。\n",
            {"budget_full_year": "7.5"},
            id="near miss: 下达 without 年初 stays stage-less",
        ),
        pytest.param(
            PROJECT + "本年度全年预算数64.5万元.全年执行数60.25万元。\n",
            {"budget_full_year": "64.5", "executed": "60.25"},
            id="an ASCII full stop between two figures",
        ),
        pytest.param(
            PROJECT + "全年预算数64.5万元,其余为自筹。\n",
            {"budget_full_year": "64.5"},
            id="near miss: a decimal point is no full stop",
        ),
        pytest.param(
            OVERALL + "2023年度一般公共财政拨款基本支出512.06万元。其中：人员经费400.01万元。\n",
            {"basic": "512.06", "personnel": "400.01"},
            id="一般公共财政拨款 before 基本支出",
        ),
        pytest.param(
            PROJECT + "资金支付合规，项目支出费用8.36万元，支付率70%。\n",
            {"executed": "8.36"},
            id="项目支出费用 of a one-project report",
        ),
        pytest.param(
            PROJECT + "该项目2023年预算数为12.00万元，决算数为9.50万元。\n",
            {"budget_full_year": "12.00", "executed": "9.50"},
            id="决算数 of a one-project report",
        ),
        pytest.param(
            OVERALL + "2023年预算数为120.00万元，决算数为95.50万元。\n",
            {"budget_full_year": "120.00"},
            id="near miss: a unit's bare 决算数 is not read",
        ),
        pytest.param(
            FUND + "2023年共支付省级养老服务公益金90万元，执行率100%。\n",
            {"executed": "90"},
            id="共支付 a named fund",
        ),
        pytest.param(
            FUND + "2023年支付省级养老服务公益金30万元。\n",
            {},
            id="near miss: a payment without 共 may be one of several",
        ),
        pytest.param(
            FUND
            + "2023年下达省级养老服务公益金90万元，其中甲站项目40万元、乙院项目20万元、丙所项目30万元。\n"
            + "1.甲站项目：2023年下达省级养老服务公益金40万元。\n"
            + "2.乙院项目：2023年下达省级养老服务公益金20万元。\n",
            {"budget_full_year": "90"},
            id="the whole before its listed parts",
        ),
        pytest.param(
            FUND
            + "2023年下达省级养老服务公益金90万元，其中甲站项目40万元、乙院项目20万元。\n"
            + "1.甲站项目：2023年下达省级养老服务公益金40万元。\n"
            + "2.丙所项目：2023年下达省级养老服务公益金35万元。\n",
            {},
            id="near miss: parts that miss the whole leave it unsure",
        ),
    ],
)
def test_self_evaluation_amount(text: str, expected: dict[str, Any]) -> None:
    assert _amounts(text) == expected


def test_parts_are_read_only_from_a_qizhong_list_in_the_same_sentence() -> None:
    text = "下达资金90万元，其中甲40万元、乙50万元。另有丙12万元、丁3万元。"
    assert parts_listed_after(text, text.index("，")) == (Decimal("40"), Decimal("50"))
    plain = "下达资金90万元，甲40万元、乙50万元。"
    assert parts_listed_after(plain, plain.index("，")) == ()


TWO_YEARS = "青禾县护林员补助资金绩效评价报告\n一、项目基本情况\n"


def test_a_total_over_the_listed_years_of_a_report_on_all_of_them() -> None:
    # Those years' total is no one year's budget (year_span), even in a report on all of them.
    text = TWO_YEARS + "2021年、2022年青禾县护林员补助资金共计860万元。\n"
    assert _amounts(text) == {}


def test_near_miss_a_total_over_other_years_than_the_reports() -> None:
    text = PROJECT + "2022年、2023年青禾县护林员补助资金共计860万元。\n"
    assert _amounts(text) == {}


# 2023年初某资金预算安排…: the stage before the fund's name; 发放补助资金为…: its payments.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "2023年初养老服务补助资金预算安排85.4万元，用于老人助餐。\n",
            {"budget_initial": "85.4"},
            id="年初 before the fund's name",
        ),
        pytest.param(
            "2023年养老服务补助资金预算安排85.4万元，用于老人助餐。\n",
            {"budget_full_year": "85.4"},
            id="near miss: no stage stays stage-less",
        ),
        pytest.param(
            "全年共发放补助资金为61.2万元。\n", {"executed": "61.2"}, id="发放 with its kind of money"
        ),
        pytest.param("全年共发放补助对象320人。\n", {}, id="near miss: 发放 to people, no money"),
    ],
)
def test_a_funds_stage_before_its_name_and_its_payments(sentence: str, expected: dict[str, str]) -> None:
    assert _amounts(FUND + sentence) == expected


@pytest.mark.parametrize(
    ("clause", "found"),
    [
        pytest.param(
            "各县区财政安排配套资金36.5万元", None, id="the lower levels' matching funds are a share"
        ),
        pytest.param("市县财政安排配套资金36.5万元", None, id="市县 together"),
        pytest.param(
            "青禾县财政安排配套资金36.5万元", ("budget_issued", "36.5"), id="near miss: one named county's"
        ),
    ],
)
def test_what_the_lower_levels_put_in(clause: str, found: tuple[str, str] | None) -> None:
    assert clause_amount(clause, 2023, True) == found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("2023年项目到位资金118.6万元。\n", {"budget_full_year": "118.6"}, id="到位资金"),
        pytest.param("项目资金到位率100%。\n", {}, id="near miss: a rate of arrival"),
    ],
)
def test_the_funds_that_reached_the_unit(sentence: str, expected: dict[str, str]) -> None:
    assert _amounts(PROJECT + sentence) == expected
