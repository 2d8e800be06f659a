"""Field patterns seen in real published reports beyond the seeds (texts invented, layouts as seen).

Each case is a mini-report with invented units and figures, written in the layout and phrasing of a
real page (Sichuan, Yunnan, Hebei, Anhui, Hunan, Xinjiang, Inner Mongolia portals; 自评表 exported
one cell per line, flattened to one line, or as pipe rows; traditional-script mirrors), parsed the
way ``python -m ingestion parse`` does, and checked against what a perfect parser extracts from
that text alone (the gold conventions of ``../shared/contract``). A case the parser gets wrong
today is marked ``xfail(strict=True)``: once fixed it fails as XPASS, so drop its mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.parsing.conftest import extraction_of


@dataclass(frozen=True)
class Not:
    """Expect any value but this one."""

    value: Any


NON_EMPTY = object()  # expect a non-empty list


def _at(result: dict[str, Any], path: str) -> Any:
    """``"budget_execution.score"`` or ``"indicators.0.name"`` -> the value there (None if absent)."""
    value: Any = result
    for key in path.split("."):
        if value is None:
            return None
        value = value[int(key)] if isinstance(value, list) else value.get(key)
    return value


def _xfail(pattern: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=pattern)


# -- amounts, budget execution and indicators: many scored facts per report ------------------

PROSE_APPROVED_BUDGET = (
    "某州信息中心2024年项目支出绩效自评报告\n一、基本情况\n"
    "2024年,本中心实施项目共12个,年初批复预算780万元(含1个结转项目40万元),调整后预算702.5万元。\n"
)
PROSE_SUBJECT_BEFORE_LABEL = (
    "某县文化馆2023年项目支出绩效自评报告\n一、项目基本情况\n"
    "本项目年初预算数120万元,全年预算数150万元,全年执行数148.5万元。\n"
)
PROSE_TOTALS_BOTH_WAYS = (
    "2024年度单位决算\n第一部分单位概况\n第二部分 2024年度决算情况说明\n"
    "一、收入支出决算总体情况说明\n2024年度本单位收、支总计均为836.12万元。与上年相比增加20.5万元。\n"
)
PIPE_ROWS_BLANK_SCORE = (
    "部门预算项目支出绩效自评表(2023年度) | |||\n"
    "项目名称 | 5100-工资性支出 | ||\n"
    "主管部门 | 仁寿县统计局 | 实施单位 | 仁寿县统计局 |\n"
    "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | "
    "调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n"
    "总额 | 120.50 | 130.00 | 129.00 | 99.23% | 10 | | |\n"
    "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | "
    "指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
    "产出指标 | 数量指标 | 发放覆盖率 | = | 100 | % | | 60 | | |\n"
    "效益指标 | 社会效益指标 | 足额保障率 | = | 100 | % | | 30 | | |\n"
    "合计 | 100 | | |\n"
)
ONE_CELL_PER_LINE = "".join(
    f"{cell} |\n"
    for cell in (
        "部门预算项目支出绩效自评表(2023年度)", "项目名称", "5100-办公运行经费", "主管部门", "仁寿县统计局",
        "实施单位 (盖章)", "仁寿县统计局", "预算执行情况(10分)",
        "年度预算数(万元)", "年初预算", "调整后预算数",
        "预算执行数", "预算执行率", "权重", "得分", "原因",
        "总额", "88.40", "90.20", "90.20", "100.00%", "10",
        "10", "", "绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
        "完成值", "权重", "得分", "未完成原因分析", "产出指标", "数量指标", "保障在职人数", "=", "12", "人",
        "12", "50", "50", "", "效益指标", "社会效益指标",
        "机关正常运转率", "=", "100", "%", "100", "40", "40",
        "", "合计", "100", "100", "",
    )
)  # fmt: skip
ONE_CELL_PER_LINE_BLANK_LINES = "\n\n".join(
    (
        "项目支出绩效自评表", "2019年度)", "项目名称", "围墙维修改造经费", "主管部门", "廊坊市教育局",
        "实施单位", "廊坊市某职业学校", "项目资金\n(万元)", " ", "年初", "预算数", "全年", "预算数", "全年",
        "执行数", "分值", "执行率", "得分", "年度资金总额", "52.6", "52.6", "47.9", "10", "91%", "9",
        "其中:当年财政拨款", "52.6", "52.6", "47.9", " ",
        "一级指标", "二级指标", "三级指标", "年度", "指标值",
        "实际", "完成值", "分值", "得分",
        "偏差原因分析及改进措施", "产出指标", "数量指标", "指标1维修围墙长度",
        "300米", "300米", "10", "10", " ", "质量指标", "指标1验收合格率", "100%", "100%", "10", "10", " ",
    )
)  # fmt: skip
FLATTENED_TABLE = (
    "附件2: 项目支出绩效自评表(2022年度) 项目名称 河道保洁项目 主管部门 305-池州市贵池区某镇人民政府 "
    "实施单位 305001-池州市贵池区某镇人民政府 "
    "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
    "年度资金总额: 44 43.2 43.2 10 100% 10 其中:当年财政拨款 44 43.2 43.2 其他资金 "
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(50分) 数量指标 保洁河段长度 ≥8公里 8.5 25 25 质量指标 水面保洁达标率 ≥90% 96% 25 25\n"
)
TRADITIONAL_SCRIPT = (
    "昌吉市檔案館2023年度部門決算公開說明\n第一部分 單位概況\n二、機構設置及人員情況\n"
    "本單位2023年度,實有人數9人,其中:在職人員7人,退休人員2人。\n第二部分 部門決算情況說明\n"
    "一、收入支出決算總體情況說明\n2023年度收入總計312.40萬元,其中:本年收入合計310.10萬元。\n"
    "2023年度支出總計312.40萬元,其中:本年支出合計310.10萬元。\n"
)
SIMPLIFIED_SCRIPT = (
    "昌吉市档案馆2023年度部门决算公开说明\n第一部分 单位概况\n二、机构设置及人员情况\n"
    "本单位2023年度,实有人数9人,其中:在职人员7人,退休人员2人。\n第二部分 部门决算情况说明\n"
    "一、收入支出决算总体情况说明\n2023年度收入总计312.40万元,其中:本年收入合计310.10万元。\n"
    "2023年度支出总计312.40万元,其中:本年支出合计310.10万元。\n"
)
YUAN_TABLE_WITH_ROW_NUMBERS = (
    "彝良县龙安镇中心卫生院2022年部门决算公开表.xls\n\n"
    "收入支出决算总表 部门:昭通市彝良县龙安镇中心卫生院 收入 "
    "项目 行次 栏次 金额 1 一、一般公共预算财政拨款收入 1 "
    "二、政府性基金预算财政拨款收入 2 八、其他收入 8 3,122,315.04 1,003,618.46 9 10 11 本年收入合计 27 "
    "总计 30 5,754,899.39 5,754,899.39 注:本表反映部门本年度的总收支。 金额单位:元\n"
)

NO_AMOUNT_KEYS = ("appropriation_revenue", "appropriation_expenditure", "basic")

AMOUNT_CASES = [
    pytest.param(
        PROSE_APPROVED_BUDGET, {"amounts_wan.budget_initial": "780"},
        id="年初批复预算 after the subject 本中心",
    ),
    pytest.param(
        PROSE_SUBJECT_BEFORE_LABEL, {"amounts_wan.budget_initial": "120"},
        id="本项目 before 年初预算数",
    ),
    pytest.param(
        PROSE_SUBJECT_BEFORE_LABEL,
        {"amounts_wan.budget_full_year": "150", "amounts_wan.executed": "148.5"},
        id="本项目 before 全年预算数 and 全年执行数",
    ),
    pytest.param(
        PROSE_TOTALS_BOTH_WAYS, {"amounts_wan.appropriation_expenditure": "836.12"},
        id="收、支总计均为 is the 决算 total",
    ),
    pytest.param(
        PIPE_ROWS_BLANK_SCORE,
        {
            "budget_execution.initial_wan": "120.50", "budget_execution.full_year_wan": "130.00",
            "budget_execution.executed_wan": "129.00", "budget_execution.rate_pct": 99.23,
            "budget_execution.weight": 10, "budget_execution.score": None,
            "amounts_wan.budget_initial": "120.50", "amounts_wan.budget_full_year": "130.00",
            "amounts_wan.executed": "129.00",
        },
        id="budget-execution pipe row with blank 得分 and 原因 cells",
    ),
    pytest.param(
        PIPE_ROWS_BLANK_SCORE,
        {
            "indicators.0.name": "发放覆盖率", "indicators.0.level1": "产出指标", "indicators.0.weight": 60,
            "indicators.0.target": "=100%", "indicators.0.actual": None, "indicators.0.score": None,
            "self_score": None,
        },
        id="indicator pipe rows with blank 完成值 and 得分; 合计 of weights is no self score",
    ),
    pytest.param(
        ONE_CELL_PER_LINE,
        {
            "budget_execution.initial_wan": "88.40", "budget_execution.full_year_wan": "90.20",
            "budget_execution.executed_wan": "90.20", "budget_execution.score": 10,
            "amounts_wan.budget_initial": "88.40", "amounts_wan.executed": "90.20",
            "indicators.0.name": "保障在职人数", "indicators.0.weight": 50, "indicators.1.score": 40,
            "self_score": 100,
        },
        id="self-evaluation table one cell per line ending in |",
    ),
    pytest.param(
        ONE_CELL_PER_LINE_BLANK_LINES,
        {
            "budget_execution.initial_wan": "52.6", "budget_execution.full_year_wan": "52.6",
            "budget_execution.executed_wan": "47.9", "budget_execution.rate_pct": 91,
            "budget_execution.score": 9, "amounts_wan.executed": "47.9",
            "indicators.0.target": "300米", "indicators.1.weight": 10,
        },
        id="self-evaluation table one cell per paragraph with split headers",
    ),
    pytest.param(
        FLATTENED_TABLE,
        {
            "budget_execution.initial_wan": "44", "budget_execution.full_year_wan": "43.2",
            "budget_execution.executed_wan": "43.2", "budget_execution.score": 10,
            "indicators.0.name": "保洁河段长度", "indicators.0.level1": "产出指标", "indicators.1.score": 25,
        },
        id="self-evaluation table flattened to one line",
    ),
    pytest.param(
        TRADITIONAL_SCRIPT,
        {
            "report.kind": "final_accounts", "amounts_wan.appropriation_expenditure": "312.40",
            # 实有人数 counts the retired here: the serving staff are its 在职 part.
            "staffing.actual": 7, "staffing.retired": 2,
        },
        id="traditional-script 决算",
    ),
    pytest.param(
        SIMPLIFIED_SCRIPT,
        {
            "report.kind": "final_accounts", "amounts_wan.appropriation_expenditure": "312.40",
            "staffing.actual": 7, "staffing.retired": 2,
        },
        id="the same 决算 in simplified script",
    ),
    pytest.param(
        YUAN_TABLE_WITH_ROW_NUMBERS,
        {f"amounts_wan.{key}": None for key in NO_AMOUNT_KEYS},
        id="an xls 决算表 in 元 with 行次 numbers states no 万元 amounts",
    ),
]  # fmt: skip


# -- kind, year, unit and region ---------------------------------------------------------------

REPORT_CASES = [
    pytest.param(
        "索引号: | x1-0601-2022-0004 | 主题分类: | 综合政务 |\n"
        "发布机构: | 西湖区东岭街道 | 生成日期: | 2022-11-17 |\n"
        "东岭街道办事处部门2021年度部门决算\n目 录\n第一部分 东岭街道办事处部门概况\n",
        {"report.unit_name": "东岭街道办事处", "report.kind": "final_accounts", "report.fiscal_year": 2021},
        id="unit followed by 部门 in the title",
    ),
    pytest.param(
        "2024年度单位决算\n第一部分单位概况\n二、机构设置\n渠县林业技术推广站下设办公室、财务室等。\n",
        {
            "report.unit_name": "林业技术推广站",
            "report.region.district": "渠县",
            "report.region.division_code": "511725",
        },
        id="unit named only in the body before 下设",
    ),
    pytest.param(
        "云县水务局2023年度部门决算 |\n来源:云县人民政府 时间:2024-10-21 |\n目 录 第一部分 部门概况\n",
        {
            "report.unit_name": "水务局",
            "report.region.division_code": "530922",
            "report.kind": "final_accounts",
        },
        id="title line ending in a pipe",
    ),
    pytest.param(
        "2020年某市档案馆决算公开报告.doc\n内蒙古自治区包头市"
        "档案馆 2020年度决算说明 目录 一、单位概况 "
        "(一)主要职能 (二)机构设置 二、2020年度决算表\n",
        {"report.unit_name": "档案馆", "report.region.division_code": "150200", "report.fiscal_year": 2020},
        id="title flattened with the table of contents",
    ),
    pytest.param(
        "索引号 536/2023-2155280 发布机构 白水镇 公开范围 全部公开\n"
        "生成日期 2023-08-11 公开日期 2023-08-11 公开方式 政府网站\n\n2022年度白水镇人民政府部门决算\n\n"
        "来源: 日期:\n 目 录\n 第一部分 白水镇人民政府概况\n",
        {"report.unit_name": "白水镇人民政府", "report.title": "2022年度白水镇人民政府部门决算"},
        id="portal metadata without separators before the title",
    ),
    pytest.param(
        "索引号: | 1134/202201-00014 | 组配分类: | 政府预"
        "算 |\n池州市贵池区东门街道办事处2022年部门预算\n2022年1月\n"
        "第一部分部门概况\n第四部分2022年部门预算表(附表)\n11.2022"
        "年部门(单位)整体支出绩效目标表\n12.2022年项目支出绩效目标表\n",
        {"report.kind": Not("overall_expenditure")},
        id="部门预算 is not an overall self-evaluation",
    ),
    pytest.param(
        PIPE_ROWS_BLANK_SCORE,
        {"report.unit_name": "统计局", "report.region.division_code": "511421", "report.fiscal_year": 2023},
        id="unit from the 实施单位 cell",
    ),
    pytest.param(
        YUAN_TABLE_WITH_ROW_NUMBERS,
        {"report.unit_name": "龙安镇中心卫生院", "report.region.division_code": "530628"},
        id="a town health centre named in a 部门: field keeps 中心卫生院",
    ),
    pytest.param(
        "彝良县龙安镇中心卫生院2022年度部门决算\n第一部分 单位概况\n",
        {"report.unit_name": "龙安镇中心卫生院", "report.region.division_code": "530628"},
        id="a town health centre in the title keeps 中心卫生院",
    ),
    pytest.param(
        "今天是: 网站管理入口\n宁乡:召开秋季森林防火部署会 临"
        "湘:启动城区管网改造 嘉禾:举办农民丰收节活动\n"
        "当前位置:首页 > 通知公告\n\n湖南省气象局2019年度部门整体支出"
        "绩效评价报告\n\n日期: 2020-06-25 来源: 湖南省气象局\n"
        "  一、部门概况\n",
        {
            "report.region.division_code": "430000",
            "report.region.district": None,
            "report.unit_name": "气象局",
        },
        id="portal headlines naming other counties do not set the region",
    ),
]  # fmt: skip


# -- problems and measures -----------------------------------------------------------------------

POINTS_CASES = [
    pytest.param(
        "某局2019年度部门整体支出绩效自评报告\n三、自评情况\n"
        "按照预算绩效管理要求,本部门对2019年整体支出开展绩效自评,"
        "自评得分92分,存在的问题:一是部分项目支出测算偏粗,预算与实际差距较大。二是资金拨付进度偏慢。"
        "下一步改进措施:一是细化项目支出测算。二是加快资金拨付进度。\n",
        {"problems": NON_EMPTY, "measures": NON_EMPTY, "self_score": 92},
        id="problems and measures inline after 自评得分",
    ),
    pytest.param(
        ONE_CELL_PER_LINE_BLANK_LINES, {"measures": []},
        id="no measures from the 偏差原因分析及改进措施 column header",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), AMOUNT_CASES + REPORT_CASES + POINTS_CASES)
def test_field_pattern(text: str, expected: dict[str, Any]) -> None:
    result = extraction_of(text)
    for path, want in expected.items():
        got = _at(result, path)
        if want is NON_EMPTY:
            assert got, f"{path}: expected a non-empty list, got {got!r}"
        elif isinstance(want, Not):
            assert got != want.value, f"{path}: expected anything but {want.value!r}"
        else:
            assert got == want, f"{path}: expected {want!r}, got {got!r}"
