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
    result = extract_report(document_of(text), path="x.txt", sha256="0" * 64)
    return {key: value for key, value in result["amounts_wan"].items() if value is not None}


def test_a_labelled_figure_in_yuan_or_yi_is_reported_not_taken() -> None:
    result = extract_report(
        document_of(FINAL + "2023年度支出总计12,345,678.90元,年初预算数1.2亿元。\n"),
        path="x.txt",
        sha256="0" * 64,
    )
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
            FINAL + "2023年度收入总计1,234.56万元,支出总计1,234.56万元,较上年增加12.5万元。\n",
            {"appropriation_expenditure": "1234.56"},
            id="thousands separators inside a clause",
        ),
        pytest.param(
            OVERALL + "2023年度年初收支预算为500.2万元,全年预算为630.5万元。本年支出合计610.8万元。\n",
            {"budget_initial": "500.2", "budget_full_year": "630.5", "appropriation_expenditure": "610.8"},
            id="年初收支预算, 全年预算 and 本年支出合计 of an overall report",
        ),
        pytest.param(
            OVERALL + "一是2023年部门年初预算102.5万元,年中调整预算为178.1万元,全年执行数176.7万元。\n",
            {"budget_initial": "102.5", "budget_full_year": "178.1", "executed": "176.7"},
            id="一是 and 年中调整预算",
        ),
        pytest.param(
            OVERALL + "民政部门2023年预算数11,605.29万元,执行数11,580.1万元。\n",
            {"budget_full_year": "11605.29", "executed": "11580.1"},
            id="the department as the subject of a stage-less budget",
        ),
        pytest.param(
            OVERALL + "2023年部门预算财政安排公共财政拨款资金共157.71万元,实际支出157.71万元。\n",
            {"budget_full_year": "157.71", "executed": "157.71"},
            id="what the budget consists of follows 预算",
        ),
        pytest.param(
            OVERALL + "年中追加项目“社区经费”,金额41.5万元,实际支出41.5万元。\n",
            {},
            id="a project's spending in a unit's report is not the unit's",
        ),
        pytest.param(
            PROJECT + "2023年度护林员补助项目预算数为56万元,执行数为54.6万元。\n",
            {"budget_full_year": "56", "executed": "54.6"},
            id="the project as the subject",
        ),
        pytest.param(
            PROJECT + "2023年共投入护林员补助经费预算104.4万元。实际执行92.65万元,执行率88.74%。\n",
            {"budget_full_year": "104.4", "executed": "92.65"},
            id="the fund as the subject; 实际执行",
        ),
        pytest.param(
            PROJECT
            + "2023年省林业厅2次下达我县护林员补助专项资金88.00万元。截至2023年底项目支出80.5万元。\n",
            {"budget_full_year": "88.00", "executed": "80.5"},
            id="issued by a higher level; a single project's 项目支出 is its execution",
        ),
        pytest.param(
            PROJECT + "中央下达护林员补助资金90万元。省级下达资金8万元。市县下达资金2.5万元。\n",
            {},
            id="several issued figures and no total: none",
        ),
        pytest.param(
            PROJECT + "2023年护林员补助资金合计98.5万元。"
            "其中,安排管护任务资金合计80万元,安排培训资金合计18.5万元。\n",
            {"budget_full_year": "98.5"},
            id="a fund's stated total; its parts are not",
        ),
        pytest.param(
            PROJECT + "下达护林员补助资金120万元,调减40万元,全年实际下达80万元。\n",
            {"budget_full_year": "80"},
            id="全年实际下达 beats what was first issued",
        ),
        pytest.param(
            PROJECT + "每人每年补助 4400 元,省级预算安排12.3亿元。\n",
            {},
            id="stage-less figures in 元 or 亿元 are not taken",
        ),
        pytest.param(
            OVERALL + "2023年度我厅涉及一般公共预算支出282,796.90万元。\n",
            {"appropriation_expenditure": "282796.90"},
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
    ],
)
def test_amount_phrasing(text: str, expected: dict[str, Any]) -> None:
    assert _amounts(text) == expected
