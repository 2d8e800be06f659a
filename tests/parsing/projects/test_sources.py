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
    result = extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()
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
            "部门预算项目支出绩效自评表(2023年度) |\n项目名称 | 5113T0001-2023年全县河道保洁补助资金项目 |\n"
            "主管部门 | 青川县水务局 | 实施单位 | 青川县水务局 |\n",
            [("2023年全县河道保洁补助资金项目", None, None)],
            id="a form's 项目名称 may say 全县; the form's generic title names nothing",
        ),
        pytest.param(
            "青川县卫健局2021年度项目绩效自评报告(乡村医生培训经费项目)\n一、自评结论\n自评得分95分。\n",
            [("乡村医生培训经费项目", None, None)],
            id="a parenthesis after the title's report word",
        ),
        pytest.param(
            "青川县卫健局关于“2022年基本公共卫生服务补助资金”管理使用情况\n一、资金基本情况\n"
            "全年实际下达46.5万元。\n",
            [("2022年基本公共卫生服务补助资金", "46.5", None)],
            id="a quoted name in the title",
        ),
        pytest.param(
            "青川县水务局2022年河道清淤资金项目支出绩效自评报告\n一、项目基本情况\n项目按计划实施。\n",
            [("2022年河道清淤资金项目", None, None)],
            id="the title without the unit leading it before the year",
        ),
        pytest.param(
            "索引号 | 0001-2021-0007 | 发布机构 | 青川县水务局 |\n"
            "(青川县苗圃围栏维修项目)\n一、项目基本情况\n2020年财政安排青川县苗圃围栏维修项目经费8.6万元。\n二、项目绩效自评工作开展情况\n",
            [("青川县苗圃围栏维修项目", "8.6", None)],
            id="a parenthesis line standing for the title",
        ),
        pytest.param(
            "按照市财政局通知,现就青川县2022年度省级农村饮水安全维修养护资金绩效自评情况报告如下。\n"
            "一、基本情况\n2022年省级下达维修养护资金预算24.6万元。\n",
            [("青川县2022年度省级农村饮水安全维修养护资金", "24.6", None)],
            id="the opening sentence names the fund",
        ),
        pytest.param(
            "按省财政厅统一安排,现将我厅2022年山区小水库除险加固项目绩效报告公布如下。\n"
            "一、资金投入情况\n共计下达除险加固补助资金6400万元。\n",
            [("2022年山区小水库除险加固项目", "6400", None)],
            id="the opening sentence announcing the report, the unit speaking as 我厅",
        ),
        pytest.param(
            "按照省财政厅通知要求,现将有关情况公告如下。\n一、资金投入情况\n资金已按时拨付。\n",
            [],
            id="an announcement naming no project",
        ),
        pytest.param(
            "一、自评结论\n(一)自评得分\n本局对青川县茶叶初制所建设项目(二期)实施情况开展了自评,自评得分90分。\n"
            "(二)绩效目标完成情况\n",
            [("青川县茶叶初制所建设项目(二期)", None, None)],
            id="对…开展了自评 names the project",
        ),
        pytest.param(
            "青川县实验小学专项资金绩效自评报告\n一、基本情况\n资金按时拨付。\n",
            [],
            id="a generic fund names no project",
        ),
        pytest.param(
            "青川县财政局关于2022年度部门预算项目绩效评价结果的公示\n各单位:\n现将评价结果公示如下。\n",
            [],
            id="a results announcement's title names no project",
        ),
        pytest.param(
            "青川县2023年度山区道路养护专项资金绩效自评情况\n一、基本情况\n"
            "2023年度共下达我县山区道路养护专项资金52.4万元。\n",
            [("2023年度山区道路养护专项资金", "52.4", None)],
            id="a title ending 绩效自评情况 names the fund; the place before the year is dropped",
        ),
        pytest.param(
            "发布时间:2024-05-10\n一、绩效目标分解下达情况\n"
            "留守儿童关爱补助资金是用于关爱服务的资金。2023年省财政下达我市留守儿童关爱补助资金"
            "812.5万元,主要用于关爱服务。\n二、绩效情况分析\n资金已按时拨付。本次项目支出绩效自评表明目标完成。\n",
            [("留守儿童关爱补助资金", "812.5", None)],
            id="no title: the fund a higher level issued, named with its amount",
        ),
        pytest.param(
            "发布时间:2024-06-12\n一、资金下达和使用情况\n"
            "财政部下达某某自治区2023年中央山洪灾害防治专项资金共计2710万元。\n二、自评发现的问题\n"
            "资金已按时拨付。本次项目支出绩效自评表明目标完成。\n",
            [("中央山洪灾害防治专项资金", "2710", None)],
            id="no title: the fund issued to a place named before the year",
        ),
        pytest.param(
            "一、自评工作开展情况\n根据通知要求，我站对山塘清淤整治工程资金使用情况、绩效目标实现情况等"
            "进行了自评。\n二、资金情况\n年初预算安排35万元。\n三、项目支出绩效自评结论\n",
            [("山塘清淤整治工程", "35", None)],
            id="no title: 对某工程资金使用情况、…等进行了自评",
        ),
        pytest.param(
            "某区财政局根据管理办法，对2020-2022年背街小巷照明维护项目开展重点绩效评价，涉及资金3.1亿元。\n"
            "一、项目概况\n",
            [("背街小巷照明维护项目", None, None)],
            id="no title: 对某年至某年某项目开展重点绩效评价, the years left out",
        ),
        pytest.param(
            "一、项目概况\n我局对2022年度乡村公厕管护项目实施情况进行了绩效评价。\n二、项目支出绩效评价结论\n",
            [("乡村公厕管护项目", None, None)],
            id="no title: 进行了绩效评价",
        ),
        pytest.param(
            "按照通知要求，某省水利厅会同财政部门组织开展了2023年度中央财政小型水库维修养护补助资金"
            "绩效自评工作，自评情况如下：\n一、资金下达情况\n2023年，财政部下达某省水库维养资金6120万元。\n"
            "二、项目支出绩效自评结论\n",
            [("中央财政小型水库维修养护补助资金", "6120", None)],
            id="no title: 开展了某资金绩效自评工作 names it before the issue does",
        ),
        pytest.param(
            "某区园林和绿化服务2023年行道树修剪养护经费项目支出绩效评价报告\n一、项目概况\n",
            [("2023年行道树修剪养护经费项目", None, None)],
            id="a title led by a publisher cut short, before the year",
        ),
        pytest.param(
            "某县水务局2021年中央对地方转移支付资金绩效自评的报告\n"
            "第一部分 农田水利维修养护资金绩效自评\n一、绩效目标分解下达情况\n",
            [("农田水利维修养护资金", None, None)],
            id="a transfer-payment title names no fund; the line under it does",
        ),
    ],
)
def test_the_one_project(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _projects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "青川县卫健局2023年度资金绩效自评报告\n一、绩效目标分解下达情况\n"
            "2023年度,省、市下达转移支付家庭医生签约项目12万元;孕产妇、儿童健康管理项目3.5万元;"
            "村医培训经费8.5万元;卫生室维修补助30万元。共计下达转移支付资金54万元。\n",
            ["家庭医生签约项目", "孕产妇、儿童健康管理项目", "村医培训经费", "卫生室维修补助"],
            id="a run of project items; the lead-in is not a name",
        ),
        pytest.param(
            "青川县文旅局关于2022年度非遗保护项目资金绩效自评报告\n一、绩效目标分解下达情况\n"
            "市文旅局下达我县非遗保护专项资金36.00万元。其中,传承人补助12.00万元,非遗展演16.00万元,"
            "传习所维修8.00万元。\n",
            ["2022年度非遗保护项目", "传承人补助", "非遗展演", "传习所维修"],
            id="a fund's breakdown after its amount",
        ),
        pytest.param(
            "青川县林业局2023年度护林补助资金绩效自评报告\n一、基本情况\n"
            "2023年下达护林补助资金100万元,其中中央资金80万元,省级资金20万元。\n",
            ["2023年度护林补助资金"],
            id="a breakdown by source lists no projects",
        ),
        pytest.param(
            "青川县文旅局关于文化服务补助资金绩效的自评报告\n一、绩效目标分解下达情况\n"
            "分配书屋维护经费6.3万元,其中东城区2.1万元,西城区1.6万元,青山镇2.6万元。"
            "下达我县资金11.1万元,其中低保资金10万元,收回2万元,全年实际下达9.1万元。"
            "已拨付施工单位资金2.4万元,其中自评等级“优”的项目3个资金1.2万元。\n",
            ["文化服务补助资金", "低保资金"],
            id="allocations by area and movements of money list no projects",
        ),
        pytest.param(
            "青川县某镇人民政府2020年度项目支出绩效单位自评报告\n一、基本情况\n(一)项目概况\n"
            "1.2022年巩固衔接资金茶叶基地建设项目,项目建设茶园200亩。使用衔接资金30万元,"
            "其中项目管理费0.3万元。\n"
            "2.2022年巩固衔接资金通组道路项目,通过项目实施改善出行。使用衔接资金10.5万元。\n",
            [
                "2022年巩固衔接资金茶叶基地建设项目",
                "2022年巩固衔接资金通组道路项目",
            ],
            id="numbered paragraphs that each open with a project",
        ),
        pytest.param(
            "青川县档案馆2023年度项目支出绩效单位自评报告\n一、基本情况\n(一)项目概况\n1.项目立项背景\n"
            "(1)“青川记忆”展厅运维经费。展厅位于档案馆一楼,面积约300㎡。\n"
            "(2)档案数字化加工经费。用于馆藏档案扫描。\n(3)省级财政配套资金。用于档案修复。\n",
            ["“青川记忆”展厅运维经费", "档案数字化加工经费"],
            id="numbered paragraphs that each open with a fund; a source of money is no fund",
        ),
        pytest.param(
            "青川县2022年度中央水利发展资金绩效自评报告\n一、中央水利发展资金(小型水库维修养护经费)\n"
            "(一)绩效目标分解下达情况。\n2022年全县小型水库维修养护经费预算52.3万元。\n",
            ["中央水利发展资金(小型水库维修养护经费)"],
            id="the one heading naming a fund names the report's fund",
        ),
        pytest.param(
            "青川县财政局关于2023年度本级重点绩效评价结果的公告\n现将结果公告如下:\n"
            "序号 | 项目名称 | 主管部门 | 评价得分 | 评价等级 |\n"
            "1 | 青川县供热管网改造项目 | 青川县住建局 | 86.5 | 良 |\n"
            "2 | 青川县智慧停车建设项目 | 青川县交通局 | 78 | 中 |\n",
            ["青川县供热管网改造项目", "青川县智慧停车建设项目"],
            id="an announcement's pipe table without leading pipes",
        ),
        pytest.param(
            "青川县财政局关于2023年部门预算项目绩效评价结果的公告\n抽查评价情况如下:\n序号\n单位\n项目\n评价档次\n"
            "1\n青川县园区管委会\n标准厂房维修\n良好\n2\n青川县文旅中心\n旅游宣传推介经费\n中\n3\n青川县\n",
            ["标准厂房维修", "旅游宣传推介经费"],
            id="an announcement's list one cell per line, cut off mid-row",
        ),
        pytest.param(
            "青川县某镇人民政府2022年度专项债券资金项目绩效评价结果公示\n序号\n\n主管部门\n\n项目名称\n\n"
            "评价得分\n\n评价结果\n\n备注\n\n1\n\n青川县某镇人民政府\n\n青川县某镇污水管网工程\n\n91\n\n"
            "项目单位自评\n\n2\n\n青川县某镇人民政府\n\n青川县某镇农贸市场改造工程\n\n84\n\n良\n\n财政评价\n",
            ["青川县某镇污水管网工程", "青川县某镇农贸市场改造工程"],
            id="a row one cell per line whose empty cell was lost in the copy",
        ),
        pytest.param(
            "青川县财政局关于2023年度重点项目绩效评价情况的通报\n具体评价结果如下:\n"
            "序号 | 主管部门 | 项目名称 | 资金量 (万元) | 评价等级 |\n"
            "1 | 青川县住建局 | 老旧小区排水改造 | 860.5 | 良 |\n"
            "2 | 青川县文旅局 | 乡村旅游宣传推介经费 | 120 | 中 |\n",
            ["老旧小区排水改造", "乡村旅游宣传推介经费"],
            id="an announcement's list with an amount column",
        ),
        pytest.param(
            "青川县档案馆2023年度部门决算公开材料\n第一部分 部门概况\n"
            "附件:1.档案数字化工作项目绩效评价报告\n2.智慧档案平台项目绩效评价报告\n",
            ["档案数字化工作项目", "智慧档案平台项目"],
            id="attached project evaluation reports",
        ),
        pytest.param(
            "我局委托第三方机构对2022年市级3个项目和1个部门开展了绩效评价,现将报告公开。\n附件:\n"
            "附件1:2022年青川县茶园提质奖补资金项目绩效评价报告.pdf\n"
            "附件2:青川县各乡镇2022年护林员补助绩效评价报告.pdf\n"
            "附件3:2022年度青川县档案馆部门整体支出绩效评价报告.pdf\n青川县财政局\n2023年6月1日\n",
            ["青川县茶园提质奖补资金项目", "青川县各乡镇2022年护林员补助", "青川县档案馆部门整体支出"],
            id="attachments numbered 附件N: with their file type",
        ),
        pytest.param(
            "青川县水务局2023年衔接资金项目绩效自评情况报告\n一、绩效目标分解下达情况\n"
            "(一)2023年衔接资金共下达48万元,用于实施青山村提灌站维修项目。\n"
            "(二)资金用于实施项目建设,用于建设各类工程。\n",
            ["2023年衔接资金项目", "青山村提灌站维修项目"],
            id="the project a fund is used for; 用于实施 before no name names none",
        ),
        pytest.param(
            "青川县卫健局2023年度部门绩效自评工作情况总结\n一、自评工作开展情况\n"
            "一是公共卫生支出,即“两癌”筛查工作经费合计18万元,本年度已全部支出;"
            "二是基层医疗支出,即村卫生室运行补助、乡村医生补助合计96.4万元;"
            "三是医疗保障支出,即家庭医生签约服务合计27.5万元。\n",
            ["“两癌”筛查工作经费", "家庭医生签约服务"],
            id="spending groups that name one project each",
        ),
        pytest.param(
            "青川县政协2023年度部门整体支出绩效评价报告\n一、基本情况\n"
            "项目支出包括履职调研经费12.5万元,文史资料编印经费3万元,委员培训经费6万元,提案办理经费2万元。\n",
            ["履职调研经费", "文史资料编印经费", "委员培训经费", "提案办理经费"],
            id="项目支出包括 opens the list: the first item is named without it",
        ),
        pytest.param(
            "青川县2023年彩票公益金项目资金绩效自评报告\n一、资金投入情况\n"
            "资金已分配下达到项目实施单位:青石村文化广场建设项目资金120万元、"
            "河西村健身步道工程项目资金95.5万元、老年活动中心改造项目资金1,100万元。\n",
            [
                "2023年彩票公益金项目",
                "青石村文化广场建设项目资金",
                "河西村健身步道工程项目资金",
                "老年活动中心改造项目资金",
            ],
            id="the first item after a lead-in closed by a colon",
        ),
        pytest.param(
            "青川县2023年彩票公益金项目资金绩效自评报告\n一、资金投入情况\n"
            "资金已全部分配到青石村文化广场建设项目120万元,河西村健身步道工程95.5万元,老年活动中心改造项目1,100万元。\n",
            ["2023年彩票公益金项目", "青石村文化广场建设项目", "河西村健身步道工程", "老年活动中心改造项目"],
            id="分配到 before the first item",
        ),
        pytest.param(
            "青川县2023年彩票公益金项目资金绩效自评报告\n一、资金投入情况\n"
            "资金下达给青石村文化广场建设项目资金120万元、河西村健身步道工程安排95.5万元、"
            "老年活动中心改造项目下达资金1100万元。\n",
            [
                "2023年彩票公益金项目",
                "青石村文化广场建设项目资金",
                "河西村健身步道工程",
                "老年活动中心改造项目",
            ],
            id="the verb before each item's amount; the first item's amount is no budget of the fund",
        ),
        pytest.param(
            "青川县2023年彩票公益金项目资金绩效自评报告\n一、资金投入情况\n"
            "计划投资1,800万元,年度资金安排1,520.5万元,其中:中央资金1,000万元、省级资金520.5万元。\n",
            ["2023年彩票公益金项目"],
            id="年度资金安排 is a label, not an item",
        ),
        pytest.param(
            "青川县财政局重点绩效评价工作情况\n"
            "2023年,我局重点抽取了城区排水管网改造项目、乡村学校食堂提升工程、农机购置补贴、"
            "G318青川段养护(东线)、困难群众救助共12个项目开展了绩效评价。涉及资金总额5200万元。\n",
            [
                "城区排水管网改造项目",
                "乡村学校食堂提升工程",
                "农机购置补贴",
                "G318青川段养护(东线)",
                "困难群众救助",
            ],
            id="evaluated projects named in one sentence, fewer than counted",
        ),
        pytest.param(
            "青川县财政局关于2023年度本级重点绩效评价结果的公告\n"
            "今年对青川县城乡供水一体化项目、学生营养改善计划(含城区、乡镇)、村级组织运转经费"
            "等3个项目开展重点绩效评价,结果如下。\n",
            ["青川县城乡供水一体化项目", "学生营养改善计划(含城区、乡镇)", "村级组织运转经费"],
            id="对…等3个项目开展评价; a 、 inside brackets is no separator",
        ),
        pytest.param(
            "青川县财政局关于2023年度本级重点绩效评价结果的公告\n"
            "2023年选取了城区供水管网改造工程、乡村学校营养餐补助和农机购置补贴资金三个项目开展重点绩效评价。\n",
            ["城区供水管网改造工程", "乡村学校营养餐补助", "农机购置补贴资金"],
            id="the last two names joined by 和, counted in Chinese numerals",
        ),
        pytest.param(
            "青川县财政局关于2023年度本级重点绩效评价结果的公告\n"
            "我局对城区供水管网改造工程、乡村学校营养餐补助资金、农机购置补贴资金实施了重点绩效评价。\n",
            ["城区供水管网改造工程", "乡村学校营养餐补助资金", "农机购置补贴资金"],
            id="uncounted names that each say they are projects",
        ),
        pytest.param(
            "青川县财政局关于2023年度本级重点绩效评价结果的公告\n"
            "我局对城区供水、乡村教育、农机购置开展了重点绩效评价。\n",
            [],
            id="uncounted names that do not say they are projects",
        ),
        pytest.param(
            "青川县财政局2023年绩效评价工作总结\n"
            "按照优先选取受益面宽、金额较大、群众关注度高的项目进行重点评价的原则开展工作。"
            "聚焦教育、医疗、养老等5个领域,对26个乡镇开展评价。\n",
            [],
            id="qualities, areas and places listed are no projects",
        ),
    ],
)
def test_listed_projects(text: str, expected: list[str]) -> None:
    assert [name for name, _, _ in _projects(text)] == expected


def test_a_name_read_from_folded_text_is_cited_as_written() -> None:
    text = "青川县2023年度项目支出绩效自评表\n项目名称 | 第２批通组道路项目 |\n全年预算数为１５万元。\n"
    document = document_of(text)
    result = extract_report(document, path="x.txt", sha256="0" * 64).as_json()
    assert result["projects"][0]["name"] == "第2批通组道路项目"
    cited = result["evidence"]["/projects/0/name"]
    assert cited["text"] == "第２批通组道路项目" == document.text[cited["start"] : cited["end"]]


@pytest.mark.parametrize(
    ("header", "budgets"),
    [
        pytest.param("资金量 (万元)", ["860.5", "120"], id="amounts in 万元"),
        pytest.param("发行金额(亿元)", [None, None], id="amounts in 亿元 are not taken"),
        pytest.param("评价得分", [None, None], id="a score is no amount"),
    ],
)
def test_an_announcements_amount_column(header: str, budgets: list[str | None]) -> None:
    text = (
        "青川县财政局关于2023年度重点项目绩效评价情况的通报\n具体评价结果如下:\n"
        f"序号 | 主管部门 | 项目名称 | {header} | 评价等级 |\n"
        "1 | 青川县住建局 | 老旧小区排水改造 | 860.5 | 良 |\n"
        "2 | 青川县文旅局 | 乡村旅游宣传推介经费 | 120 | 中 |\n"
    )
    result = extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()
    assert [p["budget_wan"] for p in result["projects"]] == budgets


def test_a_list_one_cell_per_line_under_its_unit_line() -> None:
    text = (
        "青禾县教育局2023年度财政支出绩效评价报告\n项目支出1200万元,详见下表:\n单位(万元)\n"
        "序号\n项目名称\n资金合计\n1\n学前教育\n310.5\n2\n校舍维修\n88\n"
    )
    result = extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()
    assert [(p["name"], p["budget_wan"]) for p in result["projects"]] == [
        ("学前教育", "310.5"),
        ("校舍维修", "88"),
    ]


_FORM = "财政项目支出绩效自评表 (2023 年度) "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "某中心2023年度项目自评价.pdf\n"
            + _FORM
            + "青川体育馆屋面防水 维修经费 项目名称 主管部门 青川县文体局 年初预算数 全年预算数 总分 -1- "
            + _FORM
            + "项目名称 全民健身赛事补助经费 主管部门 青川县文体局 年初预算数 总分 -2-\n",
            ["全民健身赛事补助经费", "青川体育馆屋面防水维修经费"],
            id="a name copied before its label, split by a line break; the next form's in order",
        ),
        pytest.param(
            "某中心2023年度项目自评价.pdf\n"
            + _FORM
            + "项目名称 青川体育馆屋面防水维修经费 主管部门 青川县体育局 总分 -1- "
            + _FORM
            + "项目名称 全民健身赛事补助经费 主管部门 青川县体育局 总分 -2-\n",
            ["青川体育馆屋面防水维修经费", "全民健身赛事补助经费"],
            id="two forms, each name after its label",
        ),
        pytest.param(
            "某中心2023年度项目自评价.pdf\n"
            + _FORM
            + "项目名称 青川体育馆屋面防水维修经费 主管部门 青川县文体局 年初预算数 总分 -1-\n",
            ["青川体育馆屋面防水维修经费"],
            id="one form",
        ),
    ],
)
def test_the_project_of_each_form(text: str, expected: list[str]) -> None:
    assert [name for name, _, _ in _projects(text)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("我局对本级14个项目开展了重点绩效评价。", id="a count of projects"),
        pytest.param("我局对部分重点项目进行了绩效评价。", id="a share of the projects"),
    ],
)
def test_an_evaluation_of_several_names_no_project(sentence: str) -> None:
    assert _projects("一、评价工作开展情况\n" + sentence + "\n") == []
