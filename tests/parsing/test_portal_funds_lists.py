"""Layout and wording classes of real pages, with invented snippets: portal fields laid out without
separators, the project's department over the evaluation's client, a fund's whole stated before
its parts, a one-project budget after a long subject, and lists of evaluated projects flattened
one cell per line (with or without serial numbers).
"""

from __future__ import annotations

import pytest

from tests.parsing.conftest import extraction_of

_BODY = "一、项目基本情况\n本项目用于村道养护,覆盖12个行政村。\n"


@pytest.mark.parametrize(
    ("portal", "unit"),
    [
        pytest.param(
            "索 引 号 AB001-2023-07 主题分类 财政\n发布机构 青河县交通运输局 文 号\n",
            "交通运输局",
            id="fields separated by spaces alone, a label left without value at the end",
        ),
        pytest.param(
            "  • [ 索引号 ] 001122/2023-0042 [ 发文字号 ]\n  • [ 发布机构 ] 青河县交通运输局\n",
            "交通运输局",
            id="a bracketed label needs no colon",
        ),
        pytest.param(
            "发布时间:2023-02-11 10:20 来源:青河县交通运输局 浏览:\n",
            "交通运输局",
            id="a portal label the parser does not know ends the value before it",
        ),
        pytest.param(
            "发布机构 青交局 主题分类 财政\n发布日期:2023-02-11 信息来源:青河县交通运输局\n",
            "交通运输局",
            id="an abbreviated publisher gives way to the name written out",
        ),
    ],
)
def test_unit_from_portal_fields_without_separators(portal: str, unit: str) -> None:
    text = portal + "青河县2022年村道养护资金绩效自评报告\n" + _BODY
    assert extraction_of(text)["report"]["unit_name"] == unit


def test_the_department_in_charge_over_the_client_of_an_evaluation() -> None:
    text = (
        "青河县2022年度村道养护项目绩效评价报告\n委托单位:青河县财政局\n项目主管部门:青河县交通运输局\n"
        "评价机构:某某会计师事务所\n" + _BODY
    )
    assert extraction_of(text)["report"]["unit_name"] == "交通运输局"


def test_the_client_stays_the_unit_when_no_department_is_named() -> None:
    text = (
        "青河县2022年度村道养护项目绩效评价报告\n委托单位:青河县财政局\n评价机构:某某会计师事务所\n" + _BODY
    )
    assert extraction_of(text)["report"]["unit_name"] == "财政局"


_FUND_TITLE = "青河县2022年村道养护资金绩效自评报告\n一、资金下达情况\n"


@pytest.mark.parametrize(
    ("body", "budget"),
    [
        pytest.param(
            "2022年省级下达我县村道养护资金800万元。具体为:一是安排甲镇村道养护300万元,"
            "配套安排县级资金120万元。二是安排乙镇村道养护资金200万元。\n",
            "800",
            id="the whole issued, then shared out in smaller parts",
        ),
        pytest.param(
            "2022年中央下达我县交通补助资金800万元,省级下达资金300万元,县级安排资金120万元。\n",
            None,
            id="figures side by side from several levels are no whole",
        ),
        pytest.param(
            "青河县2022年度村道养护(甲线、乙线)项目预算合计为96.5万元(其中:省级60万元,县级36.5万元)。\n",
            "96.5",
            id="the project's budget after a subject with a year and a list",
        ),
        pytest.param(
            "2022年资金到位。青河县2019年度村道养护(甲线、乙线)项目预算合计为96.5万元。\n",
            None,
            id="a subject naming another year states another year's budget",
        ),
    ],
)
def test_a_funds_budget(body: str, budget: str | None) -> None:
    assert extraction_of(_FUND_TITLE + body)["amounts_wan"]["budget_full_year"] == budget


def _projects(text: str) -> list[tuple[str, str | None]]:
    return [(p["name"], p["budget_wan"]) for p in extraction_of(text)["projects"]]


_LIST_INTRO = (
    "青河县财政局关于2022年度重点绩效评价结果的报告\n今年我局对3个项目开展了重点绩效评价,结果如下:\n"
)


def test_a_numbered_list_whose_name_column_says_what_it_names() -> None:
    cells = [
        "序号", "评价政策或项目资金名称", "主管部门 (业主单位)", "资金规模(万元)", "评分情况", "评级情况",
        "1", "青河县村道养护 专项资金项目", "县交通局", "120", "91", "优",
        "2", "青河县乡村学校维修资金项目", "县教育局", "85.5", "82", "良",
        "3", "青河县河道清淤工程", "县水务局",
    ]  # fmt: skip
    text = _LIST_INTRO + "".join(f"{cell} |\n" for cell in cells)
    assert _projects(text) == [
        ("青河县村道养护专项资金项目", "120"),
        ("青河县乡村学校维修资金项目", "85.5"),
        ("青河县河道清淤工程", None),
    ]


def test_a_list_without_serial_numbers_and_empty_cells_lost() -> None:
    cells = [
        "项目名称", "债券性质", "已发债券规模", "自评分数", "自评等级",
        "青河县人民医院迁建工程", "其他项目收益专项债券", "0.5", "95",
        "青河县第二中学扩建项目", "其他项目收益专项债券", "0.3", "90",
    ]  # fmt: skip
    text = _LIST_INTRO + "单位:亿元\n" + "\n\n".join(cells) + "\n"
    assert _projects(text) == [("青河县人民医院迁建工程", None), ("青河县第二中学扩建项目", None)]


def test_a_form_label_and_its_value_is_no_list() -> None:
    text = (
        "青河县2022年村道养护项目支出绩效自评表\n项目名称\n村道养护经费\n主管部门\n青河县交通运输局\n"
        "实施单位\n青河县公路站\n"
    )
    names = [name for name, _ in _projects(text)]
    assert "青河县交通运输局" not in names and "青河县公路站" not in names


def test_a_final_accounts_page_without_its_title() -> None:
    text = (
        "—3—\n(一)本单位2023年度总收入210.5万元,其中本年收\n入180.2万元,较2022年度决算数减少12.3万元。\n"
        "(二)本单位2023年度总支出205.4万元,其中本年支\n出175.1万元,较2022年度决算数减少10.2万元,\n"
        "较2022年度决算数下降5%。\n"
    )
    result = extraction_of(text)
    assert result["report"]["title"] is None
    assert result["report"]["fiscal_year"] == 2023
    assert result["report"]["kind"] == "final_accounts"
    assert result["amounts_wan"]["appropriation_expenditure"] == "205.4"


def test_a_title_year_weighed_without_the_years_of_cited_documents() -> None:
    text = (
        "青河县2022年村道养护资金绩效自评报告\n一、概述\n本项目批复总投资45.6万元。\n"
        "依据《关于做好2021年度交通资金绩效自评的通知》和《2021年度村道养护资金管理办法》开展自评。\n"
        "2022年度下达资金45.6万元。\n"
    )
    result = extraction_of(text)
    assert result["report"]["fiscal_year"] == 2022
    assert result["amounts_wan"]["budget_full_year"] == "45.6"


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        pytest.param(
            "部门(单位)名称:青河县石桥镇政府\n", "石桥镇政府", id="a town's 政府 short for 人民政府"
        ),
        pytest.param("", "交通运输局机关", id="a bureau's own office (局机关)"),
    ],
)
def test_unit_designations(line: str, unit: str) -> None:
    title = (
        "青河县交通运输局机关2023年度\n部门决算\n" if not line else "青河县2023年度部门整体支出绩效自评报告\n"
    )
    assert (
        extraction_of(title + line + "一、部门基本情况\n本单位负责全县道路养护。\n")["report"]["unit_name"]
        == unit
    )


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        pytest.param(
            "我局高度重视,对2022年度村道养护专项开展绩效评价。\n", "project_expenditure", id="the unit's own"
        ),
        pytest.param("本报告为村道养护资金的自评报告。\n", "project_expenditure", id="the body says 自评"),
        pytest.param(
            "县财政局委托某某会计师事务所对村道养护专项开展绩效评价。\n", "key_projects", id="a third party's"
        ),
    ],
)
def test_a_fund_evaluation_title_over_a_self_evaluation(body: str, kind: str) -> None:
    text = "青河县村道养护专项资金绩效评价报告\n" + body
    assert extraction_of(text)["report"]["kind"] == kind


@pytest.mark.parametrize(
    ("sentence", "authorized", "actual"),
    [
        pytest.param("单位核定事业编制31个。", 31, None, id="posts counted in 个 in a sentence without 人"),
        pytest.param("现单位实有在职在编人员12名,退休职工3名。", None, 12, id="实有在职在编"),
        pytest.param("某某小学在职在编教职工40人,在校学生900人。", None, 40, id="在职在编教职工"),
        pytest.param("核定编制15人,实际财政供养人员11人,退休人员4人。", 15, 11, id="实际财政供养人员"),
        pytest.param("本年实际参训人员120人。", None, None, id="a count of trainees is no staff"),
    ],
)
def test_staff_counts(sentence: str, authorized: int | None, actual: int | None) -> None:
    staffing = extraction_of("某某小学2023年部门决算\n一、部门职责\n" + sentence + "\n")["staffing"]
    assert (staffing["authorized"], staffing["actual"]) == (authorized, actual)


def test_an_initial_budget_arranged_at_the_start_of_the_year() -> None:
    text = (
        "某某局2022年度党建工作项目支出绩效自评报告\n一、项目概况\n年初安排预算资金 3 万元用于开展该项目。\n"
    )
    amounts = extraction_of(text)["amounts_wan"]
    assert (amounts["budget_initial"], amounts["budget_full_year"]) == ("3", None)


@pytest.mark.parametrize(
    ("scope", "budget"),
    [
        pytest.param("本次纳入绩效评价范围的资金900万元。", None, id="another amount evaluated"),
        pytest.param("本次纳入绩效评价范围的资金1200万元。", "1200", id="all of it evaluated"),
    ],
)
def test_a_fund_issued_and_the_part_of_it_evaluated(scope: str, budget: str | None) -> None:
    text = (
        "某市2022年度交通补助资金绩效自评报告\n一、资金使用总体情况\n"
        f"2022年,市财政局共下达交通补助资金1200万元。{scope}\n"
    )
    assert extraction_of(text)["amounts_wan"]["budget_full_year"] == budget


def test_a_budget_after_the_level_of_government_that_funds_it() -> None:
    text = (
        "某某中心2022年度老旧小区改造项目支出绩效自评报告\n一、资金情况\n"
        "区级财政年初预算安排80万元专项资金,用于小区改造。\n"
    )
    assert extraction_of(text)["amounts_wan"]["budget_initial"] == "80"


@pytest.mark.parametrize(
    ("contents", "unit"),
    [
        pytest.param(
            "二、2022年度青河县档案馆决算公开表\n三、2022年度青河县档案馆决算情况说明\n",
            "档案馆",
            id="named twice",
        ),
        pytest.param("二、2022年度青河县档案馆决算公开表\n三、决算情况说明\n", None, id="named once"),
    ],
)
def test_the_unit_its_contents_name(contents: str, unit: str | None) -> None:
    text = "A33/2023-0012\n主动公开\n目录\n一、概况\n" + contents + "一、概况\n负责全县档案的收集与保管。\n"
    assert extraction_of(text)["report"]["unit_name"] == unit
