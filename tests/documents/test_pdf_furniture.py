"""Running headers, footers and page numbers are dropped from PDF pages; the body is kept."""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.documents.pdf import read_pdf
from ingestion.documents.pdf_furniture import strip_page_furniture

BODY = "本单位全年预算执行情况良好，资金使用规范，未发现违规情况，各项绩效目标基本完成，具体如下。"


def _texts(pages: list[list[str | None]]) -> list[list[str | None]]:
    return strip_page_furniture(pages, lambda item: item)


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        pytest.param(
            [
                ["某某局2021年度绩效自评", "正文一"],
                ["某某局2021年度绩效自评", "正文二"],
                ["某某局2021年度绩效自评", "正文三"],
            ],
            [["正文一"], ["正文二"], ["正文三"]],
            id="the same header on every page",
        ),
        pytest.param(
            [["正文一", "第 1 页 共 3 页"], ["正文二", "- 2 -"], ["正文三", "3"]],
            [["正文一"], ["正文二"], ["正文三"]],
            id="page numbers in several styles",
        ),
        pytest.param(
            [["封面标题", "正文一", "某某局 第1页"], ["正文二", "某某局 第2页"], ["正文三", "某某局 第3页"]],
            [["封面标题", "正文一"], ["正文二"], ["正文三"]],
            id="footer whose page number changes",
        ),
        pytest.param(
            [["一、基本情况", "正文一"], ["二、绩效目标", "正文二"], ["三、问题", "某某局"]],
            [["一、基本情况", "正文一"], ["二、绩效目标", "正文二"], ["三、问题", "某某局"]],
            id="headings that differ are no header",
        ),
        pytest.param(
            [["页眉", "正文一"], ["正文二", "页眉"], ["正文三", "结束"], ["正文四", "结束"]],
            [["页眉", "正文一"], ["正文二", "页眉"], ["正文三", "结束"], ["正文四", "结束"]],
            id="a line on half the pages only is kept",
        ),
        pytest.param(
            [["正文一", "正文二", "正文三", "无。"], ["无。", "正文四", "正文五", "正文六"]],
            [["正文一", "正文二", "正文三", "无。"], ["无。", "正文四", "正文五", "正文六"]],
            id="a short paragraph ending one page and starting the next is no header",
        ),
        pytest.param(
            [["页眉", "正文一", "页眉", "正文二"], ["页眉", None, "正文三"]],
            [["正文一", "页眉", "正文二"], [None, "正文三"]],
            id="only edges are stripped, a table ends the edge",
        ),
    ],
)
def test_strip_page_furniture(pages: list[list[str | None]], expected: list[list[str | None]]) -> None:
    assert _texts(pages) == expected


def test_pdf_header_footer_and_page_numbers_are_dropped(files: Any) -> None:
    pdf = files.new_pdf()

    def header() -> None:
        pdf.text(20, 12, "柳枫街道办事处2022年度部门整体支出绩效自评报告")

    def footer() -> None:
        pdf.text(95, 288, f"第 {pdf.page_no()} 页 共 {{nb}} 页")

    pdf.header = header
    pdf.footer = footer
    pdf.set_y(20)
    pdf.multi_cell(0, 7, "一、基本情况", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, BODY * 80, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, "二、绩效目标", new_x="LMARGIN", new_y="NEXT")

    document = read_pdf(bytes(pdf.output()), "r.pdf")

    assert pdf.page_no() >= 3
    paragraphs = [p.text for p in document.paragraphs()]
    # A wrapped line may end on a full stop and so end a paragraph: compare the text, then the edges.
    assert "".join(paragraphs) == "一、基本情况" + BODY * 80 + "二、绩效目标"
    assert (paragraphs[0], paragraphs[-1]) == ("一、基本情况", "二、绩效目标")
