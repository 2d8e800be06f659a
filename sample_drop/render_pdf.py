"""PDF rendering with fpdf2 and an embedded CJK TrueType font, so the text layer extracts.

Tables are drawn as LibreOffice exports Word forms (``pdf_table``): ruled cell boxes, wrapped
multi-line cells, merged cells as one box, rows broken over pages.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

from sample_drop.document import Heading, Paragraph, ReportDocument, Table
from sample_drop.pdf_table import draw_table

_FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)


def render_pdf(doc: ReportDocument, font: Path) -> bytes:
    """``font``: a TrueType file covering the document's characters (see ``pdf_font.subset_font``)."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED_TIME)
    pdf.add_font("cjk", fname=str(font))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    if doc.seal_line:
        pdf.set_font("cjk", size=10.5)
        pdf.multi_cell(0, 7, doc.seal_line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=16)
    for line in doc.title_lines:
        pdf.multi_cell(0, 10, line, align="C", new_x="LMARGIN", new_y="NEXT")
    for block in doc.blocks:
        if isinstance(block, Heading):
            pdf.set_font("cjk", size=12)
            pdf.multi_cell(0, 8, block.line, new_x="LMARGIN", new_y="NEXT")
        elif isinstance(block, Paragraph):
            pdf.set_font("cjk", size=10.5)
            pdf.multi_cell(0, 6.5, block.text, new_x="LMARGIN", new_y="NEXT")
        elif isinstance(block, Table):
            pdf.set_font("cjk")
            draw_table(pdf, block)
    return bytes(pdf.output())
