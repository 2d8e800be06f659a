"""Titles as real pages break and decorate them, the report kind they tell, and the fiscal year
(snippets invented, layouts as seen on several provinces' portals)."""

from __future__ import annotations

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.fiscal_year import fiscal_year
from ingestion.parsing.kind import report_kind
from tests.parsing.conftest import document_of


def _report(text: str) -> dict:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).report.model_dump()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "青川县卫健局2021年度项目绩效自评报告(乡村医生培训经费项目)\n一、自评结论\n",
            "青川县卫健局2021年度项目绩效自评报告(乡村医生培训经费项目)",
            id="a parenthesis after the report word",
        ),
        pytest.param(
            "2022年度县级专项资金绩效目标自评表.docx\n"
            "《2022年度县级专项资金绩效目标自评表.docx》由会员分享,可在线阅读。\n"
            "1、2022年度县级专项资金绩效目标自评表专项资金名称县级档案修复经费县级主管部门青川县档案馆\n",
            "2022年度县级专项资金绩效目标自评表",
            id="a 绩效目标自评表 named by a download's file name",
        ),
        pytest.param(
            "青川县水务局2022年河道清淤资金支出绩效自评报告\n(2023年度)\n项目单位:青川县水务局\n",
            "青川县水务局2022年河道清淤资金支出绩效自评报告(2023年度)",
            id="a parenthesis line below",
        ),
        pytest.param(
            "青川县文化馆2022年度部门决算\n青川县文化馆2022年度部门决算\n(2023年9月)\n第一部分 单位概况\n",
            "青川县文化馆2022年度部门决算",
            id="the title twice",
        ),
        pytest.param(
            "青川县河道所乡村河道项目资金\n绩效评价报告\n一、基本情况\n项目资金120万元。\n",
            "青川县河道所乡村河道项目资金绩效评价报告",
            id="a title without a year continues the line above",
        ),
        pytest.param(
            "2023年市级农业示范项目\n青川县食用菌园区\n提升工程绩效评价报告\n一、基本情况\n",
            "2023年市级农业示范项目青川县食用菌园区提升工程绩效评价报告",
            id="a title over three lines",
        ),
        pytest.param(
            "青川县人民政府\n政府信息公开\n青川县文化馆2023年度决算说明\n第一部分 单位概况\n",
            "青川县文化馆2023年度决算说明",
            id="a banner above a portal line stays out",
        ),
        pytest.param(
            "《青川县实验小学课后服务经费绩效自评价报告.pdf》在线预览。\n"
            "青川县实验小学课后服务经费绩效自评价报告一、项目概况(一)经费概况本校课后服务经费20万元。\n",
            "青川县实验小学课后服务经费绩效自评价报告",
            id="a title run on into the report",
        ),
        pytest.param(
            "按照预算管理要求,本局开展了2022年度部门整体支出绩效自评。\n"
            "附件:1.某某市青禾局2022年度部门整体支出绩效自评报告\n2.2022年度“某某发展资金”绩效自评报告\n",
            "某某市青禾局2022年度部门整体支出绩效自评报告",
            id="the first attached report where nothing else is a title",
        ),
        pytest.param(
            "青川县水务局2023年度项目支出绩效自评情况说明\n一、项目概况\n",
            "青川县水务局2023年度项目支出绩效自评情况说明",
            id="a 绩效自评情况说明",
        ),
        pytest.param(
            "青川县财政局关于2022年度重点绩效评价结果的公开\n一、评价概况\n",
            "青川县财政局关于2022年度重点绩效评价结果的公开",
            id="评价结果的公开",
        ),
    ],
)
def test_title(text: str, title: str) -> None:
    assert _report(text)["title"] == title


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        pytest.param(
            "青川县财政局关于2022年度部门预算项目绩效评价结果的公示",
            "",
            "key_projects",
            id="results announcement",
        ),
        pytest.param(
            "2022年度青川县某镇产业发展资金绩效评价报告",
            "",
            "key_projects",
            id="a fund evaluated",
        ),
        pytest.param(
            "青川县2023年城区排水管网改造工程 重点绩效评价报告", "", "key_projects", id="重点绩效评价"
        ),
        pytest.param(
            "青禾县档案馆2023年度绩效自评工作总结", "", "overall_expenditure",
            id="a department's self-evaluation summary naming no project",
        ),
        pytest.param(
            "青禾县档案数字化项目绩效自评总结", "", "project_expenditure",
            id="a project's self-evaluation summary",
        ),
        pytest.param(
            "青禾市2021年度河道整治资金绩效评价结果的说明",
            "",
            "key_projects",
            id="an office's explanation of a fund's evaluation results",
        ),
        pytest.param(
            "2021年度青川县农村供水保障资金全周期跟踪问效报告",
            "",
            "key_projects",
            id="跟踪问效",
        ),
        pytest.param(
            "青川县卫健局2023年度部门绩效自评工作情况总结",
            "",
            "overall_expenditure",
            id="部门绩效自评总结",
        ),
        pytest.param(
            "青川县农机站2021年度整体和项目支出绩效自评总结",
            "",
            "overall_expenditure",
            id="整体和项目",
        ),
        pytest.param("关于青川县2021年县级决算草案的报告", "", "final_accounts", id="决算草案"),
        pytest.param("2022年度青川县实验中学本级决算", "", "final_accounts", id="本级决算"),
        pytest.param(
            "青川县水务局2023年度资金绩效自评报告",
            "",
            "project_expenditure",
            id="a fund's self-evaluation",
        ),
        pytest.param(
            "青川县2021年第二批堤防加固工程绩效自评报告",
            "",
            "project_expenditure",
            id="a works' self-evaluation",
        ),
        pytest.param(
            "青川县卫健局关于“2022年某补助资金”管理使用情况", "", "project_expenditure", id="a fund's use"
        ),
        pytest.param(
            None,
            "一、绩效目标分解下达情况\n(一)中央下达预算情况。",
            "project_expenditure",
            id="transfer template",
        ),
        pytest.param(
            None,
            "本局对青川县茶叶初制所建设项目(二期)实施情况开展了自评。",
            "project_expenditure",
            id="项目…开展了自评",
        ),
        pytest.param(
            None,
            "某会计师事务所受青川县财政局委托,对该专项资金开展绩效评价。",
            "key_projects",
            id="commissioned",
        ),
        pytest.param(
            "部门整体支出及项目支出绩效评价报告",
            "一、基本情况\n(一)部门整体支出概况。",
            "overall_expenditure",
            id="a unit's overall spending evaluated with its projects",
        ),
        pytest.param(
            "青川县茶园提质补助项目绩效评价报告",
            "",
            "key_projects",
            id="an evaluation of one fund's project",
        ),
        pytest.param(
            None,
            "我局委托第三方机构,对2022年市级4个项目开展了部门整体支出绩效评价和项目绩效评价。\n"
            "附件1:2022年某补助项目绩效评价报告.pdf\n附件2:某工程绩效评价报告.pdf",
            "key_projects",
            id="an office's own commissioned evaluations outweigh the 项目绩效 it lists",
        ),
        pytest.param(
            None,
            "现将青川县水利局2023年度专项债券资金绩效评价情况公示如下:\n序号 | 项目名称 | 评价得分 |",
            "key_projects",
            id="results published (公示如下) without a title",
        ),
        pytest.param(
            None,
            "我厅组织开展了部门整体支出绩效自评。此外,市财政局委托第三方机构对某专项资金开展了重点评价。"
            "部门整体支出绩效自评涉及资金12万元。",
            "overall_expenditure",
            id="another office's commissioned evaluation mentioned in passing",
        ),
        pytest.param(
            "青禾县水利局(汇总)2023年度财政支出绩效评价报告", "", "overall_expenditure",
            id="a unit's 财政支出绩效评价 naming no project is overall",
        ),
        pytest.param(
            "青禾县灌区维修项目财政支出绩效评价报告", "", "key_projects",
            id="a project's 财政支出绩效评价 is not overall",
        ),
        pytest.param(
            "青禾县园林管理局2021年行道树养护项目支出绩效评价报告", "一、项目概况\n(一)项目背景\n",
            "project_expenditure", id="an office heading its own project's evaluation",
        ),
        pytest.param(
            "宜昌市中心医院2022年设备购置资金绩效评价报告", "一、项目基本情况\n", "project_expenditure",
            id="a hospital heading its own fund's evaluation",
        ),
        pytest.param(
            "青禾县园林管理局2021年行道树养护项目支出绩效评价报告",
            "青禾县财政局组建评价小组对县园林管理局行道树养护项目实施了绩效评价。", "key_projects",
            id="the office heads the title but the finance office evaluated",
        ),
        pytest.param(
            "青禾县财政局2021年行道树养护项目绩效评价报告", "", "key_projects",
            id="a finance office heading the title evaluates others' funds",
        ),
        pytest.param(
            "2021年度项目支出绩效自评总报告", "一、项目总体完成情况\n", "overall_expenditure",
            id="a summary over all the unit's project self-evaluations is overall",
        ),
        pytest.param(
            "2021年度路灯维护项目支出绩效自评报告", "", "project_expenditure",
            id="near miss: one project's self-evaluation report stays a project's",
        ),
        pytest.param(
            None,
            "目录\n第一部分:青禾县预算评审中心概况\n第二部分:2021年度单位决算报表\n表一:收入支出决算总表\n"
            "表二:收入决算表\n(一)受青禾县财政局委托,开展重点项目绩效评价工作;\n",
            "final_accounts", id="a 决算's contents outweigh duties done on a finance office's commission",
        ),
        pytest.param(
            None,
            "现将评价情况报告如下。按收入支出决算总表口径,受青禾县财政局委托开展重点项目绩效评价。\n",
            "key_projects", id="near miss: a 决算 table named in a sentence is no contents line",
        ),
        pytest.param(
            None,
            "一、项目概况\n(一)项目基本情况\n该项目由县交通局建设。\n(二)项目年度绩效目标和指标\n",
            "project_expenditure", id="a project self-evaluation's outline without a title",
        ),
        pytest.param(
            None, "一、部门概况\n(二)部门年度预算绩效目标设定情况\n", "unknown",
            id="near miss: a department's annual target is no project's",
        ),
    ],
)  # fmt: skip
def test_report_kind(title: str | None, body: str, kind: str) -> None:
    assert report_kind(title, body) == kind


@pytest.mark.parametrize(
    ("title", "body", "year"),
    [
        pytest.param(
            "青川县水务局2022年河道清淤资金支出绩效自评报告(2023年度)",
            "",
            2023,
            id="parenthesised year",
        ),
        pytest.param(
            "青川县2021-2023年度农村公路养护专项资金绩效评价报告",
            "",
            None,
            id="a range of years",
        ),
        pytest.param(
            "青川县财政局关于2023年部门预算项目绩效评价结果的公告",
            "本次评价对象为2022年度使用财政资金的项目,共评价2022年度项目12个。",
            2022,
            id="an announcement's evaluation year",
        ),
        pytest.param(
            "2021年青川县河道保洁项目绩效自评报告",
            "2021年度河道保洁项目完成。",
            2021,
            id="the covered year itself",
        ),
        pytest.param(
            "2023年度青川县某局部门决算",
            "2022年度预算调整。2022年度收入。",
            2023,
            id="年度 in the title",
        ),
        pytest.param(
            None,
            "发布日期:2025年5月8日\n根据《某省财政厅关于下达2025年河道整治补助资金的通知》,2024年下达我县资金"
            "80万元。青禾县2024年河道整治补助资金已拨付,截至2025年4月已完工。",
            2024,
            id="no title: a cited notice's year and dates give way to the year the body names",
        ),
        pytest.param(
            None,
            "发布日期:2025年5月8日\n截至2025年4月已完工。",
            2025,
            id="no title: dates alone still name the year",
        ),
    ],
)  # fmt: skip
def test_fiscal_year(title: str | None, body: str, year: int | None) -> None:
    assert fiscal_year(title, body)[0] == year


@pytest.mark.parametrize(
    ("title", "body", "published", "year"),
    [
        pytest.param("青禾县林业局上年度部门整体支出绩效自评报告", "", "2024年6月15日", 2023,
                     id="published, 年"),
        pytest.param("青禾县林业局上年度部门整体支出绩效自评报告", "", "2024-06-15 09:30", 2023,
                     id="published, dashes"),
        pytest.param("青禾县林业局部门整体支出绩效自评报告", "现将我局上一年度整体支出自评情况报告如下。\n"
                     "青禾县林业局\n2024年3月1日", "", 2023, id="上一年度 in the body, the closing date"),
        pytest.param(None, "上年度结转资金已全部使用。截至2024年4月已完工。", "", 2023,
                     id="a 决算's carry-over from 上年度"),
        pytest.param(None, "本年收入较上年度增加10万元。截至2024年4月已完工。", "", 2024,
                     id="a comparison with 上年度 says nothing of the year"),
        pytest.param(None, "2023年度项目完成。上年度结转资金已使用。", "2024年6月15日", 2023,
                     id="a year the body names stays"),
        pytest.param("青禾县林业局上年度部门整体支出绩效自评报告", "", "", None, id="no date at all"),
    ],
)  # fmt: skip
def test_year_named_as_last_year(title: str | None, body: str, published: str, year: int | None) -> None:
    assert fiscal_year(title, body, published)[0] == year


def test_last_year_from_the_portal_date() -> None:
    report = _report("发布时间:2024年6月15日\n青禾县林业局上年度部门整体支出绩效自评报告\n一、部门概况\n")
    assert report["fiscal_year"] == 2023
