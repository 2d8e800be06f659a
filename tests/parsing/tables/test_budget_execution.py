from __future__ import annotations

import pytest

from ingestion.parsing.tables import extract_tables

from .conftest import as_decimals, make_document

STANDARD = [
    ["年度预算申请（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "537.60", "1,682.24", "1682.24", "10", "100%", "10"],
]
EXPECTED = {
    "initial_wan": "537.60",
    "full_year_wan": "1682.24",
    "executed_wan": "1682.24",
    "rate_pct": 100,
    "weight": 10,
    "score": 10,
}


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(STANDARD, id="standard order"),
        pytest.param(
            [
                ["年度资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
                ["年度资金总额：", "537.60", "1682.24", "1682.24", "100%", "10", "10"],
                ["其中：当年财政拨款", "537.60", "1682.24", "1682.24", "—", "—", "—"],
            ],
            id="rate before weight, merged label cell omitted",
        ),
        pytest.param(
            [
                ["项目资金（元）", "", "年初预算数", "调整后预算数", "全年执行数", "权重", "执行率", "得分"],
                ["", "年度资金总额", "5,376,000", "16822400", "16,822,400", "10", "100%", "10"],
            ],
            id="amounts in yuan with 调整后预算",
        ),
    ],
)
def test_budget_execution_by_header_names(table: list[list[str]]) -> None:
    facts = extract_tables(make_document(table))
    assert as_decimals(facts.budget_execution) == as_decimals(EXPECTED)
    assert as_decimals(facts.amounts) == as_decimals(
        {"budget_initial": "537.60", "budget_full_year": "1682.24", "executed": "1682.24"}
    )
    assert facts.indicators == []
    assert facts.warnings == []


def test_evidence_of_each_value() -> None:
    document = make_document(STANDARD)
    facts = extract_tables(document)
    cite = facts.evidence["/budget_execution/full_year_wan"]
    assert document.text[cite["start"] : cite["end"]] == "1,682.24"
    assert facts.evidence["/amounts_wan/executed"]["text"] == "1682.24"


def test_row_without_a_header_is_reported_not_guessed() -> None:
    row = ["年度资金总额", "537.60", "1682.24", "1682.24", "10", "100%", "10"]
    facts = extract_tables(make_document([row]))
    assert facts.budget_execution is None
    assert facts.amounts == {}
    assert any("年度资金总额" in w for w in facts.warnings)


def test_header_missing_a_column_leaves_it_null() -> None:
    facts = extract_tables(
        make_document([["", "全年预算数", "全年执行数", "执行率"], ["年度资金总额", "120", "108", "90%"]])
    )
    assert facts.budget_execution == {
        "initial_wan": None,
        "full_year_wan": "120",
        "executed_wan": "108",
        "rate_pct": 90,
        "weight": None,
        "score": None,
    }
    assert any("lacks" in w for w in facts.warnings)


ZERO_TOTAL_HEADER = [
    "项目资金（万元）",
    "",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
]


@pytest.mark.parametrize(
    ("funds_row", "expected"),
    [
        pytest.param(
            ["", "其中：本年财政拨款", "30", "28.6", "28.1", "—", "—", "—"],
            {"budget_initial": "30", "budget_full_year": "28.6", "executed": "28.1"},
            id="本年财政拨款 holds the money",
        ),
        pytest.param(
            ["", "当年财政拨款", "", "28.6", "28.1", "", "", ""],
            {"budget_full_year": "28.6", "executed": "28.1"},
            id="当年财政拨款 without an initial budget",
        ),
    ],
)
def test_zero_total_row_takes_the_money_of_its_appropriation_row(
    funds_row: list[str], expected: dict[str, str]
) -> None:
    table = [ZERO_TOTAL_HEADER, ["", "年度资金总额：", "0", "0", "0", "10", "0", "0"], funds_row]
    facts = extract_tables(make_document(table))
    assert as_decimals(facts.amounts) == as_decimals(expected)
    # The scored row stays as the form states it.
    assert facts.budget_execution is not None
    assert as_decimals(facts.budget_execution)["executed_wan"] == as_decimals("0")


def test_a_stated_total_row_is_not_replaced_by_its_appropriation_row() -> None:
    table = [
        ZERO_TOTAL_HEADER,
        ["", "年度资金总额：", "40", "40", "39", "10", "97.5%", "9.75"],
        ["", "其中：本年财政拨款", "30", "30", "29", "—", "—", "—"],
    ]
    facts = extract_tables(make_document(table))
    assert as_decimals(facts.amounts) == as_decimals(
        {"budget_initial": "40", "budget_full_year": "40", "executed": "39"}
    )


def test_zero_total_row_with_zero_appropriation_row_states_zero() -> None:
    table = [
        ZERO_TOTAL_HEADER,
        ["", "年度资金总额：", "0", "0", "0", "10", "0", "0"],
        ["", "其中：本年财政拨款", "0", "0", "0", "—", "—", "—"],
        ["", "其他资金", "12", "12", "12", "—", "—", "—"],
    ]
    facts = extract_tables(make_document(table))
    assert as_decimals(facts.amounts) == as_decimals(
        {"budget_initial": "0", "budget_full_year": "0", "executed": "0"}
    )


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            [
                ["资金情况（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
                ["", "30", "28.6", "28.1", "98%"],
            ],
            id="figures under the header, the total's label left out",
        ),
        pytest.param(
            [["年初预算数", "全年预算数", "全年执行数"], ["30", "28.6", "28.1"]],
            id="no unit, no rate",
        ),
    ],
)
def test_bare_figure_row_under_a_budget_header(table: list[list[str]]) -> None:
    facts = extract_tables(make_document(table))
    assert as_decimals(facts.amounts) == as_decimals(
        {"budget_initial": "30", "budget_full_year": "28.6", "executed": "28.1"}
    )


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            [["年初预算数", "全年预算数", "全年执行数"], ["合计", "30", "28.6"]], id="a labelled row"
        ),
        pytest.param(
            [["指标", "年度指标值", "实际完成值"], ["30", "28.6", "28.1"]], id="not a budget header"
        ),
        pytest.param(
            [["年初预算数", "全年预算数", "备注"], ["30", "28.6", "28.1"]], id="no execution column"
        ),
    ],
)
def test_no_budget_row_without_a_budget_header_over_bare_figures(table: list[list[str]]) -> None:
    assert extract_tables(make_document(table)).amounts == {}
