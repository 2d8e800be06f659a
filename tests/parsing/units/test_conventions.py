"""Where else real reports name their unit (snippets invented): the signature at the end in the
shapes letters close with, and a 单位's 决算 title naming its 部门 first."""

from __future__ import annotations

import pytest

from ingestion.parsing.units.title import from_title
from ingestion.parsing.units.unit import unit_name
from tests.parsing.conftest import document_of

BODY = (
    "一、项目基本情况\n本项目用于道路养护。\n二、绩效目标\n完成养护里程20公里。\n三、自评结论\n"
    "项目支出绩效自评得分95分。\n四、存在的问题\n资金拨付偏慢。\n五、下一步措施\n加快拨付进度。\n"
)
FOOTER = "【打印本页】 【关闭窗口】\n分享到:\n主办单位:宜昌市人民政府办公室\n网站标识码4205000001\n联系我们\n"


def _unit(text: str) -> str | None:
    return unit_name(document_of(text), None)[0]


@pytest.mark.parametrize(
    ("ending", "unit"),
    [
        pytest.param("嘉兴市南湖区桥梁养护所\n2023年6月30日\n", "桥梁养护所", id="name above the date"),
        pytest.param("嘉兴市南湖区桥梁养护所 2023年6月30日\n", "桥梁养护所", id="name and date on one line"),
        pytest.param(
            "眉山市东坡区青禾镇人民政府2024年4月2日\n", "青禾镇人民政府", id="name and date run together"
        ),
        pytest.param("本项目于2023年6月30日\n", None, id="a sentence's date has no unit before it"),
        pytest.param("宜昌市林苑管理处(盖章)\n2023年6月30日\n", "林苑管理处", id="name with its seal"),
        pytest.param(
            "报告单位(盖章):眉山市东坡区水利局\n报告日期:2024年3月8日\n",
            "水利局",
            id="labelled name and date",
        ),
        pytest.param(
            "宜昌市林苑管理处\n二〇二三年六月三十日\n" + FOOTER, "林苑管理处", id="a portal footer below"
        ),
        pytest.param(FOOTER, None, id="a footer's 主办单位 signs nothing"),
        pytest.param("本项目由相关单位 2023年6月30日\n", None, id="no unit before the date"),
    ],
)
def test_unit_signing_the_report(ending: str, unit: str | None) -> None:
    assert _unit(BODY + ending) == unit


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        pytest.param("宜昌市教育局所属宜昌市青禾小学2023年度单位决算", "宜昌市青禾小学", id="所属"),
        pytest.param("宜昌市教育局-宜昌市青禾小学2023年度决算信息公开", "宜昌市青禾小学", id="a dash"),
        pytest.param(
            "眉山市东坡区卫生健康局 眉山市东坡区青禾镇卫生院2022年度决算",
            "眉山市东坡区青禾镇卫生院",
            id="a space, a 卫生院",
        ),
        pytest.param(
            "宜昌市林业局-夷陵区青禾林场2023年度单位决算", "夷陵区青禾林场", id="a dash, a place inside"
        ),
        pytest.param(
            "宜昌市公安局夷陵区分局2023年度部门决算", "宜昌市公安局夷陵区分局", id="a branch is one name"
        ),
        pytest.param(
            "宜昌市公安局-夷陵区分局2023年度部门决算", "宜昌市公安局-夷陵区分局", id="a branch after a dash"
        ),
        pytest.param(
            "宜昌市人民政府北京联络处2023年度部门决算", "宜昌市人民政府北京联络处", id="another place stays"
        ),
        pytest.param("宜昌市教育局所属单位2023年度决算", "宜昌市教育局", id="所属单位 names no 单位"),
        pytest.param("中共宜昌市委老干部局2022年度部门决算", "中共宜昌市委老干部局", id="one name"),
    ],
)
def test_unit_under_its_department(title: str, unit: str) -> None:
    assert from_title(title) == unit
