"""Ruled tables drawn as LibreOffice exports a Word form to PDF.

What that export looks like, and what is drawn here: every cell is a box of ruling lines; text
wraps inside its box (Chinese anywhere, a number or Latin word kept whole unless it is wider
than the box); lines are spaced by the font's own height and cells have no padding above or
below, so glyph boxes touch the rulings; a merged cell is one tall or wide box with its text at
the top; narrow label columns stack their words a character or two per line; and a row that
does not fit at the bottom of a page is broken there, its cells going on at the top of the
next page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.fonts import TTFFont

from sample_drop.document import Table

FONT_SIZE = 9.0  # points
_PAD_X = 1.0  # mm: LibreOffice's default spacing to contents, left and right; none above or below
_CHAR_MM = FONT_SIZE * 25.4 / 72
# Column widths in characters: at least, at most, and for a label merged down many rows.
_MIN_CHARS, _MAX_CHARS, _LABEL_CHARS = 2.5, 14.0, 1.6
_TOKEN = re.compile(r"[A-Za-z0-9.,%+\-=≥≤<>]+|\s+|.")


@dataclass(slots=True)
class _Cell:
    row: int
    col: int
    rows: int
    cols: int
    lines: list[str]
    drawn: int = 0  # lines already drawn on earlier pages


def _wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` mm, the way LibreOffice breaks CJK."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text.replace("\n", "")):
        if pdf.get_string_width(line + token) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line)
        line = "" if token.isspace() else token
        while pdf.get_string_width(line) > width and len(line) > 1:
            cut = max(1, next(i for i in range(len(line), 0, -1) if pdf.get_string_width(line[:i]) <= width))
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line)
    return lines


def _column_widths(pdf: FPDF, table: Table) -> list[float]:
    width = max(len(row) for row in table.rows)
    chars = [_MIN_CHARS] * width
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            span = table.span_at(r, c)
            if table.covered(r, c) or (span and span.cols > 1) or not text:
                continue
            wanted = _LABEL_CHARS if span and span.rows > 2 and len(text) <= 6 else len(text) * 0.7
            chars[c] = max(chars[c], min(_MAX_CHARS, wanted))
    available = pdf.w - pdf.l_margin - pdf.r_margin
    scale = available / sum(chars)
    return [c * scale for c in chars]


def _cells(pdf: FPDF, table: Table, widths: list[float]) -> list[_Cell]:
    cells = []
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if table.covered(r, c):
                continue
            span = table.span_at(r, c)
            rows, cols = (span.rows, span.cols) if span else (1, 1)
            inner = sum(widths[c : c + cols]) - 2 * _PAD_X
            cells.append(_Cell(r, c, rows, cols, _wrap(pdf, text, inner)))
    return cells


def _row_heights(cells: list[_Cell], rows: int, pitch: float) -> list[float]:
    heights = [pitch] * rows
    for cell in (c for c in cells if c.rows == 1):
        heights[cell.row] = max(heights[cell.row], len(cell.lines) * pitch)
    for cell in (c for c in cells if c.rows > 1):
        last = cell.row + cell.rows - 1
        missing = len(cell.lines) * pitch - sum(heights[cell.row : last + 1])
        if missing > 0:
            heights[last] += missing
    return heights


@dataclass(frozen=True, slots=True)
class _Piece:
    """The part of a row drawn on one page."""

    row: int
    page: int
    top: float
    height: float


def _pieces(
    heights: list[float], top: float, page_top: float, page_bottom: float, pitch: float
) -> list[_Piece]:
    """Rows laid down page after page; a row that does not fit is broken after its last whole line."""
    pieces, page, y = [], 0, top
    for row, height in enumerate(heights):
        left = height
        while left > 1e-6:
            room = page_bottom - y
            fitting = left if left <= room + 1e-6 else pitch * int((room + 1e-6) / pitch)
            if fitting < pitch - 1e-6 and left > room + 1e-6:
                page, y = page + 1, page_top
                continue
            pieces.append(_Piece(row, page, y, fitting))
            y += fitting
            left -= fitting
    return pieces


def _font_box(pdf: FPDF) -> tuple[float, float]:
    """(ascent, line pitch) in mm of the current embedded font: its glyph box is its line."""
    font = pdf.current_font
    if not isinstance(font, TTFFont):
        raise TypeError("tables are drawn in the embedded CJK TrueType font")
    return font.desc.ascent / 1000 * _CHAR_MM, (font.desc.ascent - font.desc.descent) / 1000 * _CHAR_MM


def _draw_cell(pdf: FPDF, cell: _Cell, parts: list[_Piece], x: float, width: float, pitch: float) -> None:
    top = min(p.top for p in parts)
    bottom = max(p.top + p.height for p in parts)
    pdf.rect(x, top, width, bottom - top)
    room = int((bottom - top + 1e-6) / pitch)
    ascent, _ = _font_box(pdf)
    for index, line in enumerate(cell.lines[cell.drawn : cell.drawn + room]):
        pdf.text(x + _PAD_X, top + index * pitch + ascent, line)
    cell.drawn += min(room, len(cell.lines) - cell.drawn)


def draw_table(pdf: FPDF, table: Table) -> None:
    """Draw ``table`` from the current position, adding pages as it runs over; the position ends under it."""
    pdf.set_font(size=FONT_SIZE)
    _, pitch = _font_box(pdf)
    widths = _column_widths(pdf, table)
    edges = [pdf.l_margin + sum(widths[:i]) for i in range(len(widths) + 1)]
    cells = _cells(pdf, table, widths)
    pieces = _pieces(_row_heights(cells, len(table.rows), pitch), pdf.get_y(), pdf.t_margin,
                     pdf.h - pdf.b_margin, pitch)  # fmt: skip
    pdf.set_line_width(0.2)
    last_page = max(piece.page for piece in pieces)
    for page in range(last_page + 1):
        if page:
            pdf.add_page()
        on_page = [piece for piece in pieces if piece.page == page]
        for cell in cells:
            parts = [p for p in on_page if cell.row <= p.row < cell.row + cell.rows]
            if parts:
                left, right = edges[cell.col], edges[cell.col + cell.cols]
                _draw_cell(pdf, cell, parts, left, right - left, pitch)
    end = pieces[-1]
    pdf.set_y(end.top + end.height + 2)
