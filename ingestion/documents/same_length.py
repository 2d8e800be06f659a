"""Rewrite a ``Document``'s text one character for one, keeping every block and cell offset.

Traditional-to-simplified conversion and personal-data masking both change characters without
changing the text's length; each passes the rewritten text and how to rewrite a piece of text
on its own (a block whose text is not its slice of ``Document.text``, or portal metadata).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ingestion.documents.model import Block, Document, Paragraph, Table


def _piece(
    piece: str, start: int, end: int, source: str, rewritten: str, rewrite: Callable[[str], str]
) -> str:
    return rewritten[start:end] if source[start:end] == piece else rewrite(piece)


def _block(block: Block, source: str, rewritten: str, rewrite: Callable[[str], str]) -> Block:
    # An unchanged block or cell is kept as it is: most text has nothing to rewrite, and copying
    # every cell of every table is a measurable share of parsing.
    if isinstance(block, Paragraph):
        text = _piece(block.text, block.start, block.end, source, rewritten, rewrite)
        return block if text == block.text else replace(block, text=text)
    changed = False
    rows = []
    for row in block.rows:
        cells = []
        for cell in row:
            text = _piece(cell.text, cell.start, cell.end, source, rewritten, rewrite)
            # replace keeps the cell's grid place (col, cols): tables are aligned by it.
            cells.append(cell if text == cell.text else replace(cell, text=text))
            changed = changed or text != cell.text
        rows.append(tuple(cells))
    return Table(tuple(rows), block.start, block.end) if changed else block


def rewritten_document(document: Document, text: str, rewrite: Callable[[str], str]) -> Document:
    """A copy of ``document`` with ``text`` (the same length) and its blocks, cells and metadata
    rewritten to match; ``rewrite`` rewrites a piece that is not a slice of the text."""
    if len(text) != len(document.text):
        raise ValueError("a same-length rewrite changed the text's length; offsets would no longer hold")
    return Document(
        text=text,
        blocks=[_block(block, document.text, text, rewrite) for block in document.blocks],
        format=document.format,
        encoding=document.encoding,
        metadata={key: rewrite(value) for key, value in document.metadata.items()},
        page_links=document.page_links,
    )
