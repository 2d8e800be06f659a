"""Ruled tables as LibreOffice exports Word forms: tight rows, merged cells, rows broken over pages.

Each table is drawn cell by cell: a box of rulings and its lines of text, spaced by the font's
own height with no padding above or below, so glyph boxes touch the rulings as in such exports.
"""

from __future__ import annotations

from typing import Any

import pytest
from fpdf import FPDF

from ingestion.documents.pdf import read_pdf

Cell = list[str]  # the cell's lines
_MM_PER_PT = 25.4 / 72


def _pitch(pdf: FPDF) -> tuple[float, float]:
    """(ascent, line pitch) in mm of the current font: its glyph box is its line."""
    desc = pdf.current_font.desc
    size = pdf.font_size_pt * _MM_PER_PT
    return desc.ascent / 1000 * size, (desc.ascent - desc.descent) / 1000 * size


def _draw_rows(pdf: FPDF, top: float, widths: list[float], rows: list[list[Cell]]) -> float:
    """Rows of cells under each other from ``top``, left to right over ``widths`` (mm); returns
    the bottom. A cell given as ``[]`` under a wider cell's first column is covered by it."""
    ascent, pitch = _pitch(pdf)
    y = top
    for row in rows:
        height = pitch * max(1, *(len(cell) for cell in row))
        x = pdf.l_margin
        for width, cell in zip(widths, row, strict=True):
            pdf.rect(x, y, width, height)
            for index, line in enumerate(cell):
                pdf.text(x + 1, y + index * pitch + ascent, line)
            x += width
        y += height
    return y


def _rows(data: bytes) -> list[list[list[str]]]:
    return [table.texts() for table in read_pdf(data, "t.pdf").tables()]


def test_glyphs_touching_the_rulings_stay_in_their_cells(files: Any) -> None:
    pdf = files.new_pdf()
    _draw_rows(pdf, 30, [60, 40, 40], [
        [["经费控制情况（万元）"], ["2022年决算数"], ["2023年决算数"]],
        [["项目支出："], ["471.90"], ["418.76"]],
        [["1、业务工作经费"], ["471.90"], ["418.76"]],
        [["数量指标"], ["利益导向政策执", "行到位情况"], ["20"]],
        [["质量指标"], ["资金使用合规率"], ["10"]],
    ])  # fmt: skip

    assert _rows(bytes(pdf.output())) == [[
        ["经费控制情况（万元）", "2022年决算数", "2023年决算数"],
        ["项目支出：", "471.90", "418.76"],
        ["1、业务工作经费", "471.90", "418.76"],
        ["数量指标", "利益导向政策执行到位情况", "20"],
        ["质量指标", "资金使用合规率", "10"],
    ]]  # fmt: skip


def _over_a_page(files: Any, last: list[Cell], first: list[Cell], after: list[list[Cell]]) -> bytes:
    """A table whose row ``last`` ends page one and whose piece on page two starts with ``first``."""
    pdf = files.new_pdf()
    widths = [50, 50, 40]
    pdf.text(20, 20, "附件：自评表")
    _draw_rows(pdf, 250, widths, [[["项目"], ["年度资金总额"], ["得分"]], last])
    pdf.add_page()
    _draw_rows(pdf, 10, widths, [first, *after])
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("last", "first", "expected"),
    [
        pytest.param(
            [["年初预"], ["全年执"], ["分值"]],
            [["算数"], ["行数"], []],
            [["年初预算数", "全年执行数", "分值"]],
            id="header words cut in two",
        ),
        pytest.param(
            [["年度资"], ["1314.9"], ["10"]],
            [["金总额"], ["3"], []],
            [["年度资金总额", "1314.93", "10"]],
            id="a money figure cut inside its decimals",
        ),
        pytest.param(
            [["年度资"], ["1682."], ["10"]],
            [["金总额"], ["24"], []],
            [["年度资金总额", "1682.24", "10"]],
            id="a money figure cut at its decimal point",
        ),
        pytest.param(
            [["质量指标"], ["10"], ["加强监管"]],
            [["时效指标"], ["10"], []],
            [["质量指标", "10", "加强监管"], ["时效指标", "10", ""]],
            id="a new row of figures stays a row",
        ),
        pytest.param(
            [["一级指标"], ["指标值"], ["偏差原因"]],
            [["产出指标"], ["≥95%"], []],
            [["一级指标", "指标值", "偏差原因"], ["产出指标", "≥95%", ""]],
            id="a header above a row stating a figure",
        ),
    ],
)
def test_a_row_broken_over_the_page_is_one_row_again(
    files: Any, last: list[Cell], first: list[Cell], expected: list[list[str]]
) -> None:
    data = _over_a_page(files, last, first, [[["合计"], ["100.5"], ["95"]]])

    [table] = _rows(data)

    assert table == [["项目", "年度资金总额", "得分"], *expected, ["合计", "100.5", "95"]]


def test_a_label_column_split_off_on_the_next_page_is_the_same_table(files: Any) -> None:
    # Page one ends with the header, 一级指标 spanning the label and level columns; page two
    # has the rows, the label column ruled apart: the column edges refine page one's.
    pdf = files.new_pdf()
    pdf.text(20, 20, "附件：自评表")
    _draw_rows(pdf, 260, [60, 40, 40], [[["一级指标"], ["三级指标"], ["得分"]]])
    pdf.add_page()
    _draw_rows(pdf, 10, [20, 40, 40, 40], [
        [["绩效", "指标"], ["产出指标"], ["巡查次数"], ["18"]],
        [[], ["效益指标"], ["满意度"], ["9"]],
    ])  # fmt: skip

    [table] = read_pdf(bytes(pdf.output()), "t.pdf").tables()

    assert [[(cell.text, cell.col, cell.cols) for cell in row] for row in table.rows] == [
        [("一级指标", 0, 2), ("三级指标", 2, 1), ("得分", 3, 1)],
        [("绩效指标", 0, 1), ("产出指标", 1, 1), ("巡查次数", 2, 1), ("18", 3, 1)],
        [("", 0, 1), ("效益指标", 1, 1), ("满意度", 2, 1), ("9", 3, 1)],
    ]
