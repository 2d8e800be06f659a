"""Read a .docx: paragraphs and tables in body order, numbering labels, merged cells once.

The zip is vetted (``safety``) before python-docx opens it. The body is walked as XML so that
tables and paragraphs keep their order and content controls (``w:sdt``) are not skipped. Each
``w:tc`` element is one cell whatever its span: a horizontal span yields one cell, the rows
under a vertical merge (``vMerge`` continue) yield an empty cell, never the text again.
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
from ingestion.documents.model import Document, DocumentBuilder
from ingestion.documents.safety import checked_office_zip
from ingestion.documents.textjoin import join_fragments

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")


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


def table_rows(tbl: Any, parent: Any) -> list[list[str]]:
    """Cell texts per row, one entry per ``w:tc`` (so each merged cell's text appears once)."""
    rows = []
    for tr in tbl.findall(qn("w:tr")):
        row = []
        for tc in tr.findall(qn("w:tc")):
            vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continues_above = vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue"
            row.append("" if continues_above else _cell_text(tc, parent))
        rows.append(row)
    return rows


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
            builder.add_table(table_rows(element, document))
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
