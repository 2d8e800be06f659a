"""Small reports built in code, one per format, so readers are tested on bytes they really parse.

The same report (``REPORT``) is written as .docx, .html, .xlsx, .txt and .pdf; each builder uses
the format's own machinery (python-docx with Word auto-numbering, openpyxl with merged cells,
fpdf2 with an embedded CJK TrueType font).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from fpdf import FPDF


@dataclass(frozen=True)
class Report:
    """(numbering, text) headings and body paragraphs, then one table with a title row."""

    paragraphs: list[tuple[str | None, str]] = field(
        default_factory=lambda: [
            (None, "2022年度部门整体支出绩效自评报告"),
            ("一、", "基本情况"),
            (None, "我单位内设科室28个，年末实有人数58人。"),
            ("（一）", "单位职能"),
            ("1.", "保障机关正常运转。"),
            ("2.", "推进基层治理。"),
            ("二、", "一般公共预算支出情况"),
            ("（一）", "基本支出"),
            (None, "基本支出2102.15万元，其中人员经费1240.60万元。"),
        ]
    )
    title_row: str = "项目支出明细（万元）"
    table: list[list[str]] = field(
        default_factory=lambda: [
            ["项目名称", "年初预算数", "全年执行数"],
            ["农村公路养护", "100.5", "95.12"],
            ["社区网格经费", "241.93", "241.93"],
        ]
    )

    def paragraph_texts(self) -> list[str]:
        return [f"{label or ''}{text}" for label, text in self.paragraphs]

    def table_texts(self) -> list[list[str]]:
        return [[self.title_row], *self.table]


REPORT = Report()
# Word levels: 一、 / （一） / 1.
_LEVEL = '<w:lvl w:ilvl="{}"><w:start w:val="1"/><w:numFmt w:val="{}"/><w:lvlText w:val="{}"/></w:lvl>'
_ABSTRACT_NUM = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    + _LEVEL.format(0, "chineseCounting", "%1、")
    + _LEVEL.format(1, "chineseCounting", "（%2）")
    + _LEVEL.format(2, "decimal", "%3.")
    + "</w:abstractNum>"
)
_LEVEL_OF_LABEL = {"一、": 0, "二、": 0, "（一）": 1, "（二）": 1, "1.": 2, "2.": 2}


def _add_numbering(document: docx.document.Document) -> str:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(_ABSTRACT_NUM)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def number_paragraph(paragraph: Paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def write_docx(report: Report = REPORT) -> bytes:
    """The report as .docx: headings numbered by Word (label not in the text), a merged title row."""
    document = docx.Document()
    num_id = _add_numbering(document)
    for label, text in report.paragraphs:
        paragraph = document.add_paragraph(text)
        if label is not None:
            number_paragraph(paragraph, num_id, _LEVEL_OF_LABEL[label])
    width = len(report.table[0])
    table = document.add_table(rows=len(report.table) + 1, cols=width)
    title = table.cell(0, 0).merge(table.cell(0, width - 1))
    title.text = report.title_row
    for r, row in enumerate(report.table, start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_html(report: Report = REPORT, encoding: str = "utf-8", charset: str | None = "utf-8") -> bytes:
    """The report as a portal article page with navigation, breadcrumb, metadata box and footer."""
    paragraphs = "".join(f"<p>{label or ''}{text}</p>" for label, text in report.paragraphs)
    width = len(report.table[0])
    rows = f'<tr><td colspan="{width}">{report.title_row}</td></tr>' + "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in report.table
    )
    meta = f'<meta charset="{charset}">' if charset else ""
    page = (
        f"<!DOCTYPE html><html><head>{meta}<title>绩效自评报告_天元区人民政府</title>"
        "<script>document.write('一、脚本');</script></head><body>"
        '<div class="header">网站首页 政务公开 互动交流</div><nav><a>首页</a><a>信息公开</a></nav>'
        '<div class="breadcrumb">当前位置：首页 &gt; 财政信息 &gt; 绩效评价</div>'
        '<table class="xxgk_info"><tr><td>索引号：</td><td>430203-000-2022-0012</td>'
        "<td>发布机构：</td><td>天元区财政局</td></tr>"
        "<tr><td>发布日期：</td><td>2022年08月12日</td><td>成文日期：2022-08-01</td><td></td></tr></table>"
        f'<div id="zoom">{paragraphs}<table border="1">{rows}</table></div>'
        '<div class="footer">主办单位：株洲市天元区人民政府 版权所有</div></body></html>'
    )
    return page.encode(encoding)


def write_xlsx(report: Report = REPORT) -> bytes:
    """The report's table as a sheet, its title row a merged range across the columns."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "自评表"
    width = len(report.table[0])
    sheet.cell(row=1, column=1, value=report.title_row)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for r, row in enumerate(report.table, start=2):
        for c, text in enumerate(row, start=1):
            sheet.cell(row=r, column=c, value=text)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_txt(report: Report = REPORT) -> bytes:
    """The report as a portal text export: paragraphs as lines, the table TAB-flattened."""
    lines = report.paragraph_texts()
    for row in report.table_texts():
        lines += [f"\t{text}" for text in row] + [""]
    return "\n".join(lines).encode("utf-8")


def _cjk_font_path() -> Path:
    """WenQuanYi Micro Hei from the paperang-p2-fonts-cjk wheel (a TTC with TrueType outlines)."""
    try:
        package = resources.files("paperang_p2_fonts_cjk")
    except ModuleNotFoundError:
        pytest.skip("paperang-p2-fonts-cjk (a CJK TrueType font for test PDFs) is not installed")
    return Path(str(package / "fonts" / "wqy-microhei.ttc"))


def new_pdf() -> FPDF:
    """An A4 fpdf2 document with the embedded CJK font selected as "cjk"."""
    pdf = FPDF(format="A4")
    pdf.add_font("cjk", fname=str(_cjk_font_path()))
    pdf.set_font("cjk", size=11)
    pdf.add_page()
    return pdf


def write_pdf(report: Report = REPORT) -> bytes:
    """The report as a PDF: wrapped paragraphs, the heading drawn twice (fake bold), a ruled table."""
    pdf = new_pdf()
    heading = report.paragraph_texts()[0]
    pdf.text(20, 20, heading)
    pdf.text(20.2, 20, heading)  # fake bold: the same glyphs again, a hair to the right
    pdf.set_y(26)
    for text in report.paragraph_texts()[1:]:
        pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.table(text_align="LEFT", first_row_as_headings=False) as table:
        title = table.row()
        title.cell(report.title_row, colspan=len(report.table[0]))
        for row in report.table:
            cells = table.row()
            for text in row:
                cells.cell(text)
    return bytes(pdf.output())


class ReportFiles:
    """The writers above, handed to tests through the ``files`` fixture."""

    report = REPORT
    docx = staticmethod(write_docx)
    html = staticmethod(write_html)
    xlsx = staticmethod(write_xlsx)
    txt = staticmethod(write_txt)
    pdf = staticmethod(write_pdf)
    new_pdf = staticmethod(new_pdf)
    number_paragraph = staticmethod(number_paragraph)


@pytest.fixture
def files() -> type[ReportFiles]:
    return ReportFiles
