"""Figures that are one project's own on a page about several (snippets invented).

A page of several projects' forms (a list of the forms it holds, then the forms) and a page
evaluating one part of a larger fund: a figure read inside a form, or stated for the part, is
that project's, and the page-level amount stays null. A page with one form alone, and a budget
stated for the whole fund, stay the page's.
"""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing import extract_report
from tests.parsing.conftest import document_of

_LIST = (
    "某县2023年度部门项目绩效自评表汇总\n某县文化旅游局本级项目绩效自评表清单\n序号\n项目名称\n备注\n"
    "1\n非遗保护传承经费自评表\n \n2\n乡村文化活动补助资金自评表\n \n3\n景区安全巡查经费自评表\n \n"
)
_FORM = (
    "项目支出绩效自评表（2023年度）\n项目名称\n非遗保护传承经费\n主管部门\n某县文化旅游局\n"
    "实施单位\n某县文化旅游局\n项目资金\n(万元)\n \n年初预算数\n全年预算数（A）\n全年执行数（B）\n分值\n"
    "执行率（B/A）\n得分\n年度资金总额：\n36.5\n38\n37.2\n10\n97.9%\n9.8\n"
)


def _parsed(text: str) -> dict[str, Any]:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()


def _page_budgets(result: dict[str, Any]) -> tuple[Any, ...]:
    amounts = result["amounts_wan"]
    return amounts["budget_initial"], amounts["budget_full_year"], amounts["executed"]


def _projects(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(p["name"], p["budget_wan"], p["spent_wan"]) for p in result["projects"]]


def test_a_page_listing_its_forms_gives_the_forms_figures_to_their_projects() -> None:
    result = _parsed(_LIST + _FORM)
    assert _page_budgets(result) == (None, None, None)
    assert _projects(result) == [
        ("非遗保护传承经费", "38", "37.2"),
        ("乡村文化活动补助资金", None, None),
        ("景区安全巡查经费", None, None),
    ]


def test_one_form_alone_is_the_pages_own_report() -> None:
    result = _parsed(_FORM)
    assert _page_budgets(result) == ("36.5", "38", "37.2")
    assert _projects(result) == [("非遗保护传承经费", "38", "37.2")]


def test_a_report_naming_its_project_in_prose_and_in_its_form_is_that_projects() -> None:
    prose = (
        "2023年度非遗保护传承经费项目支出绩效自评报告\n一、项目基本情况\n"
        "项目名称：非遗保护传承经费。项目实施单位：某县文化旅游局。\n"
        "二、项目资金使用情况\n该项目年初预算数36.5万元，全年预算数38万元，全年执行数37.2万元。\n"
        "附件：项目支出绩效自评表\n"
    )
    result = _parsed(prose + _FORM)
    assert _page_budgets(result) == ("36.5", "38", "37.2")
    assert _projects(result) == [("非遗保护传承经费", "38", "37.2")]


_PART = (
    "按照省财政厅部署,某省交通运输厅开展了2023年度中央车辆购置税补助资金绩效自评工作。\n"
    "{heading}\n(一)资金下达情况\n"
    "2023年,交通运输部下达我省{fund}12680万元,用于农村公路日常养护。\n"
    "(二)指标完成情况\n全年完成农村公路养护里程3200公里。\n"
)


def test_a_budget_stated_for_one_part_of_the_fund_is_the_parts() -> None:
    result = _parsed(_PART.format(heading="一、农村公路养护绩效自评", fund="车辆购置税农村公路养护补助资金"))
    assert result["amounts_wan"]["budget_full_year"] is None
    assert ("车辆购置税农村公路养护补助资金", "12680", None) in _projects(result)


@pytest.mark.parametrize(
    ("heading", "fund"),
    [
        pytest.param("一、农村公路养护绩效自评", "车辆购置税补助资金", id="names the whole fund"),
        pytest.param("一、部门绩效自评情况", "车辆购置税农村公路养护补助资金", id="a heading, no part"),
        pytest.param("一、资金投入情况", "车辆购置税农村公路养护补助资金", id="no part's section"),
    ],
)
def test_a_budget_not_stated_for_a_part_stays_the_pages(heading: str, fund: str) -> None:
    result = _parsed(_PART.format(heading=heading, fund=fund))
    assert result["amounts_wan"]["budget_full_year"] == "12680"
