from __future__ import annotations

from ingestion.documents.model import Table
from ingestion.parsing.tables.header import build_header, find_rows

from .conftest import make_document


def first_table(rows: list[list[str]]) -> Table:
    return next(make_document(rows).tables())


def test_two_row_header_spreads_merged_parents() -> None:
    table = first_table(
        [
            ["项目名称", "项目类型", "预算金额", "支出金额"],
            ["", "", "指标总额", "其中：区级资金", "支出总额", "其中：区级资金"],
        ]
    )
    header = build_header(table, 0, sub_header=True)
    assert header.labels == (
        "项目名称",
        "项目类型",
        "预算金额/指标总额",
        "预算金额/其中:区级资金",
        "支出金额/支出总额",
        "支出金额/其中:区级资金",
    )
    assert header.last_row == 1
    assert header.column(("支出金额",), avoid=("其中",)) == 4


def test_two_row_header_with_repeated_merged_cells() -> None:
    table = first_table(
        [
            ["项目名称", "预算金额", "预算金额", "支出金额", "支出金额"],
            ["项目名称", "指标总额", "其中：区级资金", "支出总额", "其中：区级资金"],
        ]
    )
    header = build_header(table, 0, sub_header=True)
    assert header.labels[0] == "项目名称"
    assert header.column(("预算金额",), avoid=("其中",)) == 1
    assert header.column(("支出金额",), avoid=("其中",)) == 3


def test_columns_serve_one_field_each() -> None:
    table = first_table([["实际完成值", "年度指标值"]])
    header = build_header(table, 0, sub_header=False)
    assert header.columns({"actual": ("完成值",), "target": ("指标值", "值")}) == {"actual": 0, "target": 1}


def test_find_rows_needs_every_group_in_one_row() -> None:
    table = first_table([["三级指标", "分值"], ["得分", "指标值"], ["三级指标", "年度指标值", "得分"]])
    assert find_rows(table, ("三级指标",), ("得分",)) == [2]
