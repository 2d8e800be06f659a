"""Unit names in shapes real reports use (snippets invented): a party school's joint name with its
administration institute, a 单位名称 field marked （本级）, a 决算 overview heading's 部门（单位）
and a detachment carrying out its department's project; each with a near miss."""

from __future__ import annotations

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.units.unit import unit_name
from tests.parsing.conftest import document_of


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        pytest.param(
            "中共宜昌市委党校(宜昌行政学院)2023年度部门整体支出绩效自评报告",
            "中共宜昌市委党校(宜昌行政学院)",
            id="a party school's joint name",
        ),
        pytest.param(
            "宜昌市综合行政执法局(宜昌市城市管理局)2023年度部门整体支出绩效自评报告",
            "综合行政执法局",
            id="near miss: an office's two names, the first",
        ),
    ],
)
def test_a_joint_name_in_the_title(title: str, unit: str) -> None:
    report = extract_report(document_of(title + "\n一、部门基本情况\n"), path="x.txt", sha256="0" * 64).report
    assert report.unit_name == unit


def _unit(text: str) -> str | None:
    return unit_name(document_of(text), None)[0]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "2023年度部门决算\n单位名称:宜昌市青禾文化馆(本级)\n", "青禾文化馆", id="a field marked 本级"
        ),
        pytest.param("2023年度部门决算\n单位名称:宜昌市青禾文化馆\n", "青禾文化馆", id="near miss: no mark"),
        pytest.param(
            "目录\n第一部分 宜昌市青禾文化馆部门(单位)概况\n一、部门职责\n", "青禾文化馆", id="部门(单位)概况"
        ),
        pytest.param(
            "目录\n第一部分 部门(单位)概况\n一、部门职责\n", None, id="near miss: the bare template"
        ),
    ],
)
def test_a_final_accounts_unit(text: str, unit: str | None) -> None:
    assert _unit(text) == unit


@pytest.mark.parametrize(
    ("implementing", "unit"),
    [
        pytest.param("巡防支队", "公安局", id="a detachment without its place"),
        pytest.param("宜昌市森林消防大队", "森林消防大队", id="near miss: a detachment with its place"),
    ],
)
def test_a_detachment_carrying_out_the_project(implementing: str, unit: str) -> None:
    text = f"项目支出绩效自评表\n项目名称: 巡防经费\n主管部门: 宜昌市公安局\n实施单位: {implementing}\n"
    assert _unit(text) == unit


FIRM = "青禾明远会计师事务所接受宜昌市财政局委托，对宜昌市青禾水务局护堤项目开展绩效评价。"


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        pytest.param(
            "宜昌市青禾水务局对所提供绩效资料的真实性和准确性负责。",
            "青禾水务局",
            id="the evaluated unit answers for its material",
        ),
        pytest.param("评价组对所提供资料的真实性进行了核实。", "财政局", id="near miss: no unit answers"),
    ],
)
def test_the_unit_answering_for_a_third_partys_material(sentence: str, unit: str) -> None:
    assert _unit("护堤项目绩效评价报告\n" + FIRM + sentence + "\n") == unit
