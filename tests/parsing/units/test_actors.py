"""Units a report names only by what they do (snippets invented, layouts of several provinces):
the unit opening its duties section (某局贯彻落实…, 某馆的主要职责是…), the unit that says it
carried out the evaluation (its own self-evaluation, alone or with the finance office, or a finance
office's evaluation of another's fund), and the unit acting on several cited notices.
"""

from __future__ import annotations

import pytest

from ingestion.parsing.units.unit import unit_name
from tests.parsing.conftest import document_of

CONTENTS = (
    "目 录\n第一部分 部门概况\n一、主要职能、职责\n二、机构设置\n第一部分 部门概况\n一、主要职能、职责\n"
)


def _unit(text: str) -> str | None:
    return unit_name(document_of(text), None)[0]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            CONTENTS + "宜昌市自然资源和规划局贯彻落实党中央关于自然资源工作的方针政策。主要职责是:\n",
            "自然资源和规划局",
            id="a 决算's duties open with the unit and 贯彻落实",
        ),
        pytest.param(
            CONTENTS + "嘉兴市南湖区档案馆的主要职责是:收集、整理和保管档案。\n",
            "档案馆",
            id="the unit's 的主要职责是",
        ),
        pytest.param(
            "一、部门基本情况\n(一)部门职能\n眉山市东坡区水利局履行下列职责:负责水资源管理。\n",
            "水利局",
            id="the unit 履行 its duties",
        ),
        pytest.param(
            CONTENTS + "生态环境局贯彻落实上级决策部署。\n",
            None,
            id="an office without its region opening the duties is no unit",
        ),
    ],
)
def test_unit_opening_its_duties(text: str, unit: str | None) -> None:
    assert _unit(text) == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "根据《关于做好2023年度转移支付资金自评工作的通知》(财绩〔2024〕5号)、《林业补助资金管理办法》"
            "有关规定,宜昌市林业局、财政局积极组织开展了2023年度中央财政林业补助资金绩效自评工作,"
            "自评情况如下:\n一、绩效目标分解下达情况\n",
            "林业局",
            id="a department and the finance office did the self-evaluation after two cited notices",
        ),
        pytest.param(
            "一、基本情况\n为贯彻全面实施预算绩效管理的意见精神,嘉兴市南湖区财政局组建了评价工作组对区水务局"
            "2023年河道保洁经费项目开展了绩效评价。\n",
            "财政局",
            id="a finance office formed the team that evaluated another's fund",
        ),
        pytest.param(
            "2024年5月,眉山市东坡区教育局组织开展了2023年度项目支出绩效自评工作,现将情况报告如下。\n",
            "教育局",
            id="a date, then the unit that organised its self-evaluation",
        ),
        pytest.param(
            "1.青禾高新技术产业开发区公用事业管理中心成立了绩效自评工作组,对全部项目开展自评。\n",
            "青禾高新技术产业开发区公用事业管理中心",
            id="a long name of its own set up the self-evaluation group",
        ),
        pytest.param(
            "各单位认真组织开展了绩效自评工作。\n",
            None,
            id="各单位 is no unit",
        ),
        pytest.param(
            "受宜昌市财政局委托,青禾会计师事务所组建评价小组开展了绩效评价工作。\n",
            "财政局",
            id="a third party's team is not the unit; the office that commissioned it is",
        ),
        pytest.param(
            "2022 年襄阳市樊城区财政局选取 2021 年的 4 个绩效 项目设为重点项目,委托第三方机构开展评价。\n",
            "财政局",
            id="the office that picked the projects for key evaluation, a spaced date before it",
        ),
        pytest.param(
            "襄阳市樊城区财政局选取3名干部参加绩效评价业务培训。\n",
            None,
            id="near miss: picking people for a training is no evaluation's choice",
        ),
        pytest.param(
            "财政局组织开展了绩效评价工作。\n",
            None,
            id="an office without its region is no unit",
        ),
    ],
)
def test_unit_that_carried_out_the_evaluation(text: str, unit: str | None) -> None:
    assert _unit(text) == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "根据《关于开展绩效评价的通知》和《项目资金管理办法》相关要求,眉山市东坡区农业农村局对本局项目进行评价。\n",
            "农业农村局",
            id="two notices joined by 和, 相关要求",
        ),
        pytest.param(
            "按照《某省财政厅关于做好绩效自评的通知》(某财绩〔2024〕5号)要求,宜昌市民政局负责本次自评。\n",
            "民政局",
            id="按照 a cited notice with its number",
        ),
    ],
)
def test_unit_acting_on_cited_notices(text: str, unit: str | None) -> None:
    assert _unit(text) == unit
