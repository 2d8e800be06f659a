"""Budget and spending figures in the phrasings real reports use (snippets invented).

Each case is a mini-report: the kind of report decides where a total goes and whether a project's
or a fund's own figures are the report's; figures a label does not clearly own stay null.
"""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing import extract_report
from tests.parsing.conftest import document_of

OVERALL = "青禾县档案馆2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"
PROJECT = "青禾县林业局2023年度护林员补助项目支出绩效自评报告\n一、项目基本情况\n"
FINAL = "青禾县档案馆2023年度部门决算\n第一部分 青禾县档案馆概况\n"


def _amounts(text: str) -> dict[str, Any]:
    result = extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()
    return {key: value for key, value in result["amounts_wan"].items() if value is not None}


def test_a_labelled_figure_in_yuan_or_yi_is_reported_not_taken() -> None:
    result = extract_report(
        document_of(FINAL + "2023年度支出总计12,345,678.90元,年初预算数1.2亿元。\n"),
        path="x.txt",
        sha256="0" * 64,
    ).as_json()
    assert result["amounts_wan"]["appropriation_expenditure"] is None
    assert result["amounts_wan"]["budget_initial"] is None
    assert [w for w in result["warnings"] if "not in 万元" in w] == [
        "amounts_wan.expenditure_total: 12,345,678.90元 is not in 万元; not taken",
        "amounts_wan.budget_initial: 1.2亿元 is not in 万元; not taken",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            FINAL + "2023年度收入总计4,518.30万元,支出总计4,518.30万元,比上年多出30.2万元。\n",
            {"appropriation_expenditure": "4518.30"},
            id="thousands separators inside a clause",
        ),
        pytest.param(
            OVERALL + "经批复,2023年年初收支预算为211.4万元,全年预算为240.9万元。本年支出合计236.3万元。\n",
            {"budget_initial": "211.4", "budget_full_year": "240.9", "appropriation_expenditure": "236.3"},
            id="年初收支预算, 全年预算 and 本年支出合计 of an overall report",
        ),
        pytest.param(
            OVERALL
            + "存在的问题:一是2023年部门年初预算64.2万元,年中调整预算为88.0万元,全年执行数86.9万元。\n",
            {"budget_initial": "64.2", "budget_full_year": "88.0", "executed": "86.9"},
            id="一是 and 年中调整预算",
        ),
        pytest.param(
            OVERALL + "1.2023年初预算资金318.6万元。2.2023年预算资金402.5万元。\n",
            {"budget_initial": "318.6", "budget_full_year": "402.5"},
            id="a year run into 年初, and a budget that names no stage",
        ),
        pytest.param(
            OVERALL + "档案部门2023年预算数2,304.50万元,执行数2,290.1万元。\n",
            {"budget_full_year": "2304.50", "executed": "2290.1"},
            id="the department as the subject of a stage-less budget",
        ),
        pytest.param(
            OVERALL + "2023年部门预算一般公共预算拨款资金共93.4万元,实际支出92.8万元。\n",
            {"budget_full_year": "93.4", "executed": "92.8"},
            id="what the budget consists of follows 预算",
        ),
        pytest.param(
            OVERALL + "下属单位预算数40.5万元,所属部门执行数38.2万元。\n",
            {},
            id="a subordinate unit's figures are not the unit's",
        ),
        pytest.param(
            OVERALL + "本年新增项目“档案修复经费”,金额6.5万元,实际支出6.2万元。\n",
            {},
            id="a project's spending in a unit's report is not the unit's",
        ),
        pytest.param(
            PROJECT + "2023年度护林员补助项目预算数为33万元,执行数为31.8万元。\n",
            {"budget_full_year": "33", "executed": "31.8"},
            id="the project as the subject",
        ),
        pytest.param(
            PROJECT + "2023年全县护林员补助经费预算72.6万元。实际执行70.15万元,执行率96.6%。\n",
            {"budget_full_year": "72.6", "executed": "70.15"},
            id="the fund as the subject; 实际执行",
        ),
        pytest.param(
            PROJECT + "2023年市林业局下达我县护林员补助专项资金64.00万元。截至2023年底项目支出61.5万元。\n",
            {"budget_full_year": "64.00", "executed": "61.5"},
            id="issued by a higher level; a single project's 项目支出 is its execution",
        ),
        pytest.param(
            PROJECT
            + "国家林草局下达护林员补助资金52万元,省林业厅下达配套资金6万元,县本级下达资金1.5万元。\n",
            {},
            id="several issued figures and no total: none",
        ),
        pytest.param(
            PROJECT + "2023年护林员补助资金合计58.4万元。"
            "其中,巡护劳务资金合计50万元,装备购置资金合计8.4万元。\n",
            {"budget_full_year": "58.4"},
            id="a fund's stated total; its parts are not",
        ),
        pytest.param(
            PROJECT + "先期下达护林员补助资金45万元,收回9万元,全年实际下达36万元。\n",
            {"budget_full_year": "36"},
            id="全年实际下达 beats what was first issued",
        ),
        pytest.param(
            PROJECT + "每名护林员每月补助 800 元,全省预算安排3.2亿元。\n",
            {},
            id="stage-less figures in 元 or 亿元 are not taken",
        ),
        pytest.param(
            OVERALL + "2023年度本馆涉及一般公共预算支出1,862.45万元。\n",
            {"appropriation_expenditure": "1862.45"},
            id="一般公共预算支出",
        ),
        pytest.param(
            OVERALL + "2023年预算资金120.5万元。\n",
            {"budget_full_year": "120.5"},
            id="a lone stage-less budget is the full-year budget",
        ),
        pytest.param(
            OVERALL + "2023年年初预算数120.5万元。2023年预算资金120.5万元。\n",
            {"budget_initial": "120.5"},
            id="a stage-less budget repeating the initial one adds nothing",
        ),
        pytest.param(
            PROJECT + "2023年本局实施项目共9个,年初批复预算6个项目420万元,调整后预算4个项目388.5万元。\n",
            {"budget_initial": "420", "budget_full_year": "388.5"},
            id="how many projects a budget covers stands between label and amount",
        ),
        pytest.param(
            PROJECT + "2023年年初预算安排5个项目资金共计260万元。\n",
            {"budget_initial": "260"},
            id="a project count and 资金共计 before the amount",
        ),
        pytest.param(
            FINAL
            + "2023年一般公共预算财政拨款基本支出512.3万元,其中:人员经费400.1万元,公用经费112.2万元。\n",
            {"basic": "512.3", "personnel": "400.1", "public_funds": "112.2"},
            id="财政拨款 before a component of spending",
        ),
        pytest.param(
            PROJECT + "2023年下达护林员补助资金52万元,实际发放49.6万元。\n",
            {"budget_full_year": "52", "executed": "49.6"},
            id="what a subsidy fund paid out is its execution",
        ),
        pytest.param(
            PROJECT + "2023年护林员补助资金共下达52万元,已支付50.8万元。\n",
            {"budget_full_year": "52", "executed": "50.8"},
            id="the fund named before 下达, and 已支付",
        ),
        pytest.param(
            PROJECT + "全年护林员补助资金支出共计47.3万元。\n",
            {"executed": "47.3"},
            id="the fund as the subject of 支出共计",
        ),
        pytest.param(
            "项目支出绩效自评表 (2023年度) 项目名称 档案修复经费 主管部门 青禾县档案馆 项目资金(万元) "
            "年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
            "年度资金总额: 36.5万元 36.5万元 35.2万元 10 96% 9.6\n",
            {"budget_initial": "36.5", "budget_full_year": "36.5", "executed": "35.2"},
            id="a form flattened onto one line, its figures written with 万元",
        ),
        pytest.param(
            FINAL + "2023年本馆支付档案数字化服务费12万元,发放慰问金3万元。\n",
            {},
            id="a payment in a 决算 is no execution figure",
        ),
        pytest.param(
            OVERALL + "2023年预算收入88.6万元,其中年初预算70万元,调整追加18.6万元。\n"
            "2023年支出90.1万元,其中基本支出90.1万元,项目支出0万元。\n",
            {
                "budget_initial": "70",
                "budget_full_year": "88.6",
                "appropriation_expenditure": "90.1",
                "basic": "90.1",
                "project": "0",
            },
            id="预算收入 as the budget, and the year's bare 支出 as the total",
        ),
        pytest.param(
            OVERALL
            + "1、收入:120.5万元。其中:财政拨款收入120.5万元。\n"
            + "2、支出:118.2万元。其中:人员经费支出80万元。\n",
            {"appropriation_revenue": "120.5", "appropriation_expenditure": "118.2", "personnel": "80"},
            id="a numbered 支出 row with its figure after a colon",
        ),
        pytest.param(
            FINAL + "本馆上年支出60万元,较上年支出增长5%。\n",
            {},
            id="a bare 支出 after another year or a comparison is no total",
        ),
        pytest.param(
            PROJECT + "2023年度本局护林员补助项目财政资金总额42.6万元,全部为县级资金,拨付使用40.1万元。\n",
            {"budget_full_year": "42.6", "executed": "40.1"},
            id="资金总额 as the budget and 拨付使用 as the execution of one project",
        ),
        pytest.param(
            PROJECT + "2023年下达青禾县中央转移支付资金(护林员补助资金)12.5万元,用于护林员劳务补助。\n",
            {"budget_full_year": "12.5"},
            id="the issued fund's own name in a parenthesis before its amount",
        ),
        pytest.param(
            OVERALL + "1、资金来源。2023年总收入320.5万元,其中财政拨款300万元,其他收入20.5万元。\n"
            "2、使用情况。用于基本支出250万元,一是工资、津贴补贴等人员经费210万元,"
            "二是办公费、差旅费、水电费等日常公用经费40万元。\n",
            {"appropriation_revenue": "300", "basic": "250", "personnel": "210", "public_funds": "40"},
            id="财政拨款 as part of the income; 用于 and a list closed by 等 before a component",
        ),
        pytest.param(
            FINAL + "本年支出中财政拨款45万元,用于设备购置。\n",
            {},
            id="财政拨款 not said of the income is no revenue",
        ),
        pytest.param(
            PROJECT + "投入护林员补助资金36.2万,执行数36.2万,执行率100%。项目覆盖2.5万人。\n",
            {"executed": "36.2"},
            id="a labelled figure in 万 without 元; an unlabelled one and 万人 stay out",
        ),
        pytest.param(
            PROJECT + "一、资金下达情况甲省林业厅、甲省财政厅(甲财农〔2023〕17号)下达2023年护林员补助专项资金"
            "1,250.5万元,其中巡护补助800万元。\n",
            {"budget_full_year": "1250.5"},
            id="issuers and their notice's number, however long, before 下达",
        ),
        pytest.param(
            PROJECT + "某省林业和草原局、某省财政厅、某省乡村振兴局(某财农〔2023〕8号)"
            "联合安排护林员补助经费46万元。\n",
            {"budget_full_year": "46"},
            id="安排 after a notice's number, with 联合",
        ),
        pytest.param(
            OVERALL + "我馆2023年年初预算项目12个,预算项目经费310.5万元,具体包括:档案数字化20万元。\n",
            {"budget_initial": "310.5"},
            id="the count's clause names the stage of the budget the next clause states",
        ),
        pytest.param(
            OVERALL + "我馆2023年实施项目12个,预算项目经费310.5万元。\n",
            {"budget_full_year": "310.5"},
            id="a count naming no stage leaves the budget stage-less",
        ),
        pytest.param(
            PROJECT + "青禾县护林员巡护补助项目按照合同进度已支付资金36.512345万元,剩余资金年底前支付。\n",
            {"executed": "36.512345"},
            id="the project's payments made at the contract's pace",
        ),
        pytest.param(
            OVERALL + "档案库房改造项目按照合同进度已支付资金36.5万元。\n",
            {},
            id="a project's payments in a unit's report are not the unit's",
        ),
        pytest.param(
            PROJECT + "青禾县本级财政安排护林员补助资金300万元,与省级资金共同用于巡护。\n",
            {},
            id="what the county's own level 安排 is its share, not the fund",
        ),
        pytest.param(
            PROJECT + "2023年市级预算安排护林员补助经费52万元。\n",
            {},
            id="a level's 预算安排 is its share",
        ),
        pytest.param(
            PROJECT + "(一)资金分配下达情况某省林业和草原局、某省财政厅、某省乡村振兴局分批下达"
            "2023年护林员补助专项资金1,250万元。\n",
            {"budget_full_year": "1250"},
            id="a heading run into the issuers, who issue 分批",
        ),
        pytest.param(
            PROJECT + "某省文旅厅(某财教〔2023〕8号)下达护林员补助经费46000元。\n",
            {},
            id="a figure issued in 元 after a notice's number is not taken",
        ),
        pytest.param(
            FINAL + "单位收入本年2,310.5万元,上年2,001.2万元。单位支出本年2,298.75万元,上年1,990万元。\n",
            {"appropriation_expenditure": "2298.75"},
            id="the unit's 支出本年 beside last year's is its total; 收入本年 is no appropriation",
        ),
        pytest.param(
            FINAL + "2023年度支出决算总额为1,234.5万元,比上年决算增加3万元。\n",
            {"appropriation_expenditure": "1234.5"},
            id="支出决算总额",
        ),
        pytest.param(
            FINAL + "2023年度本单位支出决算1,234.5万元。\n",
            {"appropriation_expenditure": "1234.5"},
            id="支出决算 after the unit and the year",
        ),
        pytest.param(
            FINAL + "2023年度部门决算支出总额1,234.5万元,其中基本支出900万元,项目支出334.5万元。\n",
            {"appropriation_expenditure": "1234.5", "basic": "900", "project": "334.5"},
            id="决算支出总额 and its parts",
        ),
        pytest.param(
            FINAL + "本年度支出总额为1234.5万元。\n",
            {"appropriation_expenditure": "1234.5"},
            id="支出总额",
        ),
        pytest.param(
            FINAL + "2023年度基本支出决算900万元,上年支出决算总额1,100万元。\n",
            {},
            id="a component's 支出决算 and last year's total are no total",
        ),
        pytest.param(
            FINAL + "单位支出本年度860万元,较上年减少40万元。\n",
            {"appropriation_expenditure": "860"},
            id="支出本年度",
        ),
        pytest.param(
            PROJECT + "该项目资金规模为1,260万元,已全部到位。\n",
            {"budget_full_year": "1260"},
            id="资金规模 as a stage-less budget",
        ),
        pytest.param(
            PROJECT + "2023年护林员补助项目资金总规模52.8万元,实际支出50万元。\n",
            {"budget_full_year": "52.8", "executed": "50"},
            id="资金总规模 after the project as its subject",
        ),
        pytest.param(
            PROJECT + "2023年护林员补助资金规模86万元。\n",
            {"budget_full_year": "86"},
            id="规模 right after the fund's name",
        ),
        pytest.param(
            PROJECT + "项目总预算为80万元,年初预算80万元。\n",
            {"budget_initial": "80"},
            id="总预算 repeating the initial budget adds nothing",
        ),
        pytest.param(
            PROJECT + "项目资金规模为860000元。\n",
            {},
            id="a fund's size in 元 is not taken",
        ),
    ],
)
def test_amount_phrasing(text: str, expected: dict[str, Any]) -> None:
    assert _amounts(text) == expected


KEY = "青禾县财政局2023年度重点绩效评价工作情况\n一、评价开展情况\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            KEY + "我局选取了甲项目、乙工程等12个项目进行绩效评价。涉及资金总额8,600万元。\n",
            id="涉及资金总额 in the sentence after the count",
        ),
        pytest.param(
            KEY + "对15个重点项目开展了重点绩效评价,共涉及财政资金总额3200.5万元。\n",
            id="the count and the money in one sentence",
        ),
        pytest.param(
            KEY + "纳入评价的项目共8个;涉及项目资金总额960万元。\n",
            id="评价项目共8个, then the money",
        ),
        pytest.param(
            KEY + "对甲、乙等9个项目开展重点评价,评价资金规模4,350万元。\n",
            id="the evaluated money's 规模",
        ),
        pytest.param(
            KEY + "本次抽取十二个专项开展重点评价,涉及资金总额1200万元。\n",
            id="a count in Chinese numerals",
        ),
    ],
)
def test_the_money_several_evaluated_projects_involve_is_no_budget(text: str) -> None:
    assert _amounts(text) == {}


def test_in_an_announcement_any_budget_figure_after_the_count_is_combined() -> None:
    text = "青禾县财政局关于2023年度重点绩效评价结果的公告\n一、评价情况\n"
    text += "本次评价项目共20个,资金总额26,490万元。\n"
    result = extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()
    assert result["report"]["kind"] == "key_projects"
    assert result["amounts_wan"]["budget_full_year"] is None


def test_the_budget_of_the_units_own_counted_projects_stays() -> None:
    text = PROJECT + "2023年预算安排我局项目共计23个,财政资金总额1,320万元。\n"
    assert _amounts(text) == {"budget_full_year": "1320"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            PROJECT + "2023年批复我局项目6个，项目资金480万元。\n",
            {"budget_full_year": "480"},
            id="the projects approved, counted, then their money",
        ),
        pytest.param(
            PROJECT + "经批复，核定本单位项目共4个，资金共计126.5万元。\n",
            {"budget_full_year": "126.5"},
            id="核定 with 共 before the count",
        ),
        pytest.param(
            PROJECT + "上级下达护林员补助资金12万元，截至年底资金已使用11.6万元。\n",
            {"budget_full_year": "12", "executed": "11.6"},
            id="资金已使用 after the fund",
        ),
        pytest.param(
            PROJECT + "全年预算1,380.5万元，截止2023年12月31日，已经支出1,204.75万元。\n",
            {"budget_full_year": "1380.5", "executed": "1204.75"},
            id="已经支出 with thousands separators",
        ),
        pytest.param(
            PROJECT + "资金累计使用9万元。\n",
            {"executed": "9"},
            id="资金累计使用",
        ),
    ],
)
def test_counted_approvals_and_use_of_a_fund(text: str, expected: dict[str, Any]) -> None:
    assert _amounts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            PROJECT + "省厅第一批下达我局 点击查看>> 万元。\n省厅第二批下达我局3.4万元。\n",
            id="a masked issue, then a readable one",
        ),
        pytest.param(
            PROJECT + "下达我局护林员补助资金（略）万元。\n追加下达我局护林员补助资金2.5万元。\n",
            id="（略） for the figure",
        ),
        pytest.param(
            PROJECT + "下达我局护林员补助资金***万元，其后下达我局护林员补助资金6万元。\n",
            id="asterisks for the figure",
        ),
    ],
)
def test_a_masked_issue_leaves_the_readable_one_unsure(text: str) -> None:
    assert "budget_full_year" not in _amounts(text)
