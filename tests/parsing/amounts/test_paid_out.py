"""A project's spending told as a paying verb with 资金 after it (支出资金, 拨付资金), in a report
on that one project; never money an issuer passed to it, nor what a unit's report says it paid
(snippets invented)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.parsing.conftest import extraction_of

PROJECT = "2023年度项目绩效自评报告\n(青禾县档案数字化经费项目)\n一、项目资金情况\n"
OVERALL = "青禾县档案馆2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"


def _amounts(text: str) -> dict[str, Any]:
    amounts = extraction_of(text)["amounts_wan"]
    return {key: value for key, value in amounts.items() if value is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            PROJECT + "全年到位资金4.5万元。档案数字化经费按规定用于扫描外包,支出资金4.5万元,执行率100%。\n",
            {"budget_full_year": "4.5", "executed": "4.5"},
            id="支出资金 after the fund's use",
        ),
        pytest.param(
            PROJECT
            + "年初预算安排80万元。我馆已按合同约定及工程进度及时足额拨付资金31.2万元,拨付进度100%。\n",
            {"budget_initial": "80", "executed": "31.2"},
            id="拨付资金 after the pace and manner of the payments",
        ),
        pytest.param(
            PROJECT + "年初预算安排80万元。严格按施工进度拨付资金25万元。\n",
            {"budget_initial": "80", "executed": "25"},
            id="严格按施工进度 before 拨付资金",
        ),
    ],
)
def test_a_projects_payments_are_its_execution(text: str, expected: dict[str, Any]) -> None:
    assert _amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            PROJECT + "年初预算安排80万元。县级财政及时足额拨付资金80万元。\n",
            {"budget_initial": "80"},
            id="the finance bureau paying the project is no spending",
        ),
        pytest.param(
            PROJECT + "年初预算安排80万元。财政已拨付资金80万元。\n",
            {"budget_initial": "80"},
            id="财政 already paying the project is no spending",
        ),
        pytest.param(
            PROJECT + "年初预算安排80万元。截至年底未支出资金6万元。\n",
            {"budget_initial": "80"},
            id="what was not spent",
        ),
        pytest.param(
            OVERALL + "本年度我馆及时足额拨付资金12万元用于档案修复。\n",
            {},
            id="a unit's report: any payment, not the unit's spending",
        ),
    ],
)
def test_money_passed_to_a_project_or_left_unspent_is_no_execution(
    text: str, expected: dict[str, Any]
) -> None:
    assert _amounts(text) == expected
