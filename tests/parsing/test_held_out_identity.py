"""A report's identity and counts as held-out pages state them, each class with its near miss
(snippets invented): staff counts in a form row ending in empty cells or in a unit's own words,
the kind an opening or a title gives, the unit a title, a portal line or an opening names.
"""

from __future__ import annotations

import pytest

from ingestion.parsing.kind import report_kind
from ingestion.parsing.units.evaluated import implementing_unit, opening_unit
from ingestion.parsing.units.title import from_title
from tests.parsing.test_others_figures import FINAL_ACCOUNTS_CONTENTS, _result


@pytest.mark.parametrize(
    ("form", "actual"),
    [
        pytest.param("人员编制 |\n27 |\n实有人数 |\n25 | ||||||||\n", 25, id="empty cells after the count"),
        pytest.param("人员编制 |\n27 |\n实有人数 |\n25人次 | ||||\n", None, id="a count of visits"),
    ],
)
def test_a_form_rows_last_count_before_empty_cells(form: str, actual: int | None) -> None:
    result = _result(
        "白沙县2023年度部门(单位)整体支出绩效评价自评报告\n"
        "联系人 |\n某某 |\n联络电话 |\n0000-7654321 | ||||\n" + form
    )
    assert result["staffing"]["authorized"] == 27
    assert result["staffing"]["actual"] == actual


@pytest.mark.parametrize(
    ("sentence", "actual"),
    [
        pytest.param("人员编制数为21人,在岗正式员工有18人。", 18, id="regular staff in post"),
        pytest.param("人员编制数为21人,全年接待正式员工培训180人次。", None, id="trainings counted"),
    ],
)
def test_regular_staff_in_post(sentence: str, actual: int | None) -> None:
    result = _result("某县青禾图书馆2023年度部门决算\n" + FINAL_ACCOUNTS_CONTENTS + sentence + "\n")
    assert result["staffing"]["actual"] == actual


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        pytest.param("财政厅公布2023年农机购置补贴资金绩效评价结果", "key_projects", id="results published"),
        pytest.param("2023年农机购置补贴资金绩效评价结果的运用", "project_expenditure", id="results used"),
    ],
)
def test_an_office_publishing_evaluation_results(title: str, kind: str) -> None:
    assert report_kind(title, "一、评价结果\n青川县等3个县等级为A。\n") == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        pytest.param(
            "县财政局组成了绩效评价工作组,对县林业站护林专项经费进行了绩效评价。",
            "key_projects",
            id="finance team",
        ),
        pytest.param(
            "县林业站组成了自评工作组,对本站护林专项经费项目支出绩效进行了自评。",
            "project_expenditure",
            id="the unit's own team",
        ),
    ],
)
def test_a_finance_office_evaluating_with_its_own_team(sentence: str, kind: str) -> None:
    assert report_kind(None, "为加强资金管理,提高使用效益," + sentence + "\n一、项目基本情况\n") == kind


@pytest.mark.parametrize(
    ("form", "kind"),
    [
        pytest.param(
            "(2023年度) | |||\n转移支付(项目)名称 | 林草防火补助 | ||\n资金使用单位 | 某县林草局 | ||\n"
            "全年预算数 | 全年执行数 | 执行率 | ||\n年度资金总额: | 88.5 | 80.1 | 90.5% | ||\n",
            "project_expenditure",
            id="transfer form without its title",
        ),
        pytest.param(
            "(2023年度) | |||\n转移支付(项目)名称 | 林草防火补助 | ||\n资金使用单位 | 某县林草局 | ||\n"
            "年度目标 | 完成森林防火巡护 | ||\n",
            "unknown",
            id="a target form",
        ),
    ],
)
def test_the_transfer_self_evaluation_form(form: str, kind: str) -> None:
    assert report_kind(None, form) == kind


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        pytest.param("青山市城乡居民医疗保险补助资金2023年度绩效自评报告", None, id="town and country"),
        pytest.param("青山县古城乡2023年度部门决算", "青山县古城乡", id="a township named 古城乡"),
        pytest.param(
            "青山县住房和城乡建设管理局2020年度部门决算", "青山县住房和城乡建设管理局", id="an office"
        ),
    ],
)
def test_town_and_country_is_no_township(title: str, unit: str | None) -> None:
    assert from_title(title) == unit


def _portal_page(crumb: str, publisher: str) -> str:
    return (
        f"当前位置: 首页 > {crumb} > 部门项目\n索引号: 00000000/2024-00001\n发布机构: {publisher}\n"
        "名称: 白沙市2023年智慧水务项目支出绩效评价报告\n发布日期: 2024-05-06\n\n"
        "白沙市2023年智慧水务项目支出绩效评价报告\n一、项目基本情况\n项目建成后提升全市供水调度能力。\n"
    )


@pytest.mark.parametrize(
    ("crumb", "unit"),
    [
        pytest.param("市水务局", "白沙市水务管理局(白沙市河长制办公室)", id="the section of the publisher"),
        pytest.param("市交通局", "市交通局", id="another office's section"),
    ],
)
def test_a_crumb_shortening_the_publisher_gives_way_to_it(crumb: str, unit: str) -> None:
    result = _result(_portal_page(crumb, "白沙市水务管理局(白沙市河长制办公室)"))
    assert result["report"]["unit_name"] == unit


@pytest.mark.parametrize(
    ("byline", "unit"),
    [
        pytest.param("2024-03-02 10:15:00     来源:青川省林草厅", "青川省林草厅", id="date then source"),
        pytest.param("青川省林草厅 时间:2024-03-02 10:15", "青川省林草厅", id="office then time"),
        pytest.param("森林防火工作 时间安排如下", None, id="a heading on a schedule"),
    ],
)
def test_a_byline_names_the_publisher(byline: str, unit: str | None) -> None:
    result = _result(
        "2023年度青川省森林防火专项资金绩效自评报告\n" + byline + "\n一、绩效目标分解下达情况\n"
        "我厅对2023年度森林防火专项资金进行了绩效自评。\n"
    )
    assert result["report"]["unit_name"] == unit


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        pytest.param(
            "为加强资金管理,我们对白河县畜牧技术推广站良种补贴经费进行了绩效评价,现将结果报告如下:",
            "白河县畜牧技术推广站",
            id="the evaluated unit",
        ),
        pytest.param(
            "为加强资金管理,白河县农业农村局对2023年度耕地保护补贴使用情况开展了财政绩效评价工作。",
            "白河县农业农村局",
            id="the unit evaluating its own subsidy",
        ),
        pytest.param(
            "为加强资金管理,我们对全县耕地保护补贴使用情况进行了绩效评价。", None, id="no unit named"
        ),
    ],
)
def test_the_unit_an_evaluations_opening_is_about(sentence: str, unit: str | None) -> None:
    assert opening_unit(sentence) == (None if unit is None else (unit, sentence.index(unit)))


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        pytest.param(
            "项目组织实施单位为白河县文化旅游局(以下简称“县文旅局”)。", "白河县文化旅游局", id="stated"
        ),
        pytest.param("项目组织实施单位为各乡镇人民政府。", None, id="every township"),
    ],
)
def test_the_unit_a_projects_description_says_carries_it_out(sentence: str, unit: str | None) -> None:
    assert implementing_unit(sentence) == (None if unit is None else (unit, sentence.index(unit)))


def test_the_implementing_unit_before_the_commissioning_office() -> None:
    result = _result(
        "关于白河县文化惠民专项资金的绩效评价报告\n受白河县财政局委托,某某会计师事务所对该专项资金进行了绩效评价。\n"
        "一、项目基本情况\n项目组织实施单位为白河县文化旅游局。\n"
    )
    assert result["report"]["unit_name"].endswith("文化旅游局")


_TRANSFER_INDICATORS = (
    "2023年度中央转移支付林草防火补助绩效自评表\n绩效指标 |\n一级 指标 |\n"
    "二级指标 | 三级指标 | 指标值(年度) | 实际完成值 | 偏差原因 |\n"
)


@pytest.mark.parametrize(
    ("rows", "count"),
    [
        pytest.param(
            "产 出 指 标 |\n数量指标 | 巡护里程 | ≥300公里 | 326公里 | |||\n", 1, id="merged level alone"
        ),
        pytest.param("产 出 指 标 |\n注:本表由县林草局填报。\n", 0, id="a note, no row"),
    ],
)
def test_an_unscored_transfer_indicator_table(rows: str, count: int) -> None:
    assert len(_result(_TRANSFER_INDICATORS + rows)["indicators"]) == count
