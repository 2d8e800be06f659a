"""Pipe rows a text export broke over lines, put back together.

Some portals' text exports write a form row's first cell on a line of its own, ending with a
pipe (``年度资金总额 |``), and the rest of the row on the next line, starting with one
(``| 12.5 | 12.1 | 10 | 96.80% | 9 |``): the reader makes the first a paragraph and the second
a pipe table. The label cell is the first cell of that table's first row again.

The same exports leave a bare ``|`` line (an empty row) between a header row written without
its leading pipe and the data rows under it; that line is dropped so the header still heads
the rows (``recovered.recovered_blocks``).

Inside a table, an indicator row may come in pieces when its blank cells were dropped: the
level and name cells on one line (no figure), the value cells on the next lines, the last piece
ending in the score (``效益指标 | 社会效益指标 | 示例名称`` / ``良好`` / ``良好 | 10 | 9``). The
pieces are joined while none starts a row of its own (a level cell, ``…指标``) and the whole is
no wider than the table's widest row (a blank cell goes back at each line break when that makes
the row full); a placeholder piece (``……``) is never joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingestion.documents.model import Block, Cell, Paragraph, Table
from ingestion.parsing.tables.cells import LEVEL_END

_PIPE = "|"
# A form's label cell is short; a longer line ending in a pipe is no cell.
_MAX_LABEL = 30
_MAX_PIECES = 4
_SCORE = re.compile(r"^\d+(?:\.\d+)?分?$")
_PLACEHOLDER = re.compile(r"^[.…。·\s]+$")

Row = tuple[Cell, ...]


def _label_cell(paragraph: Paragraph) -> Cell | None:
    """``年度资金总额 |`` as its one cell; None unless the line is one short label ending in a pipe."""
    text = paragraph.text
    if text.count(_PIPE) != 1 or not text.endswith(_PIPE):
        return None
    label = text[:-1].strip()
    if not label or len(label) > _MAX_LABEL:
        return None
    start = paragraph.start + text.index(label)
    return Cell(label, start, start + len(label))


def _is_blank_row(block: Block) -> bool:
    return isinstance(block, Paragraph) and block.text.strip() == _PIPE


def joined_labels(blocks: Iterable[Block]) -> list[Block]:
    """The reader's ``blocks`` with each lone label cell joined to the pipe table right after it.
    Only the reader's own pipe tables take a label: a table rebuilt from one cell per line
    (``cell_stream``) already holds the cells around it."""
    out: list[Block] = []
    for block in blocks:
        above = out[-1] if out else None
        label = _label_cell(above) if isinstance(block, Table) and isinstance(above, Paragraph) else None
        if isinstance(block, Table) and label is not None:
            out.pop()
            first = (label, *block.rows[0])
            block = Table(rows=(first, *block.rows[1:]), start=label.start, end=block.end)
        out.append(block)
    return out


def without_blank_rows(blocks: Iterable[Block]) -> list[Block]:
    """``blocks`` without the bare ``|`` lines between a pipe row and the table right after them."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            blanks = 0
            while blanks < len(out) and _is_blank_row(out[-1 - blanks]):
                blanks += 1
            head = out[-1 - blanks] if blanks < len(out) else None
            if blanks and isinstance(head, Paragraph) and head.text.count(_PIPE) >= 2:
                del out[-blanks:]
        out.append(block)
    return out


def _starts_row(row: Row) -> bool:
    return row[0].text.replace(" ", "").endswith(LEVEL_END)


def _pieces_end(rows: tuple[Row, ...], first: int, widest: int) -> int | None:
    """Past the last piece of the row starting at ``first``, or None when it is no such row."""
    row = rows[first]
    if any(c.isdigit() for cell in row for c in cell.text) or _starts_row((row[-1],)):
        return None
    width = len(row)
    for end in range(first + 1, min(len(rows), first + _MAX_PIECES)):
        piece = rows[end]
        width += len(piece)
        if _starts_row(piece) or width > widest or any(_PLACEHOLDER.match(c.text) for c in piece):
            return None
        if _SCORE.match(piece[-1].text.strip()):
            return end + 1
    return None


def _joined(pieces: tuple[Row, ...], widest: int) -> Row:
    """The pieces as one row; when exactly one cell per line break is missing, the breaks stood
    where the blank cells were dropped, and a blank cell goes back in at each."""
    cells = [cell for piece in pieces for cell in piece]
    if widest - len(cells) != len(pieces) - 1:
        return tuple(cells)
    out: list[Cell] = list(pieces[0])
    for piece in pieces[1:]:
        out += [Cell("", piece[0].start, piece[0].start), *piece]
    return tuple(out)


def joined_pieces(table: Table) -> Table:
    """``table`` with each indicator row that came in pieces joined into one row."""
    widest = max(len(row) for row in table.rows)
    rows: list[Row] = []
    i = 0
    while i < len(table.rows):
        row = table.rows[i]
        end = None if any(_PLACEHOLDER.match(c.text) for c in row) else _pieces_end(table.rows, i, widest)
        if end is None:
            rows.append(row)
            i += 1
            continue
        rows.append(_joined(table.rows[i:end], widest))
        i = end
    if len(rows) == len(table.rows):
        return table
    return Table(rows=tuple(rows), start=table.start, end=table.end)
