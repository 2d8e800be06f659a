from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing.tables import extract_tables

from .conftest import Block, as_decimals, make_document

HEADER = ["项目名称", "项目类型", "资金用途、使用方向", "预算金额", "支出金额"]
SUB_HEADER = ["", "", "", "指标\n总额", "其中：区级资金", "支出总额", "其中：区级资金"]
PROJECT_ROWS = [
    ["1、道路保洁", "经常性项目", "用于环卫。", "120.50", "100", "130", "100"],
    ["绿化养护项目支出", "一次性项目", "用于绿化。", "80", "80", "70.25", "70"],
]
TWO_ROW_HEADER = [HEADER, SUB_HEADER, *PROJECT_ROWS, ["合计", "200.50", "180", "200.25", "170"]]
# python-docx repeats a merged cell's text across its span.
DOCX_STYLE = [
    [*HEADER[:4], HEADER[3], HEADER[4], HEADER[4]],
    [*HEADER[:3], "指标总额", "其中：区级资金", "支出总额", "其中：区级资金"],
    *PROJECT_ROWS,
    ["合计", "合计", "合计", "200.50", "180", "200.25", "170"],
]
IN_YUAN = [
    ["序号", "项目名称", "项目类型", "资金用途", "预算金额", "支出金额"],
    ["1", "道路保洁", "经常性项目", "用于环卫。", "1,205,000", "1300000"],
    ["2", "绿化养护", "一次性项目", "用于绿化。", "800,000", "702,500"],
    ["合计", "", "", "", "2,005,000", "2,002,500"],
]


def project(name: str, kind: str, purpose: str, budget: str, spent: str) -> dict[str, Any]:
    return {"name": name, "type": kind, "purpose": purpose, "budget_wan": budget, "spent_wan": spent}


CLEANING = project("道路保洁", "经常性项目", "用于环卫。", "120.50", "130")
GREENING = project("绿化养护", "一次性项目", "用于绿化。", "80", "70.25")


@pytest.mark.parametrize(
    ("blocks", "projects", "totals"),
    [
        pytest.param(
            ["金额单位：万元", TWO_ROW_HEADER],
            [CLEANING, GREENING],
            {"project_budget": "200.50", "project": "200.25"},
            id="two-row header, merged 合计 shortened",
        ),
        pytest.param(
            [DOCX_STYLE],
            [CLEANING, GREENING],
            {"project_budget": "200.50", "project": "200.25"},
            id="merged cells repeated",
        ),
        pytest.param(
            ["单位：元", IN_YUAN],
            [{**CLEANING, "budget_wan": "120.5"}, GREENING],
            {"project_budget": "200.5", "project": "200.25"},
            id="one-row header in yuan",
        ),
    ],
)
def test_projects_and_totals(blocks: list[Block], projects: list[dict], totals: dict[str, str]) -> None:
    facts = extract_tables(make_document(*blocks))
    assert as_decimals(facts.projects) == as_decimals(projects)
    assert as_decimals(facts.amounts) == as_decimals(totals)
    assert facts.warnings == []


def test_table_without_total_row() -> None:
    facts = extract_tables(make_document(TWO_ROW_HEADER[:3]))
    assert facts.projects == [CLEANING]
    assert facts.amounts == {}


def test_evidence() -> None:
    document = make_document(TWO_ROW_HEADER)
    facts = extract_tables(document)
    cite = facts.evidence["/projects/1/spent_wan"]
    assert document.text[cite["start"] : cite["end"]] == "70.25"
    assert facts.evidence["/amounts_wan/project_budget"]["text"] == "200.50"


def test_a_name_label_row_is_not_a_project_table() -> None:
    facts = extract_tables(make_document([["项目名称", "预算绩效管理"], ["主管部门", "财政局"]]))
    assert facts.projects == []


# A project's evaluation form listing its expense lines (支出内容 | 计划支出数 | 实际支出数).
EXPENSE_LINES = [
    ["支出内容", "计划支出数", "实际支出数"],
    ["渡船维护费", "12.50", "11.25"],
    ["船员培训经费", "7.50", "7.50"],
    ["支出合计", "20.00", "18.75"],
]


def test_expense_lines_are_the_projects_parts_and_their_total_is_not_the_reports() -> None:
    facts = extract_tables(make_document(EXPENSE_LINES))
    assert [(p["name"], p["budget_wan"], p["spent_wan"]) for p in facts.projects] == [
        ("渡船维护费", "12.50", "11.25"),
        ("船员培训经费", "7.50", "7.50"),
    ]
    assert facts.amounts == {}  # the 支出合计 is the one project's, not the report's 项目支出


def test_expense_lines_without_a_plan_column_are_no_project_table() -> None:
    # only what was spent, with a voucher column: a ledger, not a list of parts with budgets
    facts = extract_tables(
        make_document([["支出内容", "实际支出数", "凭证号"], ["渡船维护费", "11.25", "记12号"]])
    )
    assert facts.projects == []
