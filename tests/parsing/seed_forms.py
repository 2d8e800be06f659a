"""The seed reports' tables laid out as Word lays such forms out, built at test time (never stored).

A seed is a text export: a merged cell appears once (horizontal merge) or as empty cells below
it (vertical merge), and the export breaks the 绩效指标 label out as a row of its own. Here each
table is rebuilt as a form grid with real merges, then rendered by the generator's renderers
(python-docx ``vMerge``/``gridSpan``, HTML ``rowspan``/``colspan``, ruled PDF boxes with wrapped
multi-line cells). Two layouts of the label:

``label_column``: 绩效指标 is the first cell of the indicator header row, merged down the first
column beside the header and every indicator row (the template's layout).
``label_beside``: the header's first cell spans the label column and the 一级指标 column, and
绩效指标 is merged down the label column from the first indicator row: data rows have one cell
more than the header row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingestion.documents.model import Table as ReadTable
from ingestion.documents.read import read_path
from sample_drop.document import Paragraph, ReportDocument, Span, Table
from sample_drop.pdf_font import subset_font
from sample_drop.render_docx import render_docx
from sample_drop.render_html import PageInfo, render_html
from sample_drop.render_pdf import render_pdf

LAYOUTS = ("label_column", "label_beside")
FORMATS = ("docx", "pdf", "html")


@dataclass(slots=True)
class _Cell:
    text: str
    col: int
    cols: int
    rows: int = 1


def _is_label_row(rows: list[list[str]], index: int, width: int) -> bool:
    """A one-cell row above a header one cell short, above rows starting with an empty cell."""
    return (
        len(rows[index]) == 1
        and index + 2 < len(rows)
        and len(rows[index + 1]) == width - 1
        and len(rows[index + 2]) == width
        and not rows[index + 2][0].strip()
    )


def _placed(row: list[str], below: list[str] | None, width: int) -> list[_Cell]:
    """Grid columns for a row's cells: a short row above a header row's continuation keeps its
    leading cells one column each and spreads the rest evenly (预算金额 over two columns), any
    other short row widens its first cell."""
    missing = width - len(row)
    if missing <= 0:
        return [_Cell(text, col, 1) for col, text in enumerate(row)]
    lead = 0
    while below is not None and len(below) == width and lead < len(below) and not below[lead].strip():
        lead += 1
    rest = len(row) - lead
    if 0 < lead < len(row) and (width - lead) % rest == 0:
        span = (width - lead) // rest
        return [_Cell(t, c, 1) for c, t in enumerate(row[:lead])] + [
            _Cell(text, lead + k * span, span) for k, text in enumerate(row[lead:])
        ]
    return [_Cell(row[0], 0, missing + 1)] + [_Cell(t, missing + 1 + k, 1) for k, t in enumerate(row[1:])]


def _merge_down(grid: list[list[_Cell]]) -> list[list[_Cell]]:
    """Leading empty cells under a cell of the same columns become that cell, merged down."""
    owners: dict[tuple[int, int], _Cell] = {}
    kept: list[list[_Cell]] = []
    for row in grid:
        out: list[_Cell] = []
        below: dict[tuple[int, int], _Cell] = {}
        for cell in row:
            key = (cell.col, cell.cols)
            if not out and not cell.text.strip() and key in owners:
                owners[key].rows += 1
                below[key] = owners[key]
                continue
            out.append(cell)
            below[key] = cell
        owners = below
        kept.append(out)
    return kept


def _grid(rows: list[list[str]], layout: str) -> list[list[_Cell]]:
    width = max(len(row) for row in rows)
    grid: list[list[_Cell]] = []
    index = 0
    while index < len(rows):
        if _is_label_row(rows, index, width):
            label, header = rows[index][0], rows[index + 1]
            if layout == "label_column":
                grid.append([_Cell(label, 0, 1)] + [_Cell(t, k + 1, 1) for k, t in enumerate(header)])
            else:
                grid.append([_Cell(header[0], 0, 2)] + [_Cell(t, k + 2, 1) for k, t in enumerate(header[1:])])
                first = rows[index + 2]
                grid.append([_Cell(label, 0, 1)] + [_Cell(t, k + 1, 1) for k, t in enumerate(first[1:])])
                index += 1
            index += 2
            continue
        below = rows[index + 1] if index + 1 < len(rows) else None
        grid.append(_placed(rows[index], below, width))
        index += 1
    return _merge_down(grid)


def form_table(rows: list[list[str]], layout: str) -> Table:
    """A text export's table rows as a form grid with merges (``generate.document.Table``)."""
    grid = _grid(rows, layout)
    width = max(len(row) for row in rows)
    texts = [[""] * width for _ in grid]
    spans = []
    for r, row in enumerate(grid):
        for cell in row:
            texts[r][cell.col] = cell.text
            if cell.rows > 1 or cell.cols > 1:
                spans.append(Span(row=r, col=cell.col, rows=cell.rows, cols=cell.cols))
    return Table(rows=texts, spans=spans, header_rows=0)


def seed_document(seed: Path, layout: str) -> ReportDocument:
    """The seed's paragraphs and its tables as forms, ready for the generator's renderers."""
    document = read_path(seed)
    rebuilt = ReportDocument(title_lines=[])
    for block in document.blocks:
        if isinstance(block, ReadTable):
            rebuilt.add(form_table(block.texts(), layout))
        else:
            rebuilt.add(Paragraph(block.text))
    return rebuilt


def render(document: ReportDocument, fmt: str, folder: Path) -> bytes:
    if fmt == "docx":
        return render_docx(document)
    if fmt == "pdf":
        return render_pdf(document, subset_font("".join(document.text_lines()), folder))
    page = PageInfo(
        "某某区人民政府", "绩效自评", "某某区财政局", "2024-05-01", "000000000/2024-00001", "0000-0000000"
    )
    return render_html(document, page).encode("utf-8")
