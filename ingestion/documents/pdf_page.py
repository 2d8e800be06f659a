"""One PDF page through PDFium: its characters with their boxes, and its ruling lines as edges.

PDFium (pypdfium2) reads a page's text and drawing 20-40 times faster than pdfminer, so the
reader takes both from it: every character the page draws (with its font box, in top-down
page coordinates as pdfplumber uses), and every horizontal or vertical stretch of a drawn path
(table rulings, cell borders, thin filled rectangles) as a pdfplumber-style edge. Characters
PDFium invents (spaces and line breaks it guesses) are left out; fake-bold duplicates (the same
glyph drawn again a hair to the right) are dropped, as ``pdfplumber.Page.dedupe_chars`` does.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

# Two glyphs of the same character this close (points) are one glyph drawn twice (fake bold).
_DUPLICATE_TOLERANCE = 1.0
# A path stretch this close to horizontal or vertical (points) is a ruling.
_STRAIGHT_TOLERANCE = 0.5
# Form XObjects nest; deeper than this is not a report's layout.
_MAX_FORM_DEPTH = 4
# A character's body above and below its baseline, and its middle, in font sizes (CJK fonts).
_ASCENT, _DESCENT, _MIDDLE = 0.88, 0.12, 0.38

Matrix = tuple[float, float, float, float, float, float]
Edge = dict[str, Any]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Char:
    """A drawn character: its advance from ``x0`` to ``x1``, its baseline, and a body box
    (``top``, ``bottom``) placed by the baseline and font size, not by the glyph's ink: PDFium's
    boxes of flat glyphs (一, 、, —) sit lower than their neighbours', which would tear a line."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float

    @property
    def top(self) -> float:
        return self.baseline - _ASCENT * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + _DESCENT * self.size

    @property
    def middle(self) -> float:
        """Halfway up a CJK character's body: the point that decides which cell holds it."""
        return self.baseline - _MIDDLE * self.size


@dataclass(slots=True)
class PageContent:
    chars: list[Char]
    edges: list[Edge]
    width: float
    height: float


def _page_chars(textpage: Any, height: float) -> list[Char]:
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    chars: list[Char] = []
    seen: dict[tuple[str, int], list[float]] = {}
    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        if pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if code in (0, 0x0A, 0x0D, 0xFFFE, 0xFFFF):
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
        text, baseline = chr(code), height - y.value
        # Fake bold: the same character again within a point, on the same line.
        lefts = seen.setdefault((text, round(baseline)), [])
        if any(abs(box.left - left) <= _DUPLICATE_TOLERANCE for left in lefts):
            continue
        lefts.append(box.left)
        size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        chars.append(Char(text, box.left, box.right, baseline, size))
    return chars


def _multiply(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _object_matrix(obj: Any, outer: Matrix) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return outer
    return _multiply((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)


def _edge(x0: float, y0: float, x1: float, y1: float, height: float) -> Edge | None:
    """A pdfplumber edge for the stretch (x0, y0)-(x1, y1) in PDF space, if it is straight."""
    left, right = min(x0, x1), max(x0, x1)
    top, bottom = height - max(y0, y1), height - min(y0, y1)
    if bottom - top <= _STRAIGHT_TOLERANCE and right > left:
        middle = (top + bottom) / 2
        return {"x0": left, "x1": right, "top": middle, "bottom": middle,
                "width": right - left, "height": 0.0, "orientation": "h", "object_type": "edge"}  # fmt: skip
    if right - left <= _STRAIGHT_TOLERANCE and bottom > top:
        middle = (left + right) / 2
        return {"x0": middle, "x1": middle, "top": top, "bottom": bottom,
                "width": 0.0, "height": bottom - top, "orientation": "v", "object_type": "edge"}  # fmt: skip
    return None


def _path_edges(path: Any, matrix: Matrix, height: float, edges: list[Edge]) -> None:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke) and not (fill_mode.value or stroke.value):
        return  # drawn neither filled nor stroked: invisible
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    current = start = (0.0, 0.0)
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and (found := _edge(*current, *point, height)):
            edges.append(found)
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            if found_close := _edge(*current, *start, height):
                edges.append(found_close)
            current = start


def _collect_edges(objects: list[Any], matrix: Matrix, height: float, depth: int, edges: list[Edge]) -> None:
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path_edges(obj, _object_matrix(obj, matrix), height, edges)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            inner = [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count)]
            _collect_edges(inner, _object_matrix(obj, matrix), height, depth + 1, edges)


def read_page(page: Any) -> PageContent:
    """Characters and ruling edges of a ``pypdfium2.PdfPage``."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        chars = _page_chars(textpage, height)
    finally:
        textpage.close()
    handle = page.raw
    objects = [pdfium_c.FPDFPage_GetObject(handle, i) for i in range(pdfium_c.FPDFPage_CountObjects(handle))]
    edges: list[Edge] = []
    _collect_edges(objects, _IDENTITY, height, 0, edges)
    return PageContent(chars, edges, width, height)
