"""Units named by a summary's project count and by form fields that run into the next cell
(snippets invented): a unit-wide summary of project self-evaluations, a department carrying a
project out with its own office (本部), a project's 预算单位 / 业主单位, a unit's budget code."""

from __future__ import annotations

import pytest

from ingestion.parsing.form_fields import field_values, form_fields
from ingestion.parsing.units.unit import unit_name
from tests.parsing.conftest import document_of


def _unit(text: str) -> str | None:
    return unit_name(document_of(text), None)[0]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "按要求完成了自评。一、项目总体情况(一)宜昌市林苑管理处2023年度共有4个项目"
            "1、行道树养护项目:年初预算12万元,已支出12万元。\n",
            "林苑管理处",
            id="a unit counting its projects in a summary's first heading",
        ),
        pytest.param(
            "一、项目情况\n平江县文化馆共实施3个项目,均已完成。\n", "文化馆",
            id="a unit with its region counting the projects it ran",
        ),
        pytest.param(
            "一、项目情况\n(一)财政局2023年度共有4个项目\n", None,
            id="near miss: a bare office without its region counts no projects of its own",
        ),
        pytest.param(
            "项目名称路灯维护\n主管部门平江县城关镇人民政府实施单位平江县城关镇人民政府(本部)\n年度资金总额\n",
            "城关镇人民政府",
            id="a department carrying its project out with its own office (本部)",
        ),
        pytest.param(
            "项目名称路灯维护\n主管部门平江县城关镇人民政府实施单位平江县城关镇环卫站\n年度资金总额\n",
            "城关镇环卫站",
            id="near miss: another office carrying the project out stays the unit",
        ),
        pytest.param(
            "一、项目概况\n该工程由县交通运输局负责建设,业主单位为平江县交通运输局。\n"
            "项目预算单位:平江县交通运输局\n",
            "交通运输局",
            id="a project's 业主单位 and 预算单位 stated in sentences",
        ),
        pytest.param(
            "一、项目概况\n业主单位组织验收,工程质量合格。\n", None,
            id="near miss: 业主单位 as a sentence's subject names no unit",
        ),
        pytest.param(
            "平江县2022年度部门整体支出绩效评价表\n部门(单位)名称平江县发展和改革局预算编码401002"
            "填报日期:2023年5月8日\n",
            "发展和改革局",
            id="a flattened cover: the unit's name runs into its budget code",
        ),
        pytest.param(
            "项目支出绩效自评表(2021年度) 项目名称道路保洁经费主管部门及代码平江县城市管理局"
            "实施单位:平江县环境卫生管理所项目资金(万元) 年初预算数(A)全年执行数(B)\n",
            "环境卫生管理所",
            id="a unit cell run on into the money block's header cell",
        ),
        pytest.param(
            "项目名称:平江县道路保洁项目资金绩效自评\n", None,
            id="near miss: 项目资金 inside a project's name is no header cell",
        ),
        pytest.param(
            "部门(单位)名称预算编码401002报告日期:2023年5月8日\n", None,
            id="near miss: a blank name cell is no unit",
        ),
    ],
)  # fmt: skip
def test_unit_from_counts_and_fields(text: str, unit: str | None) -> None:
    assert _unit(text) == unit


def test_project_name_keeps_its_own_words_before_a_header_cell() -> None:
    fields = form_fields("项目名称:道路保洁项目资金\n项目资金(万元) 年初预算数\n")
    assert [f.value for f in field_values(fields, "项目名称")] == ["道路保洁项目资金"]
