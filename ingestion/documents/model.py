"""The block model every reader produces and every extractor consumes.

A ``Document`` is its extracted ``text`` plus the ``blocks`` that tile it: paragraphs and
tables (rows of cells). Every block and cell knows its ``start``/``end`` offsets in ``text``,
so a fact found in a block can cite the exact snippet it came from (the contract's
``evidence``). Readers never build offsets by hand: they feed a ``DocumentBuilder``, which
renders the canonical text and records the offsets as it goes.

Canonical rendering: a paragraph is one line; a table row is one line per cell, each cell
line starting with a TAB, rows separated by a blank line. This is the flattened-table form
portal text exports already use, so a .txt export and the .docx it came from read alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    start: int
    end: int
    # A heading label the source marked outside the text itself, e.g. Word auto-numbering
    # ("一、") that python-docx drops from paragraph.text; None when the text carries its own.
    numbering: str | None = None
    style: str | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    start: int
    end: int

    def texts(self) -> list[list[str]]:
        return [[cell.text for cell in row] for row in self.rows]


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    text: str
    blocks: list[Block]
    format: str
    encoding: str | None = None
    # Portal metadata the reader found around the report itself (发布机构, 发布日期, page title).
    metadata: dict[str, str] = field(default_factory=dict)

    def paragraphs(self) -> Iterator[Paragraph]:
        return (block for block in self.blocks if isinstance(block, Paragraph))

    def tables(self) -> Iterator[Table]:
        return (block for block in self.blocks if isinstance(block, Table))


class DocumentBuilder:
    """Accumulates blocks in reading order and renders the canonical text with offsets."""

    def __init__(self, format: str, encoding: str | None = None) -> None:
        self._format = format
        self._encoding = encoding
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []
        self.metadata: dict[str, str] = {}

    def _emit(self, text: str) -> tuple[int, int]:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start, self._length

    def add_paragraph(self, text: str, numbering: str | None = None, style: str | None = None) -> None:
        text = text.replace("\r", "").replace("\n", " ").strip()
        if not text and numbering is None:
            return
        rendered = f"{numbering}{text}" if numbering else text
        start, end = self._emit(rendered)
        self._emit("\n")
        self._blocks.append(Paragraph(text=rendered, start=start, end=end, numbering=numbering, style=style))

    def add_table(self, rows: list[list[str]]) -> None:
        rows = [[cell.replace("\r", "") for cell in row] for row in rows if any(c.strip() for c in row)]
        if not rows:
            return
        table_start = self._length
        built: list[tuple[Cell, ...]] = []
        for row in rows:
            cells = []
            for text in row:
                self._emit("\t")
                start, end = self._emit(text.strip())
                self._emit("\n")
                cells.append(Cell(text=text.strip(), start=start, end=end))
            self._emit("\n")
            built.append(tuple(cells))
        self._blocks.append(Table(rows=tuple(built), start=table_start, end=self._length))

    def build(self) -> Document:
        return Document(
            text="".join(self._parts),
            blocks=self._blocks,
            format=self._format,
            encoding=self._encoding,
            metadata=dict(self.metadata),
        )
