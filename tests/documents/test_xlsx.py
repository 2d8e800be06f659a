"""The 自评表 spreadsheet reader: merged ranges once, values as the sheet shows them."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest

from ingestion.documents.xlsx import cell_text, read_xlsx


def _save(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_merged_ranges_across_and_down_are_read_once() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "项目自评表"
    sheet["A1"], sheet["B1"] = "一级指标", "指标值"
    sheet.merge_cells("B1:C1")
    sheet["A2"], sheet["B2"], sheet["C2"] = "产出指标", "数量", "28个"
    sheet.merge_cells("A2:A3")
    sheet["B3"], sheet["C3"] = "质量", "合格"
    second = workbook.create_sheet("说明")
    second["A1"] = "无"

    document = read_xlsx(_save(workbook), "t.xlsx")

    assert [p.text for p in document.paragraphs()] == ["项目自评表", "说明"]
    assert [t.texts() for t in document.tables()] == [
        [["一级指标", "指标值"], ["产出指标", "数量", "28个"], ["", "质量", "合格"]],
        [["无"]],
    ]
    first = next(document.tables())
    assert [[(cell.col, cell.cols) for cell in row] for row in first.rows] == [
        [(0, 1), (1, 2)],
        [(0, 1), (1, 1), (2, 1)],
        [(0, 1), (1, 1), (2, 1)],
    ]


def test_empty_cells_keep_their_column_and_trailing_blank_columns_go() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["C1"] = "年初预算数", "全年执行数"
    sheet["A2"], sheet["C2"] = 100, 95.5
    sheet["F9"].number_format = "0.00"  # formatted but empty: not part of the table

    [table] = read_xlsx(_save(workbook), "t.xlsx").tables()

    assert table.texts() == [["年初预算数", "", "全年执行数"], ["100", "", "95.5"]]


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        pytest.param(2846.27, "General", "2846.27", id="float shown as typed"),
        pytest.param(5.0, "General", "5", id="whole float"),
        pytest.param(0.1 + 0.2, "General", "0.30000000000000004", id="float repr, not rounded arithmetic"),
        pytest.param(96.0, "0.00", "96.00", id="two decimals format"),
        pytest.param(1234567.891, "#,##0.00", "1234567.89", id="thousands format"),
        pytest.param(0.9512, "0.00%", "95.12%", id="percent"),
        pytest.param(1, "0%", "100%", id="whole percent"),
        pytest.param(dt.datetime(2022, 8, 12), "yyyy-mm-dd", "2022-08-12", id="date"),
        pytest.param(" 农村公路 ", "General", "农村公路", id="text stripped"),
        pytest.param(None, "General", "", id="empty"),
    ],
)
def test_cell_text(value: object, number_format: str, expected: Any) -> None:
    assert cell_text(value, number_format) == expected
