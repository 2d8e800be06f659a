"""A report written once, before rendering: title lines, headings, paragraphs and tables.

Tables are full grids: a merged region keeps its text in its top-left cell and empty strings in
the cells it covers, so the txt renderer prints the blank cells portal exports show, while docx
and html renderers merge the region (``Span``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 = 一、, 2 = （一）, 3 = 1、
    label: str  # the numbering as written, "" when lost
    text: str

    @property
    def line(self) -> str:
        return f"{self.label}{self.text}"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Span:
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass(slots=True)
class Table:
    rows: list[list[str]]
    spans: list[Span] = field(default_factory=list)
    header_rows: int = 1

    def span_at(self, row: int, col: int) -> Span | None:
        return next((s for s in self.spans if s.row == row and s.col == col), None)

    def covered(self, row: int, col: int) -> bool:
        """True for a cell inside a merged region but not its top-left cell."""
        return any(
            s.row <= row < s.row + s.rows and s.col <= col < s.col + s.cols and (s.row, s.col) != (row, col)
            for s in self.spans
        )


Block = Heading | Paragraph | Table


@dataclass(slots=True)
class ReportDocument:
    title_lines: list[str]  # the title as printed, possibly over two lines; empty when untitled
    blocks: list[Block] = field(default_factory=list)
    seal_line: str | None = None  # 部门（单位）名称：...（盖章）, above the title

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def text_lines(self) -> list[str]:
        """Every line of text, tables cell by cell: for font subsetting and checks."""
        lines = [self.seal_line or "", *self.title_lines]
        for block in self.blocks:
            if isinstance(block, Table):
                lines += [cell for row in block.rows for cell in row]
            else:
                lines.append(block.line if isinstance(block, Heading) else block.text)
        return lines
