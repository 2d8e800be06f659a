"""Names no BI user should find among a report's projects: a year after a fund's name, the money's
sources (其他资金), a figure inside a name, a unit's whole spending, a pointer to projects named elsewhere."""

from __future__ import annotations

import pytest

from ingestion.parsing.projects.merge import names_a_project
from tests.parsing.conftest import extraction_of

BODY = "一、项目基本情况\n该资金年初预算80万元,全年执行80万元。\n"
TRAILING_YEAR = "困难残疾人生活补贴资金2023年度绩效自评报告\n" + BODY
SOURCES_RUN_TOGETHER = (
    "道路养护补助资金绩效自评报告\n一、资金投入情况\n"
    "2022年收到财政资金共300.5万元,其中:中央资金120.5万元,地方资金100万元,其他资金80万元"
    "2022年支出298万元,其中中央资金120万元,地方资金98万元,其他资金80万元\n"
)
POINTER = (
    "某市财政局关于2022年度重点绩效评价结果的公告\n根据安排,我局对以下项目开展了重点绩效评价,结果如下:\n"
    "1.某市农村饮水安全巩固提升工程项目,评价得分88分,等级良。\n"
    "2.某市城区路灯改造项目,评价得分90分,等级优。\n"
)
# Near misses: a year before the name stays (it names which year's fund), and a unit's report
# names no project at all.
LEADING_YEAR = "2023年困难残疾人生活补贴资金绩效自评报告\n" + BODY
UNIT_TITLE = "某县民政局2023年度项目支出绩效自评报告\n一、项目基本情况\n本年度项目资金到位80万元。\n"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (TRAILING_YEAR, ["困难残疾人生活补贴资金"]),
        (SOURCES_RUN_TOGETHER, ["道路养护补助资金"]),
        (POINTER, ["某市农村饮水安全巩固提升工程项目", "某市城区路灯改造项目"]),
        (LEADING_YEAR, ["2023年困难残疾人生活补贴资金"]),
        (UNIT_TITLE, []),
    ],
    ids=["trailing year", "sources run together", "pointer", "leading year", "unit title"],
)
def test_only_names_of_projects_are_listed(text: str, names: list[str]) -> None:
    assert [p["name"] for p in extraction_of(text)["projects"]] == names


@pytest.mark.parametrize(
    ("name", "kind", "taken"),
    [
        ("某市科技局2022年度部门整体支出", "overall_expenditure", False),
        ("某市科技局2022年度部门整体支出", "project_expenditure", False),
        # an announcement's evaluated items may be a unit's whole spending (corpus README)
        ("某市图书馆部门整体支出", "key_projects", True),
        ("其他资金80万元2022年", "key_projects", False),
        ("下列项目", "project_expenditure", False),
        ("下列村道项目", "project_expenditure", True),
        ("整体支出绩效提升项目", "overall_expenditure", True),
    ],
)
def test_a_unit_s_whole_spending_is_a_project_only_among_an_announcement_s_items(
    name: str, kind: str, taken: bool
) -> None:
    assert names_a_project(name, kind) is taken
