"""Project lists and funds by their shape, as more real layouts write them (snippets invented).

- a summary report announces its projects by count and numbers them without a stop
  (共有3个项目1、…), a year may follow the mark (2、2023年…), a copied PDF may split a figure after
  its point (12. 5万元), and 预算外资金 names where a project's money comes from;
- a finance office's news names some of the projects it evaluates, each in quotes, with the count;
- a cover line labels the project evaluated (重点评价项目某某项目);
- a fund self-evaluation names the fund a higher level issued, after the year it is for and with
  a bracket that qualifies it; its shares to places are no projects;
- a breakdown after 其中 ends at the first clause that is no item.
"""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing import extract_report
from tests.parsing.conftest import document_of


def _result(text: str) -> dict[str, Any]:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()


def _projects(result: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(p["name"], p["budget_wan"]) for p in result["projects"]]


def _amounts(result: dict[str, Any]) -> dict[str, str]:
    return {key: value for key, value in result["amounts_wan"].items() if value is not None}


SUMMARY = "2023年度项目支出绩效自评总报告\n一、各项目自评情况\n"


def test_a_counted_list_numbered_without_a_stop() -> None:
    result = _result(
        SUMMARY + "（一）某湖湿地保护站2023年度共有3个项目1、湿地巡护道路修缮项目：预算12. 5万元，"
        "全年实际支付12. 5万元。修缮巡护步道300米。\n"
        "2、2023年候鸟监测专项资金项目：预算8万元，全年实际支付8万元。"
        "3、预算外资金集中支付项目：预算6万元，全年实际支付6万元。\n"
    )
    assert _projects(result) == [
        ("湿地巡护道路修缮项目", "12.5"),
        ("候鸟监测专项资金项目", "8"),
        ("预算外资金集中支付项目", "6"),
    ]
    # What each item paid is that project's, not the report's.
    assert _amounts(result) == {}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(SUMMARY + "1、预算安排资金项目：预算6万元。2、年初预算资金：预算5万元。\n", id="stages"),
        pytest.param(SUMMARY + "全年共有3个项目1、湿地巡护道路修缮项目：预算12. 5万元。\n", id="one item"),
    ],
)
def test_no_counted_list(text: str) -> None:
    assert _projects(_result(text)) == []


def test_quoted_names_of_some_evaluated_projects() -> None:
    result = _result(
        "县财政局今年委托第三方做重点绩效评价，选取了“渔船燃油补贴”“乡镇文化站（农家书屋、"
        "广播站）运维经费”和“北岸堤防加固工程”等9项上年度资金开展绩效评价，"
        "共涉及2.1亿元。\n"
    )
    assert _projects(result) == [
        ("渔船燃油补贴", None),
        ("乡镇文化站（农家书屋、广播站）运维经费", None),
        ("北岸堤防加固工程", None),
    ]


def test_quoted_names_not_evaluated_are_no_list() -> None:
    result = _result("县财政局印发了“渔船燃油补贴”“北岸堤防加固工程”等9项资金的管理办法。\n")
    assert _projects(result) == []


def test_a_cover_line_labels_the_project_evaluated() -> None:
    result = _result(
        "某县2024年乡村振兴资金重点项目绩效评价报告\n重点评价项目2024年某县南岭乡茶叶加工厂项目\n"
        "评价单位某县财政局\n一、基本情况\n"
    )
    assert _projects(result) == [("2024年某县南岭乡茶叶加工厂项目", None)]


def test_a_cover_line_naming_all_projects_names_none() -> None:
    result = _result("某县2024年重点项目绩效评价报告\n评价对象为全部项目\n一、基本情况\n")
    assert "为全部项目" not in [name for name, _ in _projects(result)]


def test_a_fund_issued_after_its_year_with_a_qualifier() -> None:
    result = _result(
        "一、绩效目标分解下达情况\n1.资金来源。某省收到财政部文件，下达2023年农村物流发展资金"
        "（县乡配送体系建设）5260万元。\n2.资金分配。按因素法分到市里，其中：甲州市410万元、"
        "乙江市880万元、丙山市720万元。\n"
    )
    assert _projects(result) == [("农村物流发展资金（县乡配送体系建设）", "5260")]
    assert _amounts(result) == {"budget_full_year": "5260"}


def test_a_breakdown_ends_at_its_first_clause_that_is_no_item() -> None:
    result = _result(
        "一、绩效目标分解下达情况某厅下达2023年戏曲传承专项资金30万元,二、资金到位情况,"
        "其中专项资金30万元在3月拨到剧团,三、绩效指标完成情况,道具制作费6万元,灯光租赁费3万元。\n"
    )
    names = [name for name, _ in _projects(result)]
    assert "道具制作费" not in names
    assert "灯光租赁费" not in names


def test_each_levels_share_of_a_fund_is_no_project() -> None:
    # 自治区/盟市/旗县 levels, a 专项 between level and 资金, a 预算内投资, a bare 补助资金 once the
    # verb is dropped: the fund's sources, not its projects.
    result = _result(
        "青原盟2024年度牧区饮水安全补助资金绩效自评报告\n一、基本情况\n"
        "2024年牧区饮水安全补助资金预算数5200万元,其中:中央补助资金2100万元,自治区财政补助资金900万元,"
        "盟市财政补助资金700万元,旗县级财政资金1500万元。\n"
        "全年安排42.6亿元,其中,中央财政专项资金20.1亿元,中央预算内基建投资12.3亿元,"
        "自治区财政安排补助资金10.2亿元。\n"
    )
    assert [name for name, _ in _projects(result)] == ["青原盟2024年度牧区饮水安全补助资金"]


def test_near_miss_a_projects_name_after_a_level_stays_a_project() -> None:
    result = _result(
        "青原盟2024年度项目支出绩效自评总报告\n一、基本情况\n"
        "纳入评价的项目预算共90万元,其中:自治区级草原监测站建设项目40万元,旗县牧民培训补助经费30万元,"
        "盟市饮水工程运维经费20万元。\n"
    )
    assert [name for name, _ in _projects(result)] == [
        "自治区级草原监测站建设项目",
        "旗县牧民培训补助经费",
        "盟市饮水工程运维经费",
    ]


def test_what_each_county_applied_for_is_no_project() -> None:
    result = _result(
        "青原市2024年度项目支出绩效自评总报告\n一、基本情况\n"
        "柳溪县申请护理补贴120.5万元,床位补贴30.2万元,实际需要市级床位补贴12.4万元。\n"
    )
    assert not any(name.startswith("柳溪县") for name, _ in _projects(result))


def test_near_miss_a_countys_project_named_with_its_place_stays_a_project() -> None:
    result = _result(
        "青原市2024年度项目支出绩效自评总报告\n一、基本情况\n"
        "柳溪县养老院改造项目120.5万元,禾田县助餐点建设项目30.2万元,青原市护理培训经费12.4万元。\n"
    )
    assert [name for name, _ in _projects(result)] == [
        "柳溪县养老院改造项目",
        "禾田县助餐点建设项目",
        "青原市护理培训经费",
    ]
