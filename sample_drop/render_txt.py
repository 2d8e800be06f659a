"""Plain-text rendering as portals export it: tables flattened one TAB-prefixed cell per line."""

from __future__ import annotations

from sample_drop.document import Heading, Paragraph, ReportDocument, Table

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")


def table_lines(table: Table) -> list[str]:
    """A cell a horizontal merge covers disappears, as in Word's text export; one a vertical
    merge covers stays as an empty cell line, once per row however wide the merge is (Word
    writes one continuing cell per row)."""
    lines = []
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if table.covered(r, c) and _right_of_merge_start(table, r, c):
                continue
            lines.append(f"\t{text}")
        lines.append("")
    return lines


def _right_of_merge_start(table: Table, row: int, col: int) -> bool:
    return any(s.row <= row < s.row + s.rows and s.col < col < s.col + s.cols for s in table.spans)


def document_lines(doc: ReportDocument) -> list[str]:
    lines = [doc.seal_line] if doc.seal_line else []
    lines += doc.title_lines
    if lines:
        lines.append("")
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines.append(block.line)
        elif isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += table_lines(block)
    return lines


def render_txt(doc: ReportDocument, encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """``encoding`` is one of ``ENCODINGS``; utf-8-sig writes the BOM some portals emit."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unsupported txt encoding {encoding!r}; expected one of {ENCODINGS}")
    return (newline.join(document_lines(doc)) + newline).encode(encoding)
