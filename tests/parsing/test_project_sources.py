"""Projects as real reports name them beyond a 项目支出 breakdown (snippets invented).

A report on one project or fund names it in its form, its title or its opening sentence, and its
figures are the report's own; reports on several list them in prose, in numbered paragraphs, under
fund headings, or as attached evaluation reports.
"""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing import extract_report
from tests.parsing.conftest import document_of


def _projects(text: str) -> list[tuple[Any, ...]]:
    result = extract_report(document_of(text), path="x.txt", sha256="0" * 64)
    return [(p["name"], p["budget_wan"], p["spent_wan"]) for p in result["projects"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "部门预算项目支出绩效自评表(2023年度) | |\n项目名称 | | 5113-河道保洁工作经费 | |\n"
            "主管部门 | 青川县水务局 | 实施单位 | 青川县河道所 |\n"
            "2023年度河道保洁工作经费全年预算数为12万元,全年执行数为11.5万元。\n",
            [("河道保洁工作经费", "12", "11.5")],
            id="the form's 项目名称, with the report's own figures",
        ),
        pytest.param(
            "青川县卫健局2022年度项目绩效自评报告(节日慰问经费项目)\n一、自评结论\n自评得分95分。\n",
            [("节日慰问经费项目", None, None)],
            id="a parenthesis after the title's report word",
        ),
        pytest.param(
            "青川县民政局关于“2021年中央困难群众救助补助资金”管理使用情况\n一、资金基本情况\n"
            "全年实际下达71万元。\n",
            [("2021年中央困难群众救助补助资金", "71", None)],
            id="a quoted name in the title",
        ),
        pytest.param(
            "青川县林业局2023年护林补助资金项目支出绩效自评报告\n一、项目基本情况\n项目按计划实施。\n",
            [("2023年护林补助资金项目", None, None)],
            id="the title without the unit leading it before the year",
        ),
        pytest.param(
            "索引号 | 0001-2020-0001 | 发布机构 | 青川县林业局 |\n"
            "(青川木材检查站租金项目)\n一、项目基本情况\n2019年财政安排青川木材检查站租金项目经费11.2万元。\n二、项目绩效自评工作开展情况\n",
            [("青川木材检查站租金项目", "11.2", None)],
            id="a parenthesis line standing for the title",
        ),
        pytest.param(
            "根据有关通知要求,现就青川县2021年度中央财政补助文化服务专项资金绩效自评情况报告如下:\n"
            "一、基本情况\n2021年中央下达文化服务专项资金预算18.9万元。\n",
            [("青川县2021年度中央财政补助文化服务专项资金", "18.9", None)],
            id="the opening sentence names the fund",
        ),
        pytest.param(
            "一、自评结论\n(一)自评得分\n我单位对青川县冷链中心建设项目(一期)执行情况开展了自评,自评得分90分。\n"
            "(二)绩效目标完成情况\n",
            [("青川县冷链中心建设项目(一期)", None, None)],
            id="对…开展了自评 names the project",
        ),
        pytest.param(
            "青川县第四中学专项资金绩效自评报告\n一、基本情况\n资金按时拨付。\n",
            [],
            id="a generic fund names no project",
        ),
        pytest.param(
            "青川县财政局关于2024年财政支出绩效评价结果的通报\n各单位:\n现将评价结果通报如下。\n",
            [],
            id="a results announcement's title names no project",
        ),
    ],
)
def test_the_one_project(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _projects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "青川县民政局2024年度资金绩效自评报告\n一、绩效目标分解下达情况\n"
            "2024年度,中央、市级下达转移支付慈幼项目40万元;城乡低保、临时救助项目2.5万元;"
            "养老服务运行经费17万元;公墓建设补助130万元。共计下达转移支付资金189.5万元。\n",
            ["慈幼项目", "城乡低保、临时救助项目", "养老服务运行经费", "公墓建设补助"],
            id="a run of project items; the lead-in is not a name",
        ),
        pytest.param(
            "青川县文旅局关于2021年度公共文化项目资金绩效自评报告\n一、绩效目标分解下达情况\n"
            "省财政厅下达我县文化服务专项资金188.00万元。其中,数字文化建设47.00万元,戏曲进乡村16.00万元,"
            "一般项目125.00万元。\n",
            ["2021年度公共文化项目", "数字文化建设", "戏曲进乡村", "一般项目"],
            id="a fund's breakdown after its amount",
        ),
        pytest.param(
            "青川县林业局2023年度护林补助资金绩效自评报告\n一、基本情况\n"
            "2023年下达护林补助资金100万元,其中中央资金80万元,省级资金20万元。\n",
            ["2023年度护林补助资金"],
            id="a breakdown by source lists no projects",
        ),
        pytest.param(
            "青川县文旅局关于文化服务补助资金支出绩效的自评报告\n一、绩效目标分解下达情况\n"
            "分配农家书屋运行经费8.4万元,其中东城区3.52万元,西城区1.6万元,青山镇3.28万元。"
            "下达我县资金11.1万元,其中低保资金10万元,调减2万元,全年实际下达9.1万元。"
            "已拨付施工单位资金2.4万元,其中绩效自评“优”的项目3个资金1.2万元。\n",
            ["文化服务补助资金", "低保资金"],
            id="allocations by area and movements of money list no projects",
        ),
        pytest.param(
            "青川县某乡人民政府2021年度项目支出绩效单位自评报告\n一、基本情况\n(一)项目概况\n"
            "1.2021年第一批统筹整合资金茶叶基地建设项目,项目建设茶园200亩。统筹整合使用财政涉农资金30万元,"
            "其中项目管理费0.3万元。\n"
            "2.2021年第一批统筹整合资金道路硬化项目,通过项目实施改善出行。统筹整合使用财政涉农资金10.5万元。\n",
            [
                "2021年第一批统筹整合资金茶叶基地建设项目",
                "2021年第一批统筹整合资金道路硬化项目",
            ],
            id="numbered paragraphs that each open with a project",
        ),
        pytest.param(
            "青川县2022年度中央自然灾害资金绩效自评报告\n一、中央自然灾害救灾资金(航空护林租机补助经费)\n"
            "(一)绩效目标分解下达情况。\n2022年共投入航空护林租机补助经费预算104.4万元。\n",
            ["中央自然灾害救灾资金(航空护林租机补助经费)"],
            id="the one heading naming a fund names the report's fund",
        ),
        pytest.param(
            "青川县财政局关于2023年度财政重点绩效评价结果的公告\n现将结果公告如下:\n"
            "序号 | 项目名称 | 主管部门 | 评价得分 | 评价等级 |\n"
            "1 | 青川县供热管网改造项目 | 青川县住建局 | 86.5 | 良 |\n"
            "2 | 青川县智慧停车建设项目 | 青川县交通局 | 78 | 中 |\n",
            ["青川县供热管网改造项目", "青川县智慧停车建设项目"],
            id="an announcement's pipe table without leading pipes",
        ),
        pytest.param(
            "青川县财政局关于2024年财政支出绩效评价结果的通报\n复核评价情况如下:\n序号\n单位\n项目\n评价档次\n"
            "1\n青川县经济开发区管委会\n数据平台建设\n良好\n2\n青川县投资促进中心\n招商引智专项资金\n中\n3\n青川县\n",
            ["数据平台建设", "招商引智专项资金"],
            id="an announcement's list one cell per line, cut off mid-row",
        ),
        pytest.param(
            "青川县档案馆2023年度部门决算公开文档\n第一部分 部门概况\n"
            "附件:1.档案数字化工作项目绩效评价报告\n2.智慧档案平台项目绩效评价报告\n",
            ["档案数字化工作项目", "智慧档案平台项目"],
            id="attached project evaluation reports",
        ),
        pytest.param(
            "青川县教育局2022年部门绩效自评工作情况总结\n一、自评工作开展情况\n"
            "一是其他教育管理事务支出,即“三区”教师专项工作补助经费合计75万元,已于本年度支出75万元;"
            "二是学前教育支出,即学前教育发展资金、公办幼儿园生均经费合计362.4万元;"
            "三是小学教育支出,即教育强国推进工程合计67.5万元。\n",
            ["“三区”教师专项工作补助经费", "教育强国推进工程"],
            id="spending groups that name one project each",
        ),
    ],
)
def test_listed_projects(text: str, expected: list[str]) -> None:
    assert [name for name, _, _ in _projects(text)] == expected
