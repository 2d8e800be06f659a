"""A budget row whose figures ran together when a form lost every separator (snippets invented)."""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing.tables import extract_tables

from .conftest import as_decimals, make_document

LEAD = "项目名称档案修复经费主管部门青禾县档案馆项目资金(万元)"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            LEAD + "全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额48.547.598%其中:财政拨款48.547.598%",
            {"budget_full_year": "48.5", "executed": "47.5"},
            id="two figures and the rate that settles where they part",
        ),
        pytest.param(
            LEAD + "预算数(A)执行数(B)执行率(B/A)得分(10分×执行率)年度 财政资金总额300300100%10",
            {"budget_full_year": "300", "executed": "300"},
            id="a stage-less 预算数, the label broken by a space, the score after the rate",
        ),
        pytest.param(
            LEAD + "年初预算数全年预算数(A)全年执行数(B)执行率年度资金总额6060.559.899%",
            {"budget_initial": "60", "budget_full_year": "60.5", "executed": "59.8"},
            id="three figures",
        ),
        pytest.param(
            LEAD + "全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:40381095.00%9.5",
            {"budget_full_year": "40", "executed": "38"},
            id="a 分值 column between the figures and the rate",
        ),
        pytest.param(
            LEAD + "年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分年度资金总额:250.4120.361048%4.8",
            {"budget_initial": "250.4", "executed": "120.36"},
            id="the split whose 分值 would pass 100 (120.3 | 610) is no split",
        ),
        pytest.param(
            LEAD + "全年预算数全年执行数执行率年度资金总额12345%",
            {},
            id="no split gives the rate: nothing taken",
        ),
        pytest.param(
            LEAD + "全年预算数全年执行数执行率年度资金总额100100%",
            {},
            id="a zero rate or a lone figure proves no split",
        ),
    ],
)
def test_run_together_budget_row(line: str, expected: dict[str, Any]) -> None:
    facts = extract_tables(make_document(line))
    assert as_decimals(facts.amounts) == as_decimals(expected)


def test_the_figures_are_cited_where_they_stand() -> None:
    line = LEAD + "全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额48.547.598%"
    document = make_document(line)
    facts = extract_tables(document)
    cited = facts.evidence["/budget_execution/executed_wan"]
    assert document.text[cited["start"] : cited["end"]] == "47.5"


def test_run_together_row_under_a_header_line_of_its_own() -> None:
    from ingestion.parsing.tables import extract_tables
    from ingestion.parsing.tables.recovered import recovered_blocks

    document = make_document(
        "项目资金",
        "(万元)",
        "全年预算数(A)全年执行数(B)预算执行率(B/A)",
        "年度资金总额:25002500100%",
        "其他资金",
    )
    assert any(block.__class__.__name__ == "Table" for block in recovered_blocks(document.blocks))
    assert extract_tables(document).amounts == {"budget_full_year": "2500", "executed": "2500"}
