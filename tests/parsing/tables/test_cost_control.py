from __future__ import annotations

import pytest

from ingestion.parsing.tables import extract_tables

from .conftest import as_decimals, make_document

STAFF = [["财政供养人员情况（人）", "编制数", "2022年实际在职人数", "控制率"], ["", "48", "43", "90%"]]
MONEY = [
    ["经费控制情况（万元）", "2021年决算数", "2022年预算数", "2022年决算数"],
    ["三公经费", "1.5", "2", "1.2"],
    ["   1、公务用车购置及运行维护费", "0", "0", "0"],
    ["       其中：公车购置", "0", "", "0"],
    ["项目支出：", "1,200.50", "", "980"],
    ["    2、运行维护经费", "", "", ""],
    ["政府采购金额", "——", "16", "142.80"],
    ["部门基本支出预算调整", "——", "", ""],
]
AFTER = [
    ["楼堂馆所控制情况", "批复规模（㎡）", "实际规模（㎡）", "预算投资（万元）"],
    ["办公楼", "100", "100", "50"],
]
EXPECTED = [
    {"item": "三公经费", "prior_final_wan": "1.5", "budget_wan": "2", "final_wan": "1.2"},
    {"item": "公务用车购置及运行维护费", "prior_final_wan": "0", "budget_wan": "0", "final_wan": "0"},
    {"item": "公车购置", "prior_final_wan": "0", "budget_wan": None, "final_wan": "0"},
    {"item": "项目支出", "prior_final_wan": "1200.50", "budget_wan": None, "final_wan": "980"},
    {"item": "政府采购金额", "prior_final_wan": None, "budget_wan": "16", "final_wan": "142.80"},
]


def reorder(rows: list[list[str]], order: list[int]) -> list[list[str]]:
    return [[row[i] for i in order] for row in rows]


@pytest.mark.parametrize(
    "table",
    [
        pytest.param([*STAFF, *MONEY, *AFTER], id="staffing before money, 楼堂馆所 after"),
        pytest.param([*MONEY, *STAFF], id="staffing after money"),
        pytest.param(reorder(MONEY, [0, 3, 1, 2]), id="columns by year, not by position"),
        pytest.param([["", *row] for row in MONEY], id="extra leading empty column"),
    ],
)
def test_cost_control_rows(table: list[list[str]]) -> None:
    facts = extract_tables(make_document(table))
    assert facts.cost_control == EXPECTED
    assert facts.warnings == []


def test_yuan_header_converts_exactly() -> None:
    table = [
        ["经费控制情况（元）", "上年决算数", "预算数", "决算数"],
        ["公务接待", "15,000", "30000", "12345"],
    ]
    facts = extract_tables(make_document(table))
    assert as_decimals(facts.cost_control) == as_decimals(
        [{"item": "公务接待", "prior_final_wan": "1.5", "budget_wan": "3", "final_wan": "1.2345"}]
    )


def test_text_in_an_amount_cell_is_a_warning() -> None:
    table = [MONEY[0], ["公务接待", "见说明", "3", "0"]]
    facts = extract_tables(make_document(table))
    assert facts.cost_control[0]["prior_final_wan"] is None
    assert any("见说明" in w for w in facts.warnings)


def test_evidence_points_at_the_cell() -> None:
    document = make_document(MONEY)
    facts = extract_tables(document)
    cite = facts.evidence["/cost_control/3/prior_final_wan"]
    assert document.text[cite["start"] : cite["end"]] == "1,200.50"
    assert facts.evidence["/cost_control/3/item"]["text"] == "项目支出："


def test_staffing_from_the_basic_data_table() -> None:
    facts = extract_tables(make_document([*STAFF, *MONEY]))
    assert facts.staffing == {"authorized": 48, "actual": 43}
    assert facts.evidence["/staffing/actual"]["text"] == "43"
