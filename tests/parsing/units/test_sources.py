"""Where real reports name their unit when no title line or form does (snippets invented).

Each case is a layout seen on portals of several provinces: the 决算 overview heading, a name
introduced with its short form, a unit opening a sentence, a signature above the closing date,
and the portal around the report (发布机构, 来源, 所属机构, a breadcrumb).
"""

from __future__ import annotations

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.units.unit import unit_name
from tests.parsing.conftest import document_of

TOC = (
    "目 录\n第一部分 {name}概况\n一、主要职责\n二、机构设置\n"
    "第二部分 2023年度部门决算表\n一、收入支出决算总表\n"
)


def _unit(text: str) -> str | None:
    return unit_name(document_of(text), None)[0]


def _report(text: str) -> dict:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).report.model_dump()


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(TOC.format(name="九原区青林学校"), "青林学校", id="overview heading of a 决算"),
        pytest.param(TOC.format(name="西林县果园站(本级)"), "果园站(本级)", id="overview heading (本级)"),
        pytest.param(
            "目录\n第一部分 渭源县农技中心概\n况\n一、主要职责\n",
            "农技中心",
            id="overview heading broken by the layout",
        ),
        pytest.param(TOC.format(name="部门"), None, id="a generic 部门概况 names no unit"),
        pytest.param(
            TOC.format(name="平江县青少年劳动教育基地"),
            "青少年劳动教育基地",
            id="a training base (基地) is a unit",
        ),
        pytest.param(TOC.format(name="基地建设"), None, id="near miss: 基地建设概况 names no unit"),
        pytest.param(
            TOC.format(name="杭州市西湖区机关事务服务中心(杭州市西湖区接待办公室)"),
            "机关事务服务中心",
            id="overview heading of an office under two names",
        ),
        pytest.param(
            "一、部门基本情况\n(一)部门概况\n湖南省青苗联合会(以下简称“省青联”)是群众团体。\n",
            "青苗联合会",
            id="a name introduced with its short form",
        ),
        pytest.param(
            "一、职能简介\n眉山市东坡区青溪小学是区属公办学校,承担义务教育。\n",
            "青溪小学",
            id="a unit with its region opens a sentence",
        ),
        pytest.param(
            "一、基本情况\n2023年以来,宜昌市林苑管理处积极推进园林养护。\n",
            "林苑管理处",
            id="subject after a year lead-in",
        ),
        pytest.param(
            "一、基本情况\n财政局负责资金拨付,各单位配合。\n",
            None,
            id="a unit without its region is no subject",
        ),
        pytest.param(
            "一、项目基本情况\n本项目完成道路养护。\n二、资金使用情况\n资金按合同支付。\n嘉兴市南湖区桥梁养护所\n2023年6月30日\n",
            "桥梁养护所",
            id="signature above the closing date",
        ),
        pytest.param(
            "一、基本情况\n做好本镇经济工作,服务本镇群众。推进城镇建设,完善城镇功能。\n",
            None,
            id="本镇 and 城镇 name no town",
        ),
        pytest.param(
            "第二部分 2023年度部门决算表\n第三部分 2023年度部门决算情况说明\n一、收入支出决算总表\n",
            None,
            id="a 第二部分 heading is no unit",
        ),
        pytest.param(
            "根据有关文件要求,现将青川县交通运输局2023年度专项债券资金项目绩效评价情况公示如下:\n"
            "序号 | 项目名称 | 评价得分 |\n",
            "交通运输局",
            id="the unit an announcement of results opens with",
        ),
        pytest.param(
            "现将青川县文旅局关于2023年度重点项目绩效评价情况公示如下:\n",
            "文旅局",
            id="the unit before 关于 and the year",
        ),
        pytest.param(
            "二、机构设置\n和顺乡人民政府所属二级预算单位共2个,其中事业单位2个。\n",
            "和顺乡人民政府",
            id="a full designation opening a sentence may start with 和",
        ),
        pytest.param(
            "现将各单位2023年度项目绩效评价结果公示如下:\n",
            None,
            id="各单位 before the year names no unit",
        ),
        pytest.param(
            "第一部分 单位概况\n一、部门职责\n石桥乡卫生院是一所集医疗、预防、保健为一体的公立医院。\n",
            "石桥乡卫生院",
            id="a unit under a township's name opening the duties",
        ),
        pytest.param(
            "第一部分 单位概况\n一、部门职责\n乡镇卫生院是基层医疗卫生机构。\n",
            None,
            id="乡镇 is a word, not a township",
        ),
        pytest.param(
            "目 录\n第一部分 单位概况\n一、主要职责\n二、青禾市残疾人联合会决算单位构成\n"
            "第二部分 2023年度单位决算情况说明\n",
            "青禾市残疾人联合会",
            id="the heading of a 决算's make-up names the unit",
        ),
        pytest.param(
            "第一部分 单位概况\n二、部门决算单位构成\n",
            None,
            id="a generic make-up heading names no unit",
        ),
        pytest.param(
            "目 录\n青禾高新技术产业开发区公用事业管理中心(本级)属开发区管委会的全额拨款事业单位。\n",
            "青禾高新技术产业开发区公用事业管理中心",
            id="a long name of its own opening a sentence with 属",
        ),
        pytest.param(
            "目 录\n财政局负责拨付资金。\n", None, id="a short generic office opening a sentence is no unit"
        ),
        pytest.param(
            "一、基本情况\n机构设置:青禾县湖滨景区管理委员会(简称湖滨管委会)是县政府派出机构。\n",
            "青禾县湖滨景区管理委员会",
            id="a name introduced with 简称",
        ),
        pytest.param(
            "(二)机构情况\n本单位为“青禾县林业局”所属二级预算单位。我单位“青禾县苗圃服务中心”设立了"
            "预算机构1个。\n",
            "青禾县苗圃服务中心",
            id="the unit quoting its own name; the department it belongs to is not it",
        ),
        pytest.param(
            "(二)机构情况\n本单位为“青禾县林业局”所属二级预算单位。\n",
            None,
            id="only the department it belongs to is quoted",
        ),
        pytest.param(
            "(一)机构设置\n现组建杭州市西湖区园林养护中心。杭州市西湖区园林养护中心于2012年5月挂牌成立,为县属事业单位。\n",
            "园林养护中心",
            id="a unit opening a sentence with the date it was set up",
        ),
        pytest.param(
            "一、职能简介\n杭州市西湖区教育局(杭州市西湖区体育局)是区政府工作部门。\n",
            "教育局",
            id="a unit under two names opening a sentence",
        ),
        pytest.param(
            "一、项目概况\n杭州市西湖区财政局于2023年3月下达资金50万元。\n",
            None,
            id="an office acting on a date is not the unit set up then",
        ),
    ],
)
def test_unit_named_by_the_body(text: str, unit: str | None) -> None:
    assert _unit(text) == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "市侨联2022年度决算说明\n第一部分 汉川市侨联办公室概况\n一、部门主要职责\n",
            "侨联办公室",
            id="the overview heading completes a short title name",
        ),
        pytest.param(
            "吉安市青松中心小学2021年度决算公开\n第一部分 单位概况\n", "青松中心小学", id="a school's title"
        ),
        pytest.param(
            "乐山市第三幼儿园2022年度单位决算\n第一部分 单位概况\n", "第三幼儿园", id="a kindergarten"
        ),
        pytest.param(
            "新邵县乡村建设指挥部乡村道路硬化项目资金\n绩效评价报告\n一、基本情况\n",
            "乡村建设指挥部",
            id="乡村 does not end a unit name",
        ),
        pytest.param(
            "市农机站2022年度农机推广示范项目\n自评结果\n一、自评结论\n项目预算数为12万元。\n",
            "市农机站",
            id="the unit before the title's year",
        ),
        pytest.param(
            "宜宾市翠屏区卫健局关于“2022年基本公共卫生服务补助资金”管理使用情况\n一、资金基本情况\n",
            "卫健局",
            id="the unit before 关于",
        ),
        pytest.param(
            "【决算】2023年度青禾县档案馆决算\n1、负责全县档案管理。\n",
            "青禾县档案馆",
            id="a portal's tag before the title",
        ),
        pytest.param(
            "目 录\n青禾县人民检察院\n根据通知要求，我院开展了绩效自评工作。\n"
            "现将我院部门整体支出自评结果报告\n如下。\n",
            "青禾县人民检察院",
            id="a title-like sentence about 我院 names no unit; the top line does",
        ),
        pytest.param(
            "2022年度青禾县档案馆整体支出绩效自评报告\n单位名称(盖章):\n\n2022年度青禾县档案馆\n\n一、基本情况\n",
            "青禾县档案馆",
            id="a cover's 单位名称 with the year run on before the name",
        ),
        pytest.param(
            "绩效目标自评表(2022年度)项目名称青禾县灌区维修项目主管部门青禾县水利局实施单位青禾县水利局"
            "资金情况(万元)全年预算数(A)全年执行数(B)",
            "青禾县水利局",
            id="a flattened form's unit running on into 资金情况",
        ),
        pytest.param(
            "附件3:青禾县水务局2021年度项目支出绩效自评报告.pdf\n一、项目基本情况\n",
            "青禾县水务局",
            id="an attachment's number before a file name",
        ),
        pytest.param(
            "杭州市西湖区综合行政执法局(西湖区城市管理局)2021年度部门决算\n一、部门基本情况\n",
            "综合行政执法局",
            id="an office under two names reports as the first",
        ),
        pytest.param(
            "杭州市西湖区文化馆(含所属单位)2021年度部门决算\n一、部门基本情况\n",
            "文化馆",
            id="a name ends before a parenthesis that is no name",
        ),
        pytest.param(
            "杭州市西湖区人民政府\n杭州市西湖区园林局\n2023年度部门决算\n第一部分 部门概况\n",
            "园林局",
            id="a government banner run on into the title: the place named again goes too",
        ),
        pytest.param(
            "2024年杭州市西湖区发改委部门整体支出绩效评价报告\n一、部门概况\n"
            "杭州市西湖区发展和改革委员会主要职责如下:\n",
            "发展和改革委员会",
            id="a title's short form written out as the body names it",
        ),
        pytest.param(
            "2022年杭州市西湖区人社局整体支出绩效自评报告\n一、部门概况\n杭州市西湖区人力资源和社会保障局是区政府工作部门。\n",
            "人力资源和社会保障局",
            id="人社局 written out",
        ),
        pytest.param(
            "2022年杭州市西湖区教育局整体支出绩效自评报告\n一、部门概况\n杭州市西湖区教育体育局下属学校12所。\n",
            "教育局",
            id="a name going on after the short form's words is another office",
        ),
        pytest.param(
            "2023年度绵阳市涪城区石马镇中心校单位决算\n目 录\n第一部分 单位概况\n",
            "石马镇中心校",
            id="a township's central school",
        ),
        pytest.param(
            "国家级住院医师规范化培训基地\n2023年度绵阳市涪城区人民医院单位决算\n目 录\n",
            "人民医院",
            id="a site's banner line above a year-led title that names its unit is no part of it",
        ),
        pytest.param(
            "绵阳市涪城区人民医院\n2023年度单位决算\n目 录\n",
            "人民医院",
            id="near miss: a year-led title naming no unit still takes the unit above it",
        ),
        pytest.param(
            "为加强预算绩效管理,我局委托第三方机构对5个项目开展了绩效评价,现将评价报告公开。\n附件:\n"
            "附件1:2022年城乡环境整治补助资金项目绩效评价报告.pdf\n"
            "附件2:绵阳市涪城区文化馆2022年免费开放项目绩效评价报告.pdf\n"
            "附件3:绵阳市涪城区图书馆2022年数字阅读项目绩效评价报告.pdf\n绵阳市涪城区财政局\n2023年11月2日\n",
            "财政局",
            id="a list of attachments names the evaluated units, not the publishing one",
        ),
        pytest.param(
            "附件2:绵阳市涪城区文化馆2022年度部门决算\n第一部分 部门概况\n",
            "文化馆",
            id="near miss: one attachment's own title names its unit",
        ),
        pytest.param(
            "青川县2022年度衔接资金绩效自评报告\n我县高度重视衔接资金绩效评价工作。\n",
            "青川县",
            id="a place heading the title and speaking as 我县 reports as the county",
        ),
        pytest.param(
            "青川县2022年度衔接资金绩效自评报告\n全县高度重视衔接资金绩效评价工作。\n",
            None,
            id="near miss: a place in the title without the report speaking as it",
        ),
        pytest.param(
            "公开方式 主动公开 公开时限 长期公开 是否有效 有效\n"
            "绵阳市涪城区石马镇农业服务中心农机补贴项目绩效自评报告\n一、绩效目标分解下达情况\n",
            "石马镇农业服务中心",
            id="a portal line of 公开时限 / 是否有效 fields is no part of the title",
        ),
        pytest.param(
            "发布机构:绵阳市涪城区住房和城乡建设局\n绵阳市涪城区石马镇污水处理站提升改造项目绩效自评报告\n"
            "一、绩效目标分解下达情况\n绵阳市涪城区住建局负责组织实施该项目,资金到位率100%。\n",
            "住房和城乡建设局",
            id="a title names the facility works are on; the body's unit, its short form written out",
        ),
        pytest.param(
            "绵阳市涪城区石马镇污水处理站提升改造项目绩效自评报告\n一、绩效目标分解下达情况\n资金到位率100%。\n",
            "石马镇污水处理站",
            id="near miss: with no other unit named the facility stands in",
        ),
        pytest.param(
            "绵阳市涪城区石马镇污水处理站污水收集项目绩效自评报告\n一、绩效目标分解下达情况\n"
            "绵阳市涪城区住建局负责组织实施该项目。\n",
            "石马镇污水处理站",
            id="near miss: a project of the facility's own that is no works on it",
        ),
    ],
)
def test_unit_from_titles(text: str, unit: str | None) -> None:
    assert _report(text)["unit_name"] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "青州市人民政府\n首页 >> 政务公开 >> 青州市水利局 >> 正文\n"
            "青州市2022年小型水库除险加固工程绩效自评报告\n一、绩效目标分解下达情况\n",
            "水利局",
            id="a breadcrumb names the unit; the banner above the portal block does not",
        ),
        pytest.param(
            "2022年度绩效评价\n发布日期:2023-05-09 09:30 来源:市园林绿化管理局\n"
            "项目全年预算数为100万元。义乌市园林绿化管理局组织开展绿地养护。\n",
            "市园林绿化管理局",
            id="来源 after a time with a colon",
        ),
        pytest.param(
            "索引号 | /2022-00318 | 文号 | 生成日期 | 2022-08-16 |\n"
            "公开方式 | 主动公开 | 发文机构 | 西吉县青禾服务中心 | 责任部门 | 西吉县青禾服务中心 |\n"
            "目录\n第一部分 单位概况\n一、部门职责\n二、部门决算情况说明\n",
            "青禾服务中心",
            id="所属机构 in a pipe row",
        ),
        pytest.param(
            "索 引 号:    0130/2023-00001 主题分类:    财政\n"
            "发布机构:    青浦区财政局 发布日期:    2021-09-14\n"
            "关于青浦区2021年区级决算草案的报告\n一、收支决算情况\n",
            "财政局",
            id="a finance office's own report, its portal block read as a table",
        ),
        pytest.param(
            "欢迎来到青禾县妇联网站!\n您现在的位置: 首页 > 通知公告\n部门整体支出绩效评价报告\n"
            "一、基本情况\n县妇联2023年支出50万元。\n",
            "青禾县妇联",
            id="the banner of the unit's own site",
        ),
        pytest.param(
            "青禾县档案馆门户网站\n部门整体支出绩效评价报告\n一、基本情况\n本馆在编12人。\n",
            "青禾县档案馆",
            id="a banner line that is only the unit's site name",
        ),
        pytest.param(
            "青禾县政府门户网站\n部门整体支出绩效评价报告\n一、基本情况\n",
            None,
            id="a government portal's site name names no unit",
        ),
        pytest.param(
            "欢迎访问青禾县人民政府门户网站\n部门整体支出绩效评价报告\n一、基本情况\n",
            None,
            id="a government portal's banner names no unit",
        ),
        pytest.param(
            "首页\n机构概况\n新闻中心\n政务公开\n来源:青禾县档案馆 日期:2024-09-02\n"
            "目 录\n第一部分 基本情况\n第二部分 2023年度部门决算表\n"
            "一、部门职责\n根据《青禾县档案馆职能配置和人员编制规定》,青禾县档案馆主要履行以下职责:\n",
            "青禾县档案馆",
            id="a site menu one item per line is no unit; the unit its 三定 rules set is",
        ),
        pytest.param(
            "• 首 页\n• 政务公开\n• 新闻中心\n• 互动交流\n"
            "目 录\n第一部分 基本情况\n第二部分 2023年度部门决算表\n",
            None,
            id="a bulleted site menu names no unit",
        ),
        pytest.param(
            "青禾县政府信息公开平台\n目 录\n第一部分 基本情况\n第二部分 2023年度部门决算表\n",
            None,
            id="a portal's section with a place is no unit",
        ),
        pytest.param(
            "首页 | 机构概况 | 新闻中心 | 政务公开\n新闻中心\n"
            "目 录\n第一部分 基本情况\n第二部分 2023年度部门决算表\n",
            None,
            id="a site section alone on a line is no unit",
        ),
        pytest.param(
            "首页 新闻服务 部门 青禾县林业局重点绩效评价工作稳步推进\n青禾县林业局重点绩效评价工作稳步推进\n"
            "2022-03-01 青禾县融媒体中心\n今年我局对8个项目开展了绩效评价。\n"
            "来源:青禾县融媒体中心\n返回顶部\n",
            "青禾县林业局",
            id="a news headline names the unit; the media outlet and 返回顶部 do not",
        ),
        pytest.param(
            "青禾县园艺服务中心2021年度项目自评价.pdf\n财政项目支出绩效自评表 项目名称 花卉养护\n",
            "青禾县园艺服务中心",
            id="a file name on top of a flattened form",
        ),
        pytest.param(
            "青禾县民政局部门整体绩效自评得分95分。\n一、基本情况\n",
            None,
            id="a sentence on the self-evaluation is no headline",
        ),
    ],
)
def test_unit_from_the_portal(text: str, unit: str | None) -> None:
    assert _report(text)["unit_name"] == unit
