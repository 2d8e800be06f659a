"""Budget-execution rows of self-evaluation forms as text exports split them (snippets invented):
the header row keeps no leading pipe while the data rows do, so the reader splits them into a
paragraph and a table; and a form whose budget column names no stage (预算数(A) | 执行数(B))."""

from __future__ import annotations

from tests.parsing.conftest import extraction_of

HEADER_WITHOUT_PIPE = (
    "部门预算项目支出绩效自评表(2023年度) | | |\n"
    "项目名称 | | 青川县河道保洁经费 | |\n"
    "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 |"
    " 得分 |\n"
    "| 总额 | 8.00 | 9.50 | 9.00 | 94.74% | 10 | 9 |\n"
    "| 其中:财政资金 | 8.00 | 9.50 | 9.00 | 94.74% | / | / |\n"
)
STAGELESS_BUDGET_COLUMN = (
    "2022年度项目支出绩效自评表\n"
    "项目名称 | 青川县2021年肥料试验项目补助资金 | | |\n"
    "预算执行情况(10分)(万元) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (10分*执行率) |\n"
    "年度财政资金总额 | 120.5 | 60.25 | 50% | 5 |\n"
)


def test_a_header_row_split_from_its_data_rows_still_names_their_columns() -> None:
    result = extraction_of(HEADER_WITHOUT_PIPE)
    assert result["budget_execution"]["initial_wan"] == "8.00"
    assert result["budget_execution"]["full_year_wan"] == "9.50"
    assert result["budget_execution"]["executed_wan"] == "9.00"
    assert (result["budget_execution"]["weight"], result["budget_execution"]["score"]) == (10, 9)
    assert result["projects"] == [
        {
            "name": "青川县河道保洁经费",
            "type": None,
            "purpose": None,
            "budget_wan": "9.50",
            "spent_wan": "9.00",
        }
    ]


def test_a_budget_column_naming_no_stage_is_the_full_year_budget() -> None:
    result = extraction_of(STAGELESS_BUDGET_COLUMN)
    amounts = result["amounts_wan"]
    assert (amounts["budget_initial"], amounts["budget_full_year"], amounts["executed"]) == (
        None,
        "120.5",
        "60.25",
    )
    assert result["report"]["fiscal_year"] == 2022
