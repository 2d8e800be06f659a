"""Split plain text into paragraphs and tables (shared by the txt, html and pdf readers).

Three table shapes are recognised:

- flattened tables, the form portal text exports use (and ``Document`` renders): one cell per
  line starting with a TAB, rows separated by an empty line. A cell's text may continue on
  following lines without a TAB (``年度预`` / ``算申请`` / ``（万元）``), even after one empty
  line when the row is visibly incomplete (``产出指标`` / (empty) / ``(40分)``);
- pipe tables (``| a | b |``);
- runs of at least two lines that split the same way into three or more cells on 2+ spaces
  or inner TABs, with a number in them (PDF text, TSV exports).

Everything else is a paragraph per non-empty line. Word bookmark residue (``[bookmark: x]``)
left by docx-to-text converters is dropped.
"""

from __future__ import annotations

import re

from ingestion.documents.model import DocumentBuilder

_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]{0,80}\]")
_CELL_GAP = re.compile(r"[ \u3000]{2,}|\t")
_PIPE_RULE = re.compile(r"^[\s|:\-+=]*$")
_HAS_NUMBER = re.compile(r"\d")
# A cell continued across an empty line is a short note such as "(40分)".
_MAX_CONTINUATION_AFTER_GAP = 20
# A trailing continuation with no TAB line after it must be this short to stay in the cell.
_MAX_TRAILING_CONTINUATION = 12


def _is_cell(line: str) -> bool:
    return line.startswith("\t")


def _is_empty(line: str) -> bool:
    return not line.strip() and "\u3000" not in line and not _is_cell(line)


def _is_filler(line: str) -> bool:
    """A line of full-width spaces: a cell's padding, neither content nor a row break."""
    return not line.strip() and "\u3000" in line and not _is_cell(line)


class _FlatTable:
    def __init__(self) -> None:
        self.rows: list[list[list[str]]] = []
        self.row: list[list[str]] = []

    def end_row(self) -> None:
        if self.row:
            self.rows.append(self.row)
            self.row = []

    def row_incomplete(self) -> bool:
        return bool(self.row) and bool(self.rows) and len(self.row) < len(self.rows[-1])

    def continue_cell(self, lines: list[str]) -> None:
        self.row[-1].extend(line.strip() for line in lines if line.strip())

    def texts(self) -> list[list[str]]:
        self.end_row()
        # Most cells are one line: no join needed (``join`` of one part returns that part).
        return [
            [cell[0] if len(cell) == 1 else "\n".join(filter(None, cell)) for cell in row]
            for row in self.rows
        ]


def _text_run(lines: list[str], start: int) -> tuple[list[str], int]:
    """Consecutive non-empty lines without a TAB from ``start``; fillers are skipped."""
    run: list[str] = []
    i = start
    while i < len(lines) and not _is_cell(lines[i]) and not _is_empty(lines[i]):
        if not _is_filler(lines[i]):
            run.append(lines[i])
        i += 1
    return run, i


def _read_flat_table(lines: list[str], i: int, builder: DocumentBuilder) -> int:
    table = _FlatTable()
    n = len(lines)
    while i < n:
        line = lines[i]
        if line[:1] == "\t":  # _is_cell, inlined: most lines of a table are cells
            table.row.append([line[1:].strip()])
            i += 1
        elif _is_filler(line):
            i += 1
        elif _is_empty(line):
            j = i
            while j < n and _is_empty(lines[j]):
                j += 1
            if j < n and _is_cell(lines[j]):
                table.end_row()
                i = j
                continue
            run, end = _text_run(lines, j)
            fits = all(len(text.strip()) <= _MAX_CONTINUATION_AFTER_GAP for text in run)
            if j - i == 1 and run and fits and table.row_incomplete() and end < n and _is_cell(lines[end]):
                table.continue_cell(run)
                i = end
                continue
            break
        else:
            run, end = _text_run(lines, i)
            followed_by_cell = end < n and _is_cell(lines[end])
            short = all(len(text.strip()) <= _MAX_TRAILING_CONTINUATION and "。" not in text for text in run)
            if not table.row or not (followed_by_cell or short):
                break
            table.continue_cell(run)
            i = end
    builder.add_table(table.texts())
    return i


def _pipe_cells(line: str) -> list[str] | None:
    if "|" not in line:
        return None
    stripped = line.strip()
    if not stripped.startswith("|") or stripped.count("|") < 2:
        return None
    return [cell.strip() for cell in stripped.strip("|").split("|")]


def _read_pipe_table(lines: list[str], i: int, builder: DocumentBuilder) -> int:
    rows: list[list[str]] = []
    while i < len(lines) and _pipe_cells(lines[i]) is not None:
        if not _PIPE_RULE.match(lines[i]):
            rows.append(_pipe_cells(lines[i]) or [])
        i += 1
    builder.add_table(rows)
    return i


def _gap_cells(line: str) -> list[str]:
    if "  " not in line and "\t" not in line and "\u3000\u3000" not in line and " \u3000" not in line:
        return []
    cells = [cell for cell in _CELL_GAP.split(line.strip()) if cell]
    return cells if len(cells) >= 3 else []


def _read_gap_table(lines: list[str], i: int, builder: DocumentBuilder) -> int:
    """Lines splitting into the same 3+ cells on wide gaps; at least two, with numbers."""
    first = _gap_cells(lines[i])
    j = i
    rows: list[list[str]] = []
    while j < len(lines):
        cells = _gap_cells(lines[j])
        if len(cells) != len(first) or any(len(cell) > 40 for cell in cells):
            break
        rows.append(cells)
        j += 1
    numeric = sum(1 for row in rows if any(_HAS_NUMBER.search(cell) for cell in row))
    if len(rows) < 2 or numeric * 2 < len(rows):
        return i
    builder.add_table(rows)
    return j


def add_plain_text(builder: DocumentBuilder, text: str) -> None:
    """Feed ``text`` (newlines already normalised) to ``builder`` as paragraphs and tables."""
    lines = _BOOKMARK.sub("", text).split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_cell(line):
            i = _read_flat_table(lines, i, builder)
        elif "|" in line and _pipe_cells(line) is not None:
            i = _read_pipe_table(lines, i, builder)
        elif not line.strip():
            i += 1
        else:
            after = _read_gap_table(lines, i, builder) if _gap_cells(line) else i
            if after == i:
                builder.add_paragraph(line)
                after = i + 1
            i = after
