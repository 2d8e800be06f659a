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


PUBLIC = [
    ["经费控制情况（万元）", "2021年决算数", "2022年预算数", "2022年决算数"],
    ["项目支出：", "310.40", "120", "402.75"],
    ["公用经费", "64.10", "58", "71.36"],
    ["    其中：办公经费", "12.00", "11", "13.25"],
]


def test_public_funds_row_gives_the_years_public_funds() -> None:
    # The row's latest 决算 column is the year's 公用经费, not the prior year's or the budget.
    facts = extract_tables(make_document(PUBLIC))
    assert facts.amounts == {"public_funds": "71.36"}
    assert facts.evidence["/amounts_wan/public_funds"]["text"] == "71.36"


def test_public_funds_row_as_one_cell_per_line() -> None:
    lines = [cell for row in PUBLIC for cell in row]
    facts = extract_tables(make_document(*lines))
    assert facts.amounts.get("public_funds") == "71.36"


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("经费控制情况（元）", id="yuan header"),
        pytest.param("经费控制情况", id="no unit declared"),
    ],
)
def test_public_funds_row_outside_wan_stays_null(header: str) -> None:
    table = [[header, *PUBLIC[0][1:]], *PUBLIC[1:]]
    facts = extract_tables(make_document(table))
    assert "public_funds" not in facts.amounts


def test_public_funds_part_row_is_not_the_total() -> None:
    # 日常公用经费 or 其中：办公经费 alone is a part of it, never the row itself.
    table = [PUBLIC[0], ["其中：办公经费", "12.00", "11", "13.25"], ["日常公用经费补助", "1", "1", "2"]]
    facts = extract_tables(make_document(table))
    assert "public_funds" not in facts.amounts
