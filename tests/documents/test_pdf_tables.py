"""A ruled table that breaks at a page end is read as one table, whatever the next page repeats."""

from __future__ import annotations

from typing import Any

import pytest
from fpdf.fonts import FontFace

from ingestion.documents.pdf import read_pdf

HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]
ROWS = [["产出指标", "数量指标", f"完成项目{n}", f"{n}个"] for n in range(1, 61)]


def _long_table_pdf(files: Any, repeat_header: bool, text_after: str | None = None) -> bytes:
    pdf = files.new_pdf()
    pdf.multi_cell(0, 7, "附表：项目支出绩效自评表", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(
        first_row_as_headings=repeat_header, headings_style=FontFace(emphasis=None), text_align="LEFT"
    ) as table:
        for row in [HEADER, *ROWS]:
            cells = table.row()
            for text in row:
                cells.cell(text)
    if text_after:
        pdf.multi_cell(0, 7, text_after, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.parametrize(
    "repeat_header",
    [
        pytest.param(False, id="rows go on without a header"),
        pytest.param(True, id="header row repeated on the next page"),
    ],
)
def test_table_continued_on_next_pages_is_one_table(files: Any, repeat_header: bool) -> None:
    data = _long_table_pdf(files, repeat_header, text_after="表后说明：无。")

    document = read_pdf(data, "r.pdf")

    assert [t.texts() for t in document.tables()] == [[HEADER, *ROWS]]
    assert [type(b).__name__ for b in document.blocks] == ["Paragraph", "Table", "Paragraph"]


def test_two_tables_of_different_rulings_across_a_page_break_stay_apart(files: Any) -> None:
    pdf = files.new_pdf()
    with pdf.table(first_row_as_headings=False, text_align="LEFT") as table:
        for row in [HEADER, *ROWS[:30]]:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.add_page()
    with pdf.table(first_row_as_headings=False, text_align="LEFT", col_widths=(2, 1)) as table:
        for row in [["项目名称", "金额"], ["农村公路养护", "100.5"]]:
            cells = table.row()
            for text in row:
                cells.cell(text)

    document = read_pdf(bytes(pdf.output()), "r.pdf")

    assert [len(t.rows) for t in document.tables()] == [31, 2]


def test_table_after_text_at_the_top_of_the_next_page_is_not_joined(files: Any) -> None:
    pdf = files.new_pdf()
    with pdf.table(first_row_as_headings=False, text_align="LEFT") as table:
        for row in [HEADER, ROWS[0]]:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.add_page()
    pdf.multi_cell(0, 7, "附表2：另一张表", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False, text_align="LEFT") as table:
        for row in [HEADER, ROWS[1]]:
            cells = table.row()
            for text in row:
                cells.cell(text)

    document = read_pdf(bytes(pdf.output()), "r.pdf")

    assert [t.texts() for t in document.tables()] == [[HEADER, ROWS[0]], [HEADER, ROWS[1]]]
