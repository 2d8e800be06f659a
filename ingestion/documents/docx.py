"""Read a .docx: paragraphs and tables in body order, numbering labels, merged cells once.

The zip is vetted (``safety``) before python-docx opens it. The body is walked as XML so that
tables and paragraphs keep their order and content controls (``w:sdt``) are not skipped. Each
``w:tc`` element is one cell whatever its span: a horizontal span yields one cell, the rows
under a vertical merge (``vMerge`` continue) yield an empty cell, never the text again. Each
cell keeps its place in the table grid, so a row is lined up with its header by grid columns.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from ingestion import errors
from ingestion.documents.docx_numbering import WordNumbering
from ingestion.documents.model import Document, DocumentBuilder, GridSlot
from ingestion.documents.safety import checked_office_zip
from ingestion.documents.textjoin import join_fragments

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC, _TC_PR, _VAL = qn("w:tr"), qn("w:tc"), qn("w:tcPr"), qn("w:val")
_GRID_BEFORE = f"{qn('w:trPr')}/{qn('w:gridBefore')}"
_GRID_SPAN, _VMERGE, _HMERGE = qn("w:gridSpan"), qn("w:vMerge"), qn("w:hMerge")


def _open(data: bytes, name: str) -> Any:
    checked_office_zip(data, name).close()
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise errors.DocumentRejected(
            errors.CORRUPT, f"{name}: not a readable Word document ({exc})"
        ) from exc


def _body_blocks(container: Any) -> Iterator[Any]:
    """``w:p`` and ``w:tbl`` elements in reading order, looking inside content controls."""
    for child in container.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_blocks(content)


def _cell_text(tc: Any, table: Any) -> str:
    cell = _Cell(tc, table)
    return join_fragments([paragraph.text for paragraph in cell.paragraphs])


def _int_val(element: Any, default: int) -> int:
    value = element.get(_VAL) if element is not None else None
    return int(value) if value is not None and value.isdigit() else default


def table_rows(tbl: Any, parent: Any) -> tuple[list[list[str]], list[list[GridSlot]]]:
    """Cell texts per row, one entry per ``w:tc`` (so each merged cell's text appears once), and
    each cell's place in the table grid: ``gridBefore`` skips columns, ``gridSpan`` widens a cell,
    a legacy ``hMerge`` continuation widens the cell before it."""
    rows, grid = [], []
    for tr in tbl.findall(_TR):
        row: list[str] = []
        slots: list[GridSlot] = []
        column = _int_val(tr.find(_GRID_BEFORE), 0)
        for tc in tr.findall(_TC):
            properties = tc.find(_TC_PR)
            span = max(1, _int_val(properties.find(_GRID_SPAN), 1)) if properties is not None else 1
            vmerge = properties.find(_VMERGE) if properties is not None else None
            hmerge = properties.find(_HMERGE) if properties is not None else None
            if hmerge is not None and hmerge.get(_VAL, "continue") == "continue" and slots:
                first, width = slots[-1]
                slots[-1] = (first, width + span)
            else:
                continues_above = vmerge is not None and vmerge.get(_VAL, "continue") == "continue"
                row.append("" if continues_above else _cell_text(tc, parent))
                slots.append((column, span))
            column += span
        rows.append(row)
        grid.append(slots)
    return rows, grid


def _style_name(paragraph: DocxParagraph) -> str | None:
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return None
    return style.name if style is not None else None


def read_docx(data: bytes, name: str, format: str = "docx") -> Document:
    """Bytes of a .docx -> ``Document`` (``format`` lets a converted .doc keep its own name)."""
    document = _open(data, name)
    numbering = WordNumbering(_numbering_element(document), document.styles.element)
    builder = DocumentBuilder(format)
    # python-docx's paragraph.style scans every style of the document for each paragraph (a
    # quarter of reading a .docx): the name depends on the paragraph's style id alone.
    style_names: dict[str | None, str | None] = {}
    for element in _body_blocks(document.element.body):
        if element.tag == _TBL:
            builder.add_table(*table_rows(element, document))
            continue
        paragraph = DocxParagraph(element, document)
        label = numbering.label(element)
        style_id = element.style
        if style_id not in style_names:
            style_names[style_id] = _style_name(paragraph)
        builder.add_paragraph(paragraph.text, numbering=label, style=style_names[style_id])
    return builder.build()


def _numbering_element(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None
