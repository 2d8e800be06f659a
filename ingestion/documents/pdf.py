"""Read a PDF with pdfplumber: running text joined back into paragraphs, ruled tables as tables.

Per page: fake-bold duplicate glyphs are removed (``dedupe_chars``), ruled tables are found
(pdfplumber's line strategy), and the text outside them is taken line by line. Running headers,
footers and page numbers are dropped (``pdf_furniture``). Text and tables are kept in reading
order, top to bottom, page after page; text runs are joined across page breaks (``pdf_text``)
and handed to the plain-text segmenter, and a table going on at the top of the next page is
joined to its first piece (``pdf_tables``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.exceptions import PdfminerException

from ingestion import errors
from ingestion.documents.model import Document, DocumentBuilder
from ingestion.documents.pdf_furniture import strip_page_furniture
from ingestion.documents.pdf_tables import PageTable, continues, join, read_table
from ingestion.documents.pdf_text import join_lines
from ingestion.documents.plaintext import add_plain_text


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    reaches_margin: bool


_Item = _Line | PageTable


def _open(data: bytes, name: str) -> Any:
    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFEncryptionError):
            raise errors.DocumentRejected(errors.ENCRYPTED, f"{name}: password-protected PDF") from exc
        if b"%%EOF" not in data[-2048:]:
            raise errors.DocumentRejected(
                errors.TRUNCATED, f"{name}: PDF ends after {len(data)} bytes without %%EOF ({cause})"
            ) from exc
        raise errors.DocumentRejected(errors.CORRUPT, f"{name}: unreadable PDF ({cause})") from exc


def _page_items(page: Any) -> list[_Item]:
    """The lines and tables of one page, in reading order."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        return not any(
            x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
            for x0, top, x1, bottom in boxes
        )

    placed: list[tuple[float, bool, _Item]] = [(t.bbox[1], False, read_table(page, t)) for t in tables]
    text_page = page.filter(outside_tables) if boxes else page
    lines = text_page.extract_text_lines(strip=True)
    right_margin = max((line["x1"] for line in lines), default=0.0)
    for line in lines:
        # Within two line-heights of the margin counts as a full, wrapped line.
        slack = 2 * (line["bottom"] - line["top"])
        placed.append((line["top"], True, _Line(line["text"], line["x1"] >= right_margin - slack)))
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


def _build(pdf: Any, name: str) -> Document:
    pages = [page.dedupe_chars() for page in pdf.pages]
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
        builder.add_table(item.rows)
    if pending_lines:
        add_plain_text(builder, "\n".join(join_lines(pending_lines)))
    return builder.build()


def read_pdf(data: bytes, name: str) -> Document:
    """Bytes of a PDF -> ``Document``; scanned, encrypted and damaged files are rejected by reason."""
    pdf = _open(data, name)
    try:
        return _build(pdf, name)
    except PdfminerException as exc:
        raise errors.DocumentRejected(errors.CORRUPT, f"{name}: unreadable PDF page ({exc})") from exc
    finally:
        pdf.close()
