"""Layouts of real published reports beyond the seeds (fixtures invented, layouts as seen).

Portal blocks before the title, 部门决算 titles, region prefixes with 人民政府, shortened
autonomous-prefecture names, a unit alone on the top line, form fields (评价单位（公章）),
PDF-to-text line breaks and spaced numbers, cut-off numbers and tables of contents.
"""

from __future__ import annotations

import pytest

from tests.parsing.conftest import extraction_of


@pytest.mark.parametrize(
    ("text", "unit", "region", "kind", "year"),
    [
        pytest.param(
            "信息公开\n- 索引号: abc/2025-00011\n- 发布机构: 湘西州农技推广站\n- 发布日期: 2025-04-20\n"
            "湘西州农技推广站2024年度项目支出绩效自评报告\n一、基本情况\n本站承担全州农技推广。\n",
            "农技推广站",
            ("湖南省", "湘西土家族苗族自治州", None, "433100"),
            "project_expenditure",
            2024,
            id="dash-list portal block and a shortened autonomous prefecture",
        ),
        pytest.param(
            "[ 索引号 ] | 1150000000/2024-00001 | [ 发文字号 ] | |\n"
            "[ 发布机构 ] | 垫江县青禾镇 | [ 有效性 ] | |\n"
            "[ 发布日期 ] | 2024-03-01 | [ 成文日期 ] | 2024-03-01 |\n"
            "垫江县青禾镇人民政府2023年度决算公开\n一、单位基本情况\n青禾镇人民政府负责全镇事务。\n",
            "青禾镇人民政府",
            ("重庆市", "重庆市", "垫江县", "500231"),
            "final_accounts",
            2023,
            id="bracketed pipe rows and a 部门决算 title",
        ),
        pytest.param(
            "索引号:\nqq11/2023-00042\n发布机构:\n株洲市财政局\n发布日期:\n2024-09-12\n"
            "杭州市钱塘区人民政府松岭街道办事处2022年部门决算公开说明\n目 录\n第一部分 部门概况\n",
            "松岭街道办事处",
            ("浙江省", "杭州市", "钱塘区", "330114"),
            "final_accounts",
            2022,
            id="labels and values on separate lines; 人民政府 dropped; a district set up in 2021",
        ),
        pytest.param(
            "2023年度湖南省株洲市天元区枫溪街道办事处\n目 录\n第一部分 部门概况\n一、主要职能\n"
            "二、预算执行情况\n",
            "枫溪街道办事处",
            ("湖南省", "株洲市", "天元区", "430211"),
            "unknown",
            2023,
            id="the unit alone on the top line",
        ),
        pytest.param(
            "索引号: | x100200-0601-2022-0009 | 主题分类: | 综合政务 |\n"
            "发布机构: | 天元区枫溪街道 | 生成日期: | 2022-11-17 |\n"
            "枫溪街道办事处2022年部门决算\n一、部门主要职责\n",
            "枫溪街道办事处",
            ("湖南省", "株洲市", "天元区", "430211"),
            "final_accounts",
            2022,
            id="region from the portal's 发布机构 when it is the unit itself",
        ),
        pytest.param(
            "白沙镇部门整体支出绩效自评报告\n评价年度：2024\n评价单位（公章）：徐闻县白沙镇人民政府\n"
            "一、单位基本情况\n",
            "白沙镇人民政府",
            ("广东省", "湛江市", "徐闻县", "440825"),
            "overall_expenditure",
            2024,
            id="评价单位（公章） field",
        ),
        pytest.param(
            "2021 年茂名市城市管理局整体支出\n绩效自评报告\n根据通知要求，我单位开展了自评。\n",
            "城市管理局",
            ("广东省", "茂名市", None, "440900"),
            "overall_expenditure",
            2021,
            id="a title broken over two lines with a spaced year",
        ),
    ],
)
def test_report_meta(text: str, unit: str, region: tuple, kind: str, year: int) -> None:
    report = extraction_of(text)["report"]
    assert report["unit_name"] == unit
    assert tuple(report["region"].values()) == region
    assert (report["kind"], report["fiscal_year"]) == (kind, year)


def test_portal_label_does_not_swallow_the_title() -> None:
    report = extraction_of("访问量:\n于都县岭背镇党政办2019年度部门决算\n一、主要职能\n")["report"]
    assert report["title"] == "于都县岭背镇党政办2019年度部门决算"
    assert report["unit_name"] == "岭背镇党政办"


@pytest.mark.parametrize(
    ("text", "amounts", "staffing"),
    [
        pytest.param(
            "一、部门基本情况\n我局实有编制数 41 人，2022 年末在职人数 38 人、离\n退休人数 12 人。\n"
            "二、支出情况\n2022年度一般公共预算财政拨款支出2 345.67 万元，其中：基本支出\n"
            "2 111.17万元，项目支出234.50万元。\n",
            {"appropriation_expenditure": "2345.67", "basic": "2111.17", "project": "234.50"},
            {"authorized": 41, "actual": 38},
            id="PDF text: wrapped lines, spaced digits; 离/退休 broken is still 离退休",
        ),
        pytest.param(
            "一、收入支出决算总体情况说明\n2022年度收、支总计均为812.40万元。\n",
            {"appropriation_expenditure": "812.40"},
            {},
            id="收、支总计均为 in a 部门决算",
        ),
        pytest.param(
            "一、基本情况\n人员编制\n64\n实有人数\n59\n二、支出\n基本支出2846.27万元，项目支出33",
            {"basic": "2846.27"},
            {"authorized": 64, "actual": 59},
            id="a form as text; a number cut at the end is not taken",
        ),
        pytest.param(
            "目 录\n一、部门主要职责.............................3\n二、收入决算表..............14-15\n"
            "联系电话：0731-2345678，索引号 4302030001/2022-00012。\n",
            {},
            {},
            id="table of contents, phone numbers and 索引号 are no amounts",
        ),
    ],
)
def test_prose_figures(text: str, amounts: dict[str, str], staffing: dict[str, int]) -> None:
    result = extraction_of("某某街道办事处2022年部门决算\n" + text)
    assert {k: v for k, v in result["amounts_wan"].items() if v is not None} == amounts
    assert {k: v for k, v in result["staffing"].items() if v is not None} == staffing


def test_evidence_points_at_the_document_text() -> None:
    text = (
        "某某街道办事处2022年部门决算\n一、支出\n"
        "2022年度财政拨款支出1 234.56 万元，其中：基本支出\n1 000.06万元。\n"
    )
    result = extraction_of(text)
    for pointer in ("/amounts_wan/appropriation_expenditure", "/amounts_wan/basic"):
        cited = result["evidence"][pointer]
        assert text[cited["start"] : cited["end"]] == cited["text"]


def test_staff_counts_of_a_basic_data_table_one_cell_per_line() -> None:
    text = (
        "部门整体支出基础数据表（2023年度）\n财政供养人员情况(人\n编制数\n2023 年实际在职人数\n"
        "控制率\n12\n15\n125%\n"
    )
    staff = extraction_of(text)["staffing"]
    assert (staff["authorized"], staff["actual"]) == (12, 15)


def test_basic_and_project_spending_stated_in_a_form_one_cell_per_line() -> None:
    text = (
        "2023年度部门整体支出绩效自评表\n年度预算申请\n(万元\n年初预算数\n全年预算数\n全年执行数\n分值\n"
        "执行率\n自评得分\n年度资金总额\n40.5\n47.9\n47.9\n10\n100%\n10\n按支出性质分:47.9\n"
        "其中:基本支出:30.5\n项目支出:17.4\n年度总体目标\n"
    )
    amounts = extraction_of(text)["amounts_wan"]
    assert (amounts["basic"], amounts["project"]) == ("30.5", "17.4")
