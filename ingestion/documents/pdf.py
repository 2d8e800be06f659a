"""Read a PDF with pdfplumber: running text joined back into paragraphs, ruled tables as tables.

Per page: fake-bold duplicate glyphs are removed (``dedupe_chars``), ruled tables are found
(pdfplumber's line strategy), and the text outside them is taken line by line. Text and tables
are kept in reading order, top to bottom, page after page; text runs are joined across page
breaks (``pdf_text``) and handed to the plain-text segmenter. A spanned table cell is read once:
its text in its first row, an empty cell in the rows it covers below.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.exceptions import PdfminerException

from ingestion import errors
from ingestion.documents.model import Document, DocumentBuilder
from ingestion.documents.pdf_text import join_lines, tidy_spacing
from ingestion.documents.plaintext import add_plain_text
from ingestion.documents.textjoin import join_fragments

_ROW_TOLERANCE = 1.0


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


def _table_rows(page: Any, table: Any) -> list[list[str]]:
    cells = sorted(set(table.cells), key=lambda bbox: (bbox[1], bbox[0]))
    row_tops = sorted({row.bbox[1] for row in table.rows})
    rows = []
    for top in row_tops:
        row = []
        for x0, cell_top, x1, bottom in sorted(
            (c for c in cells if c[1] <= top + _ROW_TOLERANCE and c[3] > top + _ROW_TOLERANCE),
            key=lambda bbox: bbox[0],
        ):
            if abs(cell_top - top) > _ROW_TOLERANCE:
                row.append("")  # covered by a cell spanning down from an earlier row
                continue
            text = page.crop((x0, cell_top, x1, bottom)).extract_text() or ""
            row.append(tidy_spacing(join_fragments(text.split("\n"))))
        rows.append(row)
    return rows


def _page_items(page: Any) -> list[tuple[float, str, Any]]:
    """(top, "line"|"table", payload) for one page, in reading order."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        return not any(
            x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and obj["bottom"] <= bottom
            for x0, top, x1, bottom in boxes
        )

    items: list[tuple[float, str, Any]] = [(t.bbox[1], "table", _table_rows(page, t)) for t in tables]
    text_page = page.filter(outside_tables) if boxes else page
    lines = text_page.extract_text_lines(strip=True)
    right_margin = max((line["x1"] for line in lines), default=0.0)
    for line in lines:
        # Within two line-heights of the margin counts as a full, wrapped line.
        slack = 2 * (line["bottom"] - line["top"])
        items.append((line["top"], "line", (line["text"], line["x1"] >= right_margin - slack)))
    return sorted(items, key=lambda item: (item[0], item[1] == "line"))


def _build(pdf: Any, name: str) -> Document:
    builder = DocumentBuilder("pdf")
    pending_lines: list[tuple[str, bool]] = []
    pages_without_text = 0

    def flush() -> None:
        if pending_lines:
            add_plain_text(builder, "\n".join(join_lines(pending_lines)))
            pending_lines.clear()

    for page in pdf.pages:
        page = page.dedupe_chars()
        if not page.chars:
            pages_without_text += 1
            continue
        for _, kind, payload in _page_items(page):
            if kind == "line":
                pending_lines.append(payload)
            else:
                flush()
                builder.add_table(payload)
    flush()
    if pages_without_text == len(pdf.pages):
        raise errors.DocumentRejected(
            errors.NO_TEXT_LAYER, f"{name}: scanned PDF: no text layer on {pages_without_text} pages"
        )
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
