"""Projects enumerated by name, and shares that are no projects (snippets invented).

- a fund's self-evaluation splits the fund into uses by ordinal (一是安排…，二是安排…): each use is
  a project with its amount; allocations to places are not;
- a unit names its funds in one run called projects (甲、乙、丙等项目资金…); a run of works that
  another word closes (…等项目已开工) is not;
- a report on several funds gives each a numbered line (1.某服务经费 / 2.2022年某业务经费);
- a unit quotes and counts its projects (“甲经费”“乙补贴”等2个项目), each budget stated where its
  paragraph opens; a count that is not the names' is no list;
- a share named by its year or its source (其中2021年120万元, 2022年省级资金) is no project, and
  never the one project's budget;
- the opening sentence names the project (现将某项目绩效目标自评报告如下) where a fund sentence
  names only what the money is for (下达建设资金…);
- a multi-year tracking evaluation names its fund (开展2022年、2023年某资金全周期跟踪问效);
- a traditional-script copy's project names are given as it writes them;
- a breakdown of a payment (實際支付…。其中：用于甲項目…) gives what each project spent.
"""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.projects.single import project_name
from ingestion.parsing.sections import outline
from tests.parsing.conftest import document_of


def _result(text: str) -> dict[str, Any]:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()


def _projects(result: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(p["name"], p["budget_wan"]) for p in result["projects"]]


def _amounts(result: dict[str, Any]) -> dict[str, str]:
    return {key: value for key, value in result["amounts_wan"].items() if value is not None}


FUND_REPORT = "南湖市2022年渔业扶持资金使用情况绩效自评报告\n一、绩效目标分解下达情况\n"


def test_a_funds_uses_by_ordinal() -> None:
    result = _result(
        FUND_REPORT + "上级下达我市渔业扶持资金880万元。分解如下:一是安排渔船更新补贴310万元,"
        "配套安排市级资金45万元。二是安排养殖尾水治理补助(池塘改造、设备购置等)502.5万元。"
        "三是安排渔业技术推广67.5万元。\n"
    )
    assert _projects(result) == [
        ("2022年渔业扶持资金", "880"),
        ("渔船更新补贴", "310"),
        ("养殖尾水治理补助(池塘改造、设备购置等)", "502.5"),
        ("渔业技术推广", "67.5"),
    ]
    assert _amounts(result) == {"budget_full_year": "880"}


def test_uses_by_ordinal_to_places_are_no_projects() -> None:
    result = _result(FUND_REPORT + "分解如下:一是安排东坪县310万元。二是安排西岭区502.5万元。\n")
    names = [name for name, _ in _projects(result)]
    assert "东坪县" not in names
    assert "西岭区" not in names


def test_a_run_of_funds_called_projects() -> None:
    result = _result(
        "北塘镇中心幼儿园2023年度预算绩效自评工作报告\n一、基本情况\n(二)资金来源\n"
        "保育教育公用经费、幼儿营养膳食补助、聘用保育员工资、园舍维修资金等项目经费均由年初预算安排。\n"
    )
    assert _projects(result) == [
        ("保育教育公用经费", None),
        ("幼儿营养膳食补助", None),
        ("聘用保育员工资", None),
        ("园舍维修资金", None),
    ]


def test_a_run_of_works_is_no_list_of_funds() -> None:
    result = _result(
        "北塘镇2023年度整体支出绩效自评报告\n一、基本情况\n"
        "滨河路改造一、二、三标段,东环路拓宽工程等项目已开工建设。\n"
    )
    assert _projects(result) == []


def test_numbered_lines_each_naming_a_fund() -> None:
    result = _result(
        "青石州档案局2022年度项目支出绩效自评报告\n本局对上年度的6个项目进行了自评。\n"
        "一、基本情况\n(一)项目概况\n1.“档案云”数字化平台运维经费\n项目背景:为推进档案数字化。\n"
        "2022年批复“档案云”数字化平台运维经费35万元。\n2.2022年档案抢救保护经费\n项目背景:为保护馆藏。\n"
    )
    assert _projects(result) == [
        ("“档案云”数字化平台运维经费", "35"),
        ("2022年档案抢救保护经费", None),
    ]


def test_projects_numbered_in_words_after_their_notice() -> None:
    result = _result(
        "青石镇2023年度转移支付项目绩效自评报告\n本镇涉及转移支付项目2个,自评结果如下:\n"
        "项目一:青财农〔2023〕41号东坡村光伏发电项目,项目全年预算数已全部执行,完成预算的100%。\n"
        "项目二:2023年库区移民后期扶持补助,项目全年预算数已全部执行,群众满意度达到95%。\n"
    )
    assert _projects(result) == [("东坡村光伏发电项目", None), ("2023年库区移民后期扶持补助", None)]


def test_a_lone_project_numbered_in_words_is_no_list() -> None:
    result = _result(
        "青石镇2023年度转移支付项目绩效自评报告\n"
        "项目一:项目概况描述,本镇按计划完成了建设任务,完成预算的100%。\n"
    )
    assert _projects(result) == []


@pytest.mark.parametrize(
    ("cover", "projects"),
    [
        pytest.param(
            "(整体支出和档案数字化服务费专项支出)", [("档案数字化服务费专项支出", None)], id="one project"
        ),
        pytest.param("(整体支出)", [], id="the overall spending alone"),
        pytest.param("(整体支出和一般项目支出)", [], id="projects in general"),
    ],
)
def test_a_project_a_title_covers_beside_the_overall_spending(
    cover: str, projects: list[tuple[str, str | None]]
) -> None:
    result = _result(
        f"青石州档案局2022绩效评价自评报告{cover}\n一、部门基本概况\n负责全州档案的收集与保管。\n"
    )
    assert _projects(result) == projects


def test_numbered_outline_lines_name_no_fund() -> None:
    result = _result(
        "青石州档案局2022年度项目支出绩效自评报告\n一、基本情况\n1.项目资金\n共安排35万元。\n"
        "2.资金使用情况\n已支出30万元。\n"
    )
    assert _projects(result) == []


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "2019年至2021年东溪河道整治项目资金共计300万元,其中2021年120万元。", id="a year's share"
        ),
        pytest.param("东溪河道整治项目资金共计300万元,其中2021年120万元,2022年180万元。", id="two shares"),
        pytest.param(
            "东溪河道整治资金共计300万元,其中2021年省级资金120万元,2022年省级资金90万元,中央资金90万元。",
            id="shares by year and source",
        ),
    ],
)
def test_a_share_by_year_is_no_project_nor_the_budget(sentence: str) -> None:
    result = _result("东山县2021年东溪河道整治项目绩效自评报告\n一、项目基本情况\n" + sentence + "\n")
    projects = _projects(result)
    assert [name for name, _ in projects] == ["2021年东溪河道整治项目"]
    assert projects[0][1] in (None, "300")
    assert result["amounts_wan"]["budget_full_year"] in (None, "300")


def test_the_opening_names_the_project_a_fund_sentence_does_not() -> None:
    result = _result(
        "白沙县水利指挥部:\n现将2024年白沙县青岭镇石门村灌溉渠修复项目绩效目标自评报告如下:\n"
        "一、绩效目标分解下达情况\n我镇计划修复灌溉渠800米,安排该项目资金42万元。\n"
        "二、资金投入情况\n共下达建设资金42万元,用于修复灌溉渠。\n"
    )
    assert _projects(result) == [("2024年白沙县青岭镇石门村灌溉渠修复项目", "42")]


def test_a_tracking_evaluation_names_its_fund() -> None:
    document = document_of(
        "一、项目基本情况\n(一)项目预算安排情况\n2022年、2023年北省油茶产业资金共计5200万元。\n"
        "二、评价工作开展情况\n通过开展2022年、2023年北省油茶产业资金全周期跟踪问效,掌握资金使用情况。\n"
    )
    named = project_name(document, None, outline(document))
    assert named is not None
    assert named[0] == "北省油茶产业资金"


def test_traditional_names_as_written() -> None:
    result = _result(
        "南灣市漁港建設資金2022年度自評報告\n一、績效目標分解下達情況\n"
        "2022年中央財政專項資金900萬元,實際支付800萬元。其中:用于漁港碼頭維修項目300萬元、"
        "冷鏈倉儲建設項目500萬元。\n"
    )
    listed = [(p["name"], p["budget_wan"], p["spent_wan"]) for p in result["projects"]]
    # named as written; what a payment's breakdown gives each is what it spent, not its budget
    assert ("漁港碼頭維修項目", None, "300") in listed
    assert ("冷鏈倉儲建設項目", None, "500") in listed


def test_quoted_projects_counted_take_the_budget_where_each_opens_a_paragraph() -> None:
    result = _result(
        "某镇2025年度部门整体支出绩效自评报告\n一、项目绩效目标完成情况\n"
        "我镇在年度决算中列示“渡口维护经费”“河道巡查补贴”等2个项目的绩效目标完成情况。\n"
        "(1)渡口维护经费项目完成情况。项目全年预算数6.4万元,执行数6.1万元。\n"
        "(2)河道巡查补贴项目完成情况。项目全年预算数3万元,执行数3万元。\n"
    )
    assert ("渡口维护经费", "6.4") in _projects(result)
    assert ("河道巡查补贴", "3") in _projects(result)


def test_quoted_names_the_count_does_not_match_are_no_list() -> None:
    result = _result(
        "某镇2025年度部门整体支出绩效自评报告\n一、项目绩效目标完成情况\n"
        "我镇在年度决算中列示“渡口维护经费”“河道巡查补贴”等3个项目的绩效目标完成情况。\n"
    )
    assert not any(name in ("渡口维护经费", "河道巡查补贴") for name, _ in _projects(result))
