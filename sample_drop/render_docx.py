"""Word rendering with python-docx: heading styles, real tables, merged level-one cells."""

from __future__ import annotations

import io
from datetime import datetime

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from sample_drop.document import Heading, Paragraph, ReportDocument, Table
from sample_drop.stable_zip import stable_zip
from sample_drop.word_numbering import add_heading_list, number_heading

# python-docx stamps the current time into core properties; a fixed stamp keeps output stable.
_FIXED_TIME = datetime(2024, 1, 1)


def _add_table(word: WordDocument, table: Table) -> None:
    width = max(len(row) for row in table.rows)
    grid = word.add_table(rows=len(table.rows), cols=width)
    grid.style = "Table Grid"
    # grid.cell(r, c) rebuilds the whole cell list on every call; take each row's cells once.
    cells = [row.cells for row in grid.rows]
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if not table.covered(r, c):
                cells[r][c].text = text
    for span in table.spans:  # at most one horizontal merge per row, so the cached cells stay valid
        cells[span.row][span.col].merge(cells[span.row + span.rows - 1][span.col + span.cols - 1])


def render_docx(doc: ReportDocument, auto_numbering: bool = False) -> bytes:
    """``auto_numbering``: headings numbered by Word (labels not in the text), as many portals' files."""
    word = docx.Document()
    list_id = add_heading_list(word) if auto_numbering else 0
    properties = word.core_properties
    properties.created = properties.modified = _FIXED_TIME
    properties.author = properties.last_modified_by = ""
    if doc.seal_line:
        word.add_paragraph(doc.seal_line)
    for line in doc.title_lines:
        word.add_paragraph(line, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in doc.blocks:
        if isinstance(block, Heading):
            if auto_numbering:
                number_heading(word.add_heading(block.text, level=min(block.level, 3)), list_id, block.level)
            else:
                word.add_heading(block.line, level=min(block.level, 3))
        elif isinstance(block, Paragraph):
            word.add_paragraph(block.text)
        elif isinstance(block, Table):
            _add_table(word, block)
    buffer = io.BytesIO()
    word.save(buffer)
    return stable_zip(buffer.getvalue())
