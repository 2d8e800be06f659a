"""Read a PDF: running text joined back into paragraphs, ruled tables as tables.

Per page (``pdf_page``, through PDFium): the characters, fake-bold duplicates removed, and the
ruling lines. Ruled tables are found from the rulings and every character is put in its one
cell (``pdf_grid``); the text outside them is taken line by line (``pdf_lines``). Running headers,
footers and page numbers are dropped (``pdf_furniture``). Text and tables are kept in reading
order, top to bottom, page after page; text runs are joined across page breaks (``pdf_text``)
and handed to the plain-text segmenter, and a table going on at the top of the next page is
joined to its first piece (``pdf_tables``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from ingestion import errors
from ingestion.documents.model import Document, DocumentBuilder
from ingestion.documents.pdf_budget import check_inflated_size
from ingestion.documents.pdf_furniture import strip_page_furniture
from ingestion.documents.pdf_grid import find_tables, place_chars
from ingestion.documents.pdf_lines import text_lines
from ingestion.documents.pdf_page import PageContent, read_page
from ingestion.documents.pdf_tables import PageTable, continues, join, read_table
from ingestion.documents.pdf_text import join_lines
from ingestion.documents.plaintext import add_plain_text


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    reaches_margin: bool


_Item = _Line | PageTable


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise errors.DocumentRejected(errors.ENCRYPTED, f"{name}: password-protected PDF") from exc
        if b"%%EOF" not in data[-2048:]:
            raise errors.DocumentRejected(
                errors.TRUNCATED, f"{name}: PDF ends after {len(data)} bytes without %%EOF ({exc})"
            ) from exc
        raise errors.DocumentRejected(errors.CORRUPT, f"{name}: unreadable PDF ({exc})") from exc


def _page_items(page: PageContent) -> list[_Item]:
    """The lines and tables of one page, in reading order."""
    tables = find_tables(page.edges)
    outside = place_chars(tables, page.chars)
    placed: list[tuple[float, bool, _Item]] = [(t.bbox[1], False, read_table(t)) for t in tables]
    lines = text_lines(outside)
    right_margin = max((line.x1 for line in lines), default=0.0)
    for index, line in enumerate(lines):
        after = lines[index + 1] if index + 1 < len(lines) else None
        # A full, wrapped line: within two line-heights of the margin, or ended because the
        # next line's first word (a number is wrapped whole) did not fit after it.
        height = line.bottom - line.top
        slack = max(2 * height, after.first_word + height / 2 if after is not None else 0.0)
        placed.append((line.top, True, _Line(line.text, line.x1 >= right_margin - slack)))
    return [item for _, _, item in sorted(placed, key=lambda entry: (entry[0], entry[1]))]


def _joined_across_pages(pages: list[list[_Item]]) -> list[_Item]:
    """All items in order, a table that starts a page joined to one that ended the page before."""
    items: list[_Item] = []
    for page_items in pages:
        for index, item in enumerate(page_items):
            previous = items[-1] if items else None
            if (
                index == 0
                and isinstance(item, PageTable)
                and isinstance(previous, PageTable)
                and continues(previous, item)
            ):
                items[-1] = join(previous, item)
            else:
                items.append(item)
    return items


def _pages(pdf: pdfium.PdfDocument) -> list[PageContent]:
    pages = []
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            pages.append(read_page(page))
        finally:
            page.close()
    return pages


def _build(pages: list[PageContent], name: str) -> Document:
    pages_without_text = sum(1 for page in pages if not page.chars)
    if pages_without_text == len(pages):
        raise errors.DocumentRejected(
            errors.NO_TEXT_LAYER, f"{name}: scanned PDF: no text layer on {pages_without_text} pages"
        )
    page_items = strip_page_furniture(
        [_page_items(page) for page in pages if page.chars],
        lambda item: item.text if isinstance(item, _Line) else None,
    )
    builder = DocumentBuilder("pdf")
    pending_lines: list[tuple[str, bool]] = []
    for item in _joined_across_pages(page_items):
        if isinstance(item, _Line):
            pending_lines.append((item.text, item.reaches_margin))
            continue
        if pending_lines:
            add_plain_text(builder, "\n".join(join_lines(pending_lines)))
            pending_lines.clear()
        builder.add_table(item.rows, item.grid())
    if pending_lines:
        add_plain_text(builder, "\n".join(join_lines(pending_lines)))
    return builder.build()


def read_pdf(data: bytes, name: str) -> Document:
    """Bytes of a PDF -> ``Document``; scanned, encrypted and damaged files are rejected by reason."""
    check_inflated_size(data, name)  # before PDFium inflates a bomb whole
    pdf = _open(data, name)
    try:
        pages = _pages(pdf)
    except pdfium.PdfiumError as exc:
        raise errors.DocumentRejected(errors.CORRUPT, f"{name}: unreadable PDF page ({exc})") from exc
    finally:
        pdf.close()
    return _build(pages, name)
