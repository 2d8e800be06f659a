"""The block model every reader produces and every extractor consumes.

A ``Document`` is its extracted ``text`` plus the ``blocks`` that tile it: paragraphs and
tables (rows of cells). Every block and cell knows its ``start``/``end`` offsets in ``text``,
so a fact found in a block can cite the exact snippet it came from (the contract's
``evidence``). Readers never build offsets by hand: they feed a ``DocumentBuilder``, which
renders the canonical text and records the offsets as it goes.

Canonical rendering: a paragraph is one line; a table row is one line per cell, each cell
line starting with a TAB, rows separated by a blank line. This is the flattened-table form
portal text exports already use, so a .txt export and the .docx it came from read alike.

Readers that see a table's grid (docx, html, xlsx, pdf) also record where each cell stands in
it: its first grid column and how many columns it spans. A merged cell is one cell (its text
once); a cell covered from above by a vertical merge is an empty cell at the merge's columns.
Extractors line rows up with their header by these columns (``parsing/tables/header.py``);
a plain-text table has no grid, and is aligned by what its cells hold.
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
    # The first grid column the cell stands in and how many it spans; None without a known grid.
    col: int | None = None
    cols: int = 1


# Where a reader saw a cell in its table's grid: (first column, columns spanned).
GridSlot = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    start: int
    end: int

    def texts(self) -> list[list[str]]:
        return [[cell.text for cell in row] for row in self.rows]


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class PageLinks:
    """How much of a web page's content is links (an index of articles is mostly links and dates):
    the reader measures, ``parsing.report_check`` decides whether the page is a report at all."""

    links: int  # links with visible text
    link_chars: int  # visible characters inside those links
    prose_chars: int  # visible characters outside links and dates


@dataclass(slots=True)
class Document:
    text: str
    blocks: list[Block]
    format: str
    encoding: str | None = None
    # Portal metadata the reader found around the report itself (发布机构, 发布日期, page title).
    metadata: dict[str, str] = field(default_factory=dict)
    page_links: PageLinks | None = None  # html only

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
        self.page_links: PageLinks | None = None

    def add_paragraph(self, text: str, numbering: str | None = None, style: str | None = None) -> None:
        text = text.replace("\r", "").replace("\n", " ").strip()
        if not text and numbering is None:
            return
        rendered = f"{numbering}{text}" if numbering else text
        start = self._length
        end = start + len(rendered)
        self._parts += (rendered, "\n")
        self._length = end + 1
        self._blocks.append(Paragraph(text=rendered, start=start, end=end, numbering=numbering, style=style))

    def add_table(self, rows: list[list[str]], grid: list[list[GridSlot]] | None = None) -> None:
        """``grid``, when the reader knows it: each cell's ``GridSlot``, row by row like ``rows``."""
        kept = [index for index, row in enumerate(rows) if any(c.strip() for c in row)]
        if not kept:
            return
        slots = [grid[index] for index in kept] if grid is not None else None
        rows = [rows[index] for index in kept]
        table_start = self._length
        # Offsets are counted, not measured from the parts: a report has hundreds of cells.
        parts, at = self._parts, self._length
        built: list[tuple[Cell, ...]] = []
        for row_index, row in enumerate(rows):
            cells = []
            for cell_index, text in enumerate(row):
                text = text.replace("\r", "").strip()
                start = at + 1  # after the TAB
                at = start + len(text) + 1
                parts.append(f"\t{text}\n")
                if slots is None:
                    cells.append(Cell(text, start, at - 1))
                else:
                    col, cols = slots[row_index][cell_index]
                    cells.append(Cell(text, start, at - 1, col, cols))
            parts.append("\n")
            at += 1
            built.append(tuple(cells))
        self._length = at
        self._blocks.append(Table(rows=tuple(built), start=table_start, end=self._length))

    def build(self) -> Document:
        return Document(
            text="".join(self._parts),
            blocks=self._blocks,
            format=self._format,
            encoding=self._encoding,
            metadata=dict(self.metadata),
            page_links=self.page_links,
        )
