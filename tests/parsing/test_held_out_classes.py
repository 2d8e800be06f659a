"""Phrasings found missed or misread on held-out pages, each with its near miss (snippets invented).

Funds stated over a span of years are no year's budget; the 一般公共预算 income line is 财政拨款
income only while no other 财政拨款 line states money, and a form's 按收入性质 split states it;
staff counts stand beside their labels in form rows, or in a hospital's or a school's own words.
"""

from __future__ import annotations

import pytest

from tests.parsing.test_others_figures import FINAL_ACCOUNTS_CONTENTS, _amounts, _result

KEY_EVAL_TITLE = "关于青溪县文化惠民专项资金的绩效评价报告\n"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("2019—2021年,县财政累计安排文化惠民专项资金2,468.00万元。", id="a range of years"),
        pytest.param("2020年、2021年青溪县文化惠民专项资金共计913万元。", id="two years listed"),
    ],
)
def test_a_fund_stated_over_several_years_is_no_budget(sentence: str) -> None:
    result = _result(KEY_EVAL_TITLE + "一、项目基本情况\n" + sentence + "\n")
    assert "budget_full_year" not in _amounts(result)
    assert all(project["budget_wan"] is None for project in result["projects"])


def test_a_fund_stated_for_one_year_keeps_its_budget() -> None:
    result = _result(
        "关于青溪县2021年度文化惠民专项资金的绩效评价报告\n一、项目基本情况\n"
        "2021年青溪县文化惠民专项资金共计913万元,与2020年相比增加12万元。\n"
    )
    assert _amounts(result).get("budget_full_year") == "913"


@pytest.mark.parametrize(
    ("other_line", "revenue"),
    [
        pytest.param("政府性基金预算财政拨款收入6.20万元", None, id="a non-zero fund line"),
        pytest.param("政府性基金预算财政拨款收入0万元", "210.40", id="a zero fund line"),
    ],
)
def test_the_general_budget_line_is_the_appropriation_alone(other_line: str, revenue: str | None) -> None:
    result = _result(
        "某县河口镇中心学校2022年度部门决算\n"
        + FINAL_ACCOUNTS_CONTENTS
        + f"本年收入合计230.10万元,其中:一般公共预算财政拨款收入210.40万元,{other_line},其他收入13.50万元。\n"
    )
    assert _amounts(result).get("appropriation_revenue") == revenue


@pytest.mark.parametrize(
    ("fund_line", "revenue"),
    [
        pytest.param("政府性基金拨款:\n", "612.30", id="a blank fund line"),
        pytest.param("政府性基金拨款:45万元\n", None, id="a fund line with money"),
    ],
)
def test_the_income_split_of_a_form_states_the_appropriation(fund_line: str, revenue: str | None) -> None:
    result = _result(
        "2022年度青溪县水利局部门整体支出绩效自评表\n年度资金总额\n700.30万元\n按收入性质分:\n\n按支出性质分:\n"
        "其中: 一般公共预算:612.30万元\n其中:基本支出:300.30万元\n"
        + fund_line
        + "项目支出:400万元\n其他资金:88万元\n"
    )
    assert _amounts(result).get("appropriation_revenue") == revenue


def test_a_general_budget_figure_without_the_income_split_is_no_appropriation() -> None:
    result = _result("2022年度青溪县水利局部门整体支出绩效自评表\n其中: 一般公共预算:612.30万元\n")
    assert "appropriation_revenue" not in _amounts(result)


@pytest.mark.parametrize(
    "form",
    [
        pytest.param("人员编制 | 36 | 实有人数 | 31 |\n", id="one pipe row"),
        pytest.param("人员编制 |\n36 |\n实有人数 |\n31 |\n", id="one cell a line"),
    ],
)
def test_a_form_row_sets_staff_counts_beside_their_labels(form: str) -> None:
    result = _result(
        "青溪县2022年度部门(单位)整体支出绩效评价自评报告\n联系人 | 某某 | 联系电话 | 0000-1234567 |\n" + form
    )
    assert {k: v for k, v in result["staffing"].items() if v} == {"authorized": 36, "actual": 31}


@pytest.mark.parametrize(
    ("sentence", "actual"),
    [
        pytest.param("本院在岗职工46人,退休职工9人;编制床位50张。", 46, id="staff in post"),
        pytest.param("我校现有学生 512人,18个教学班,教职工61人。", 61, id="a school's staff"),
        pytest.param("全年培训教职工120人次,退休教职工7人。", None, id="trained and retired"),
    ],
)
def test_staff_in_post_in_a_units_own_words(sentence: str, actual: int | None) -> None:
    result = _result("某县河口镇中心学校2022年度部门决算\n" + FINAL_ACCOUNTS_CONTENTS + sentence + "\n")
    assert result["staffing"]["actual"] == actual


def _flattened_summary(fund_cells: str) -> str:
    return (
        "2022年度青溪县档案馆部门决算\n第二部分\n收入支出决算总表\n\n公开01表\n\n金额单位:万元\n\n收入\n\n支出\n\n"
        "项目\n\n行次\n\n金额\n\n一、一般公共预算财政拨款收入\n\n1\n\n356.18\n\n一、一般公共服务支出\n\n31\n\n"
        "301.02\n\n二、政府性基金预算财政拨款收入\n\n2\n\n" + fund_cells + "二、外交支出\n\n32\n\n\n"
        "三、国有资本经营预算财政拨款收入\n\n3\n\n\n三、国防支出\n\n33\n\n"
    )


@pytest.mark.parametrize(
    ("fund_cells", "revenue"),
    [
        pytest.param("\n", "356.18", id="the fund line blank"),
        pytest.param("0.00\n\n", "356.18", id="the fund line zero"),
        pytest.param("12.50\n\n", None, id="the fund line with money"),
    ],
)
def test_a_flattened_summary_table_states_the_appropriation(fund_cells: str, revenue: str | None) -> None:
    assert _amounts(_result(_flattened_summary(fund_cells))).get("appropriation_revenue") == revenue


def test_a_flattened_summary_without_its_unit_states_nothing() -> None:
    text = _flattened_summary("\n").replace("金额单位:万元", "金额单位:元")
    assert "appropriation_revenue" not in _amounts(_result(text))


def test_spending_named_with_the_project_funds_is_the_execution() -> None:
    result = _result(
        "青溪县交通运输局2021年度项目支出绩效自评报告\n一、项目基本情况\n"
        "2021年5月3日县财政局下达我局项目前期工作经费80.00万元。\n2.项目资金执行情况\n"
        "实际支出项目资金76.40万元,资金执行率95.50%。\n"
    )
    assert _amounts(result).get("executed") == "76.40"


@pytest.mark.parametrize(
    ("sentences", "basic"),
    [
        pytest.param(
            "2022年部门年初预算支出900.00万元,其中:基本支出300.00万元,项目支出600.00万元。"
            "部门决算支出880.50万元,其中:基本支出310.20万元,项目支出570.30万元。",
            "310.20",
            id="the plan's parts before the spending's",
        ),
        pytest.param(
            "2022年一般公共预算财政拨款支出880.50万元,其中:基本支出310.20万元,项目支出570.30万元。",
            "310.20",
            id="near miss: the general budget's spending keeps its parts",
        ),
    ],
)
def test_parts_of_a_planned_budget_are_not_the_spending(sentences: str, basic: str) -> None:
    result = _result("青溪县档案馆2022年度部门决算\n" + FINAL_ACCOUNTS_CONTENTS + sentences + "\n")
    assert _amounts(result).get("basic") == basic
