"""Units, projects and figures stated in sentence frames and cover cells rather than titles
(snippets invented): each case is a layout several provinces' portals share."""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing.form_fields import form_fields
from tests.parsing.conftest import extraction_of


def _unit(text: str) -> str | None:
    unit: str | None = extraction_of(text)["report"]["unit_name"]
    return unit


def _amounts(text: str) -> dict[str, Any]:
    return {k: v for k, v in extraction_of(text)["amounts_wan"].items() if v is not None}


def _projects(text: str) -> list[tuple[Any, ...]]:
    return [(p["name"], p["budget_wan"], p["spent_wan"]) for p in extraction_of(text)["projects"]]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "为做好资金绩效管理工作,根据《某省财政厅关于印发某办法的通知》,"
            "现将2023年平江县水利局农田灌溉补助项目绩效自评总结报告如下。\n一、绩效目标\n",
            "水利局",
            id="现将 year, unit, topic 报告如下",
        ),
        pytest.param(
            "为加强预算绩效管理,根据《平江县财政局关于做好2023年度绩效自评工作的通知》(青财绩〔2024〕3号)要求,"
            "平江县林业局组成评价工作组,对护林项目开展了评价。\n一、项目概况\n",
            "林业局",
            id="the unit acting on the notice a paragraph cites, not the notice's author",
        ),
        pytest.param(
            "一、项目绩效概况\n项目负责人为某某。\n主管部门为平江县住建局(行政主管部门)\n项目业主为平江县城投中心\n",
            "城投中心",
            id="项目业主为 in a sentence",
        ),
        pytest.param(
            "平江县2023年河道治理资金绩效评价报告\n委 托 单 位 :平江县财政局\n"
            "评 价 机 构 :某某会计师事务所有限公司\n",
            "财政局",
            id="letter-spaced 委托单位 on a cover",
        ),
        pytest.param(
            "平江县公交公司2022年度财政专项支出绩效自评报告\n项目名称       公交运营补贴\n"
            "项目单位       平江县城市公共汽车公司\n主管部门       平江县交通运输局\n",
            "城市公共汽车公司",
            id="a public company as the 项目单位; a 主管部门 field line is no unit line",
        ),
        pytest.param(
            "2023年度平江县交通运输局部门公交补贴重点项目支出绩效评价报告\n一、项目基本情况\n",
            "交通运输局",
            id="a 部门 after the unit in a title",
        ),
        pytest.param(
            "中共平江县委党校2022年部门决算公开\n目 录\n第一部分 单位概况\n",
            "中共平江县委党校",
            id="a 党校",
        ),
    ],
)
def test_unit_in_sentence_frames(text: str, unit: str) -> None:
    assert _unit(text) == unit


def test_a_limited_company_in_a_unit_field_is_still_no_unit() -> None:
    text = (
        "项目支出绩效自评表\n项目名称 道路养护补助\n项目单位 平江县路桥建设有限公司\n"
        "主管部门 平江县交通运输局\n"
    )
    assert _unit(text) == "交通运输局"


def test_field_stated_in_a_sentence_and_letter_spaced_labels() -> None:
    fields = [
        (f.label, f.value) for f in form_fields("项目名称为2023年平江县道路建设项目,委 托 单 位:平江县财政局")
    ]
    assert fields == [("项目名称", "2023年平江县道路建设项目"), ("委托单位", "平江县财政局")]


PROJECT_REPORT = "一、绩效目标分解下达情况\n"


@pytest.mark.parametrize(
    ("text", "amounts", "projects"),
    [
        pytest.param(
            PROJECT_REPORT + "我县2023年通村公路建设项目计划投资1200万元,新建道路12公里。\n"
            "二、自评情况\n我单位对该项目资金的使用效果开展了自评。\n"
            "项目资金共1200万元,截止2023年11月20日,已完成拨付1150.5万元,执行率96%。\n",
            {"budget_full_year": "1200", "executed": "1150.5"},
            [("2023年通村公路建设项目", "1200", "1150.5")],
            id="planned investment, 项目资金共, 完成拨付; 该项目 is no name",
        ),
        pytest.param(
            PROJECT_REPORT + "项目名称为2023年平江县某村养殖基地建设项目,项目总投资39.5万元。\n",
            {"budget_full_year": "39.5"},
            [("2023年平江县某村养殖基地建设项目", "39.5", None)],
            id="项目名称为 and 总投资",
        ),
        pytest.param(
            PROJECT_REPORT + "项目计划投资900万元。年度资金安排1100万元,其中中央补助1000万元。\n",
            {"budget_full_year": "1100"},
            [],
            id="a year's 资金安排 beats the planned investment",
        ),
        pytest.param(
            PROJECT_REPORT + "该工程于2020年取得概算批复,项目总投资8600万元,分三年建成。\n",
            {},
            [],
            id="a works project's 总投资 set by an approved estimate spans years: no budget",
        ),
    ],
)
def test_one_project_figures(text: str, amounts: dict[str, str], projects: list[tuple[Any, ...]]) -> None:
    text = "平江县交通局2023年项目支出绩效自评报告\n" + text if not projects else text
    assert _amounts(text) == amounts
    if projects:
        assert _projects(text) == projects


def test_initial_budget_the_unit_asked_for_and_what_it_used() -> None:
    text = (
        "平江县交通局2023年公交补贴项目支出绩效评价报告\n一、资金投入和使用情况\n"
        "2023年初我局申请预算资金2000万元,年底追加预算资金800万元,截止2023年底,已使用资金2750.4万元。\n"
    )
    assert _amounts(text) == {"budget_initial": "2000", "executed": "2750.4"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "一、项目概况\n平江县污水管网工程(二期)是为提高污水收集率实施的工程,项目总投资约3亿元。\n",
            "平江县污水管网工程(二期)",
            id="a works project opening a paragraph",
        ),
        pytest.param(
            "一、项目概括\n(一)项目基本情况\n外贸促进服务项目为省商务厅机关的经常性项目,主要用于展会组织。\n",
            "外贸促进服务项目",
            id="a recurring project opening the 项目基本情况",
        ),
    ],
)
def test_project_named_as_a_paragraph_subject(text: str, name: str) -> None:
    assert [p[0] for p in _projects("平江县某局2023年项目支出绩效自评报告\n" + text)] == [name]


def test_unit_labelled_cover_cells_one_per_line() -> None:
    text = (
        "平江县公交公司2022年度财政专项支出绩效自评报告(公交运营补贴)\n项目名称\n公交运营补贴\n"
        "计划安排资金\n(万元)\n75\n实际到位资金\n(万元)\n75\n实际支出\n(万元)\n74.5\n结余(万元)\n\n"
    )
    assert _amounts(text) == {"budget_full_year": "75", "executed": "74.5"}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "一、项目概括\n(一)项目基本情况\n会展服务项目为我厅经常性项目。\n(三)资金管理\n"
            "项目资金严格按照《湖南省商务厅内部财务管理暂行办法》执行,"
            "并按《湖南省财政厅关于加强资金管理的通知》要求报账。\n",
            "商务厅",
            id="the unit's own rules, cited while it speaks of itself",
        ),
        pytest.param(
            "一、项目概况\n项目由我局实施。\n资金按《湖南省财政厅专项资金管理办法》执行。\n",
            None,
            id="a finance office's rules name no reporting unit",
        ),
    ],
)
def test_unit_of_its_own_cited_rules(text: str, unit: str | None) -> None:
    assert _unit("2023年度项目支出绩效评价报告\n" + text) == unit


def test_label_cells_with_their_figures_on_the_next_line() -> None:
    text = (
        "平江县档案馆2023年度部门决算\n一、支出决算情况\n2023年度支出总计500万元。\n其中：基本支出\n420万元\n"
        "人员经费\n300.5万元\n公用经费:\n119.5万元\n项目支出\n80万元\n"
    )
    assert _amounts(text) == {
        "appropriation_expenditure": "500",
        "basic": "420",
        "personnel": "300.5",
        "public_funds": "119.5",
        "project": "80",
    }


def test_projects_named_by_sub_headings_with_their_own_amounts() -> None:
    text = (
        "平江县档案局2023年项目绩效自评报告\n一、项目基本情况\n(一)档案数字化加工经费项目\n"
        "该项目2019年立项,总经费约需500万元,截止2021年已安排项目经费200万元。\n"
        "2023年争取到市级档案数字化加工经费项目资金36万元,用于更换服务器。\n"
        "(二)馆藏档案日常保护项目\n按照每卷2元的标准测算,争取到市级财政资金18.5万元。\n二、绩效目标\n"
    )
    result = extraction_of(text)
    assert [(p["name"], p["budget_wan"]) for p in result["projects"]] == [
        ("档案数字化加工经费项目", "36"),
        ("馆藏档案日常保护项目", "18.5"),
    ]
    # 截止2021年已安排…: an earlier year's funding is no budget of the report's year.
    assert result["amounts_wan"]["budget_full_year"] is None


def test_one_project_sub_heading_alone_is_not_a_list() -> None:
    text = (
        "平江县档案局2023年项目绩效自评报告\n一、项目基本情况\n(一)档案数字化加工经费项目\n该项目已完成。\n"
    )
    assert _projects(text) == []


def test_third_party_evaluation_commissioned_by_a_finance_office() -> None:
    text = (
        "平江县2023年度新增债券资金项目审计报告\n平江县财政局:\n"
        "根据《平江县财政局关于开展绩效 评价工作的通知》要求,"
        "某某会计 师事务所接受平江县财政局的委托,对2023年度新增债券资金项目进行了绩效评价。\n"
        "一、评价依据\n1.《某省项目支出绩效评价管理办法》\n2.《某省项目支出绩效自评工作规程》\n"
    )
    report = extraction_of(text)["report"]
    assert (report["kind"], report["unit_name"]) == ("key_projects", "财政局")


def test_two_sentences_run_together_after_a_figure() -> None:
    text = (
        "平江县民政局2023年度优抚补助经费项目支出绩效自评报告\n一、资金情况\n"
        "2023年收到财政资金共500.5万元,其中:中央资金300万元,其他资金200.5万元2023年支出480.2万元,其中中央资金290万元\n"
    )
    assert _amounts(text) == {"budget_full_year": "500.5", "executed": "480.2"}


def test_the_units_spending_stated_after_its_name() -> None:
    text = (
        "平江县某镇卫生院2021年部门决算公开说明\n一、支出情况\n"
        "2021年度,某镇卫生院单位支出为468.5万元。其中:基本支出250万元。\n"
    )
    assert _amounts(text) == {"appropriation_expenditure": "468.5", "basic": "250"}


def test_enumerated_sub_projects_with_their_budgets() -> None:
    text = (
        "平江县林业局2022年度林业生态保护恢复资金绩效自评报告\n一、资金到位情况\n"
        "2022年度上级安排林业生态保护恢复资金900万元,实际到位600万元。分项目如下:①林区防火补助应到位100万元,"
        "实际到位50万元;②生态护林员项目应到位500万元,实际到位450万元;③草原修复治理补助应到位200万元,实际未到位;"
        "4退耕还林补助应到位100万元,实际到位100万元。\n目前共支付资金580.5万元,资金执行率64.5%。\n"
    )
    result = extraction_of(text)
    assert [(p["name"], p["budget_wan"]) for p in result["projects"]][1:] == [
        ("林区防火补助", "100"),
        ("生态护林员项目", "500"),
        ("草原修复治理补助", "200"),
        ("退耕还林补助", "100"),
    ]
    assert result["amounts_wan"]["executed"] == "580.5"


def test_the_total_issued_beats_its_tranches_and_a_cited_notice_is_no_label() -> None:
    text = (
        "平江县文物局2020年度文物保护专项资金绩效自评报告\n一、资金情况\n"
        "2020年3月,《某市财政局关于下达2020年文物保护专项经费的通知》(某财教2020)下达文物保护专项经费250万元。\n"
        "2020年9月,《某市财政局关于下达2020年文物保护专项经费的通知》(某财教2021)下达文物保护专项经费300万元。\n"
        "以上,《某市财政局关于下达2020年文物保护专项经费的通知》(某财教2022)共下达文物保护专项经费550万元。\n"
    )
    assert _amounts(text) == {"budget_full_year": "550"}


def test_different_issued_figures_without_a_total_stay_null() -> None:
    text = (
        "平江县文物局2020年度文物保护专项资金绩效自评报告\n一、资金情况\n"
        "下达文物保护专项经费250万元。\n另下达文物保护专项经费300万元。\n"
    )
    assert _amounts(text) == {}


def test_unit_opening_a_later_sentence_of_its_paragraph() -> None:
    text = (
        "目 录\n第一部分单位基本情况\n第二部分单位决算情况说明\n一、主要职能\n"
        "中华全国妇女联合会是全国各族各界妇女的群众团体。平江县妇女联合会是平江县各级妇联组织的领导机关。\n"
    )
    assert _unit(text) == "妇女联合会"


def test_actual_staff_counted_as_cadres_and_workers() -> None:
    text = (
        "平江县档案局2022年度部门决算\n第一部分 平江县档案局概况\n"
        "核定行政编制3人。实有干部职工6人,其中男4人。\n"
    )
    assert extraction_of(text)["staffing"]["actual"] == 6


def test_the_whole_of_one_source_is_no_total() -> None:
    text = (
        "平江县民政局2021年度救助补助资金绩效自评报告\n一、资金情况\n"
        "2021年度我局共收到中央下达救助补助资金900万元,省级下达救助补助资金80万元,市县安排救助补助资金200万元。\n"
    )
    assert _amounts(text) == {}


def test_of_several_issued_funds_the_one_the_title_names() -> None:
    text = (
        "平江县2023年度省级农机购置补贴资金绩效自评报告\n一、资金情况\n"
        "某局《关于下达2023年省级农机购置补贴资金预算的通知》(某财预〔2023〕8号),下达**县2023年省级农机购置补贴资金1200万元。"
        "某局《关于下达2023年衔接资金的通知》,下达**县2023年衔接资金300万元。\n"
    )
    assert _amounts(text) == {"budget_full_year": "1200"}


def test_one_projects_budget_stated_only_with_its_name() -> None:
    text = (
        "一、项目基本情况\n开展农村环境综合整治工作,改善人居环境。\n二、项目自评工作开展情况\n"
        "我局对农村环境综合整治项目开展了绩效自评。\n三、项目资金情况\n"
        "批复我局项目支出160万元,其中包含农村环境综合整治项目经费10万元。\n"
    )
    result = extraction_of(text)
    assert [(p["name"], p["budget_wan"]) for p in result["projects"]] == [("农村环境综合整治项目", "10")]
    assert {k: v for k, v in result["amounts_wan"].items() if v is not None} == {"budget_full_year": "10"}


def test_project_named_in_a_file_name_on_a_top_line() -> None:
    text = (
        "7绩效自评报告(平江县某排灌站维修工程项目).doc\n平江县2023年度新增债券资金项目审计报告\n"
        "某某会计师事务所接受平江县财政局的委托,对新增债券资金项目进行了绩效评价。\n"
    )
    assert [p[0] for p in _projects(text)] == ["平江县某排灌站维修工程项目"]


def test_counted_budget_with_its_money_in_the_next_clause() -> None:
    text = (
        "平江县农业农村局2023年项目支出绩效自评报告\n一、基本情况\n"
        "2023年预算安排我局农业专项资金项目共计25个,财政资金860.5万元。截至2023年末我局项目执行金额800万元。\n"
    )
    assert _amounts(text) == {"budget_full_year": "860.5", "executed": "800"}
