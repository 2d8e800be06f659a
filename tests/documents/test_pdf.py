"""The PDF reader on PDFs drawn with fpdf2 and an embedded CJK TrueType font."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ingestion import errors
from ingestion.documents.pdf import read_pdf

LONG_SENTENCE = (
    "2022年度一般公共预算财政拨款支出2846.27万元，其中项目支出744.12万元，基本支出2102.15万元，"
    "人员经费1240.60万元，公用经费861.55万元，资金全部按照预算批复用途使用，未发现挤占挪用情况。"
)


def _rejection(data: bytes) -> errors.DocumentRejected:
    with pytest.raises(errors.DocumentRejected) as rejected:
        read_pdf(data, "report.pdf")
    return rejected.value


def test_sentence_wrapped_over_lines_and_pages_is_one_paragraph(files: Any) -> None:
    pdf = files.new_pdf()
    pdf.multi_cell(0, 7, "一、基本情况", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, LONG_SENTENCE[:60], new_x="LMARGIN", new_y="NEXT")
    pdf.text(100, 285, "- 1 -")  # page footer
    pdf.add_page()
    pdf.multi_cell(0, 7, LONG_SENTENCE[60:], new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, "二、绩效目标", new_x="LMARGIN", new_y="NEXT")

    paragraphs = [p.text for p in read_pdf(bytes(pdf.output()), "r.pdf").paragraphs()]

    assert paragraphs == ["一、基本情况", LONG_SENTENCE, "二、绩效目标"]


def test_wrapped_paragraph_from_multi_cell_is_joined(files: Any) -> None:
    pdf = files.new_pdf()
    pdf.multi_cell(0, 7, LONG_SENTENCE * 2, new_x="LMARGIN", new_y="NEXT")

    paragraphs = [p.text for p in read_pdf(bytes(pdf.output()), "r.pdf").paragraphs()]

    assert paragraphs == [LONG_SENTENCE * 2]


def test_spaced_numbers_and_fake_bold_are_cleaned(files: Any) -> None:
    pdf = files.new_pdf()
    for offset in (0.0, 0.25):
        pdf.text(20 + offset, 20, "绩效自评报告")
    pdf.text(20, 30, "共 28 个项目，资金 2 846.27 万元，2021 100 两个数。")

    paragraphs = [p.text for p in read_pdf(bytes(pdf.output()), "r.pdf").paragraphs()]

    assert paragraphs == ["绩效自评报告", "共28个项目，资金2846.27万元，2021 100两个数。"]


def test_ruled_table_with_spanned_cells_reads_each_cell_once(files: Any) -> None:
    pdf = files.new_pdf()
    pdf.multi_cell(0, 7, "附表：绩效指标", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False) as table:
        header = table.row()
        header.cell("一级指标")
        header.cell("指标值", colspan=2)
        first = table.row()
        first.cell("产出指标", rowspan=2)
        first.cell("数量")
        first.cell("28 个")
        second = table.row()
        second.cell("质量")
        second.cell("合格")
    pdf.multi_cell(0, 7, "表后说明。", new_x="LMARGIN", new_y="NEXT")

    document = read_pdf(bytes(pdf.output()), "r.pdf")

    assert [t.texts() for t in document.tables()] == [
        [["一级指标", "指标值"], ["产出指标", "数量", "28个"], ["", "质量", "合格"]]
    ]
    assert [type(b).__name__ for b in document.blocks] == ["Paragraph", "Table", "Paragraph"]


def test_pdf_without_text_layer_is_a_scan(files: Any) -> None:
    pdf = files.new_pdf()
    pdf.rect(20, 20, 100, 50, style="F")
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")

    rejected = _rejection(bytes(pdf.output()))
    assert rejected.reason == errors.NO_TEXT_LAYER
    assert "no text layer on 2 pages" in rejected.message


def test_password_protected_pdf_is_encrypted(files: Any) -> None:
    pdf = files.new_pdf()
    pdf.text(20, 20, "保密")
    pdf.set_encryption(owner_password="owner", user_password="reader")

    assert _rejection(bytes(pdf.output())).reason == errors.ENCRYPTED


@pytest.mark.parametrize(
    ("mangle", "reasons"),
    [
        pytest.param(lambda data: data[:200], {errors.TRUNCATED}, id="cut after the header"),
        pytest.param(
            lambda data: b"%PDF-1.4\n" + b"\x00garbage" * 50 + b"\n%%EOF",
            {errors.CORRUPT},
            id="header then garbage",
        ),
    ],
)
def test_damaged_pdf_is_rejected(files: Any, mangle: Callable[[bytes], bytes], reasons: set[str]) -> None:
    assert _rejection(mangle(files.pdf())).reason in reasons


def test_a_line_ended_early_because_the_next_number_did_not_fit_goes_on(files: Any) -> None:
    # Layout wraps a number whole: the line before it stops short of the margin by about the
    # number's width, yet the sentence goes on.
    pdf = files.new_pdf()
    full = "本单位全年预算执行情况良好资金使用规范各项绩效目标基本完成具体如下。"
    margin = pdf.get_string_width(full)
    short = ""
    for char in "其中项目支出主要用于社区网格化管理及综治维稳等工作经费支出合计":
        if pdf.get_string_width(short + char + "2846.27") > margin:
            break
        short += char
    pdf.text(20, 20, full)
    pdf.text(20, 27, short)
    pdf.text(20, 34, "2846.27万元，资金全部到位。")

    paragraphs = [p.text for p in read_pdf(bytes(pdf.output()), "r.pdf").paragraphs()]

    assert paragraphs == [full, f"{short}2846.27万元，资金全部到位。"]
