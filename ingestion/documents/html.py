"""Read a portal article page: the article body as blocks, the page furniture left out.

Navigation, header, footer, breadcrumb, share bars and scripts are removed; the article is the
first known content container (``#zoom``, ``.TRS_Editor`` ...) that holds real text, else the
whole body. Block elements and ``<br>`` end a paragraph; a ``<table>`` becomes a ``Table`` with
each spanned cell read once, as in the docx reader. Layout tables (holding other tables, or one
column) are walked into instead. Page metadata goes to ``Document.metadata``. A listing page
(an index of articles, no report) is measured (``html_listing``) and set aside by the parser
(``parsing.report_check``).
"""

from __future__ import annotations

import re
from typing import Protocol

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingestion.documents.html_article import find_article, remove_page_chrome
from ingestion.documents.html_listing import page_links
from ingestion.documents.html_page import decode_page, page_metadata
from ingestion.documents.model import Document, DocumentBuilder, GridSlot
from ingestion.documents.textjoin import join_fragments

_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "center",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "address",
    "hr",
    "form",
    "fieldset",
    "tbody",
    "thead",
    "tfoot",
}
_WHITESPACE = re.compile(r"[\s\u00a0\u3000]+")


class _Sink(Protocol):
    def add_paragraph(self, text: str) -> None: ...

    def add_table(self, rows: list[list[str]], grid: list[list[GridSlot]] | None = None) -> None: ...


class _Lines:
    """Collects a table cell's content as lines (nested tables flattened cell by cell)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add_paragraph(self, text: str) -> None:
        self.lines.append(text)

    def add_table(self, rows: list[list[str]], grid: list[list[GridSlot]] | None = None) -> None:
        self.lines.extend(cell for row in rows for cell in row)


def _children(node: LexborNode) -> list[LexborNode]:
    children, child = [], node.child
    while child is not None:
        children.append(child)
        child = child.next
    return children


def _rows_of(table: LexborNode) -> list[LexborNode]:
    rows = []
    for child in _children(table):
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            rows.extend(row for row in _children(child) if row.tag == "tr")
    return rows


def _span(cell: LexborNode, attribute: str) -> int:
    value = (cell.attributes.get(attribute) or "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def _is_layout_table(table: LexborNode) -> bool:
    rows = _rows_of(table)
    widths = [sum(1 for c in _children(row) if c.tag in {"td", "th"}) for row in rows]
    holds_tables = any(inner.mem_id != table.mem_id for inner in table.css("table"))
    return holds_tables or max(widths, default=0) <= 1


class _Walker:
    def __init__(self, sink: _Sink) -> None:
        self._sink = sink
        self._line: list[str] = []

    def flush(self) -> None:
        text = _WHITESPACE.sub(" ", "".join(self._line)).strip()
        self._line = []
        if text:
            self._sink.add_paragraph(text)

    def walk(self, node: LexborNode) -> None:
        for child in _children(node):
            if child.is_text_node:
                self._line.append(child.text_content or "")
            elif not child.is_element_node:
                continue
            elif child.tag == "br":
                self.flush()
            elif child.tag == "table" and not _is_layout_table(child):
                self.flush()
                self._sink.add_table(*_table_rows(child))
            elif child.tag in _BLOCK_TAGS or child.tag == "table":
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)


def _cell_text(cell: LexborNode) -> str:
    lines = _Lines()
    walker = _Walker(lines)
    walker.walk(cell)
    walker.flush()
    return join_fragments(lines.lines)


def _table_rows(table: LexborNode) -> tuple[list[list[str]], list[list[GridSlot]]]:
    """Rows of cell texts and their grid slots; a rowspan leaves one empty cell per later row
    (at the spanned columns), a colspan none."""
    pending: dict[int, dict[int, int]] = {}  # row -> {column: colspan} still covered from above
    rows, grid = [], []
    for row_index, tr in enumerate(_rows_of(table)):
        covered = pending.pop(row_index, {})
        row: list[str] = []
        slots: list[GridSlot] = []
        column = 0
        for cell in (c for c in _children(tr) if c.tag in {"td", "th"}):
            while column in covered:
                row.append("")
                slots.append((column, covered[column]))
                column += covered.pop(column)
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            row.append(_cell_text(cell))
            slots.append((column, colspan))
            for later in range(row_index + 1, row_index + rowspan):
                pending.setdefault(later, {})[column] = colspan
            column += colspan
        for left_over in sorted(covered):
            row.append("")
            slots.append((left_over, covered[left_over]))
        rows.append(row)
        grid.append(slots)
    return rows, grid


def read_html(data: bytes, name: str) -> Document:
    """Bytes of an HTML page -> ``Document`` of its article, with the page's metadata."""
    text, encoding = decode_page(data, name)
    tree = LexborHTMLParser(text)
    builder = DocumentBuilder("html", encoding)
    page_lines = [line.strip() for line in (tree.body.text(separator="\n") if tree.body else "").split("\n")]
    builder.metadata.update(page_metadata([line for line in page_lines if line]))
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        builder.metadata["page_title"] = _WHITESPACE.sub(" ", title.text(strip=True))
    remove_page_chrome(tree)
    article = find_article(tree)
    if article is not None:
        builder.page_links = page_links(article)
        walker = _Walker(builder)
        walker.walk(article)
        walker.flush()
    return builder.build()
