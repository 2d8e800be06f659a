"""Titles as real pages break and decorate them, the report kind they tell, and the fiscal year
(snippets invented, layouts as seen on several provinces' portals)."""

from __future__ import annotations

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.fiscal_year import fiscal_year
from ingestion.parsing.kind import report_kind
from tests.parsing.conftest import document_of


def _report(text: str) -> dict:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64)["report"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "青川县卫健局2022年度项目绩效自评报告(慰问经费项目)\n一、自评结论\n",
            "青川县卫健局2022年度项目绩效自评报告(慰问经费项目)",
            id="a parenthesis after the report word",
        ),
        pytest.param(
            "青川县林业局2023年护林补助资金项目支出绩效自评报告\n(2024年度)\n项目单位:青川县林业局\n",
            "青川县林业局2023年护林补助资金项目支出绩效自评报告(2024年度)",
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
            "2022年省级产业重点项目\n青川县茶叶基地\n建设项目绩效评价报告\n一、基本情况\n",
            "2022年省级产业重点项目青川县茶叶基地建设项目绩效评价报告",
            id="a title over three lines",
        ),
        pytest.param(
            "青川县人民政府\n政府信息公开\n青川县文化馆2023年度决算说明\n第一部分 单位概况\n",
            "青川县文化馆2023年度决算说明",
            id="a banner above a portal line stays out",
        ),
        pytest.param(
            "《青川县第四中学专项资金绩效自评价报告.docx》由会员分享。\n"
            "青川县第四中学专项资金绩效自评价报告一、基本情况(一)项目基本概况我校项目为一个,资金共计20万元。\n",
            "青川县第四中学专项资金绩效自评价报告",
            id="a title run on into the report",
        ),
        pytest.param(
            "根据财政管理要求,2020年度我厅开展了部门整体支出绩效自评。\n"
            "附 件:1.青海省青禾厅2020年度部门整体支出绩效自评报告\n2.2020年度“某专项资金”绩效自评报告\n",
            "青海省青禾厅2020年度部门整体支出绩效自评报告",
            id="the first attached report where nothing else is a title",
        ),
    ],
)
def test_title(text: str, title: str) -> None:
    assert _report(text)["title"] == title


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        pytest.param(
            "青川县财政局关于2024年财政支出绩效评价结果的通报",
            "",
            "key_projects",
            id="results announcement",
        ),
        pytest.param(
            "2021年度青川县某镇乡村振兴专项资金绩效评价报告",
            "",
            "key_projects",
            id="a fund evaluated",
        ),
        pytest.param("青川县2023年老旧小区改造项目 重点绩效评价报告", "", "key_projects", id="重点绩效评价"),
        pytest.param(
            "2020年度青川县老旧小区改造补助资金全周期跟踪问效报告",
            "",
            "key_projects",
            id="跟踪问效",
        ),
        pytest.param(
            "青川县教育局2022年部门绩效自评工作情况总结",
            "",
            "overall_expenditure",
            id="部门绩效自评总结",
        ),
        pytest.param(
            "青川县水务所2022年整体和项目支出绩效自评总结报告",
            "",
            "overall_expenditure",
            id="整体和项目",
        ),
        pytest.param("关于青川县2022年区级决算草案的报告", "", "final_accounts", id="决算草案"),
        pytest.param("2023年度青川县第四小学本级决算", "", "final_accounts", id="本级决算"),
        pytest.param(
            "青川县民政局2024年度资金绩效自评报告",
            "",
            "project_expenditure",
            id="a fund's self-evaluation",
        ),
        pytest.param(
            "青川县2020年第一批防护工程绩效自评报告",
            "",
            "project_expenditure",
            id="a works' self-evaluation",
        ),
        pytest.param(
            "青川县民政局关于“2021年某补助资金”管理使用情况", "", "project_expenditure", id="a fund's use"
        ),
        pytest.param(
            None,
            "一、绩效目标分解下达情况\n(一)中央下达预算情况。",
            "project_expenditure",
            id="transfer template",
        ),
        pytest.param(
            None,
            "我单位对青川县冷链中心建设项目(一期)执行情况开展了自评。",
            "project_expenditure",
            id="项目…开展了自评",
        ),
        pytest.param(
            None,
            "某会计师事务所受青川县财政局委托,对该专项资金开展绩效评价。",
            "key_projects",
            id="commissioned",
        ),
    ],
)  # fmt: skip
def test_report_kind(title: str | None, body: str, kind: str) -> None:
    assert report_kind(title, body) == kind


@pytest.mark.parametrize(
    ("title", "body", "year"),
    [
        pytest.param(
            "青川县林业局2023年护林补助资金项目支出绩效自评报告(2024年度)",
            "",
            2024,
            id="parenthesised year",
        ),
        pytest.param(
            "青川县2020-2022年度高标准农田建设专项资金绩效评价报告",
            "",
            None,
            id="a range of years",
        ),
        pytest.param(
            "青川县财政局关于2024年财政支出绩效评价结果的通报",
            "各单位对2023年度项目开展了自评,上报2023年度自评结果。",
            2023,
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
    ],
)  # fmt: skip
def test_fiscal_year(title: str, body: str, year: int | None) -> None:
    assert fiscal_year(title, body)[0] == year
