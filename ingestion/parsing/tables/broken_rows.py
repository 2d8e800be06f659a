"""Pipe rows a text export broke over lines, put back together.

Some portals' text exports write a form row's first cell on a line of its own, ending with a
pipe (``年度资金总额 |``), and the rest of the row on the next line, starting with one
(``| 12.5 | 12.1 | 10 | 96.80% | 9 |``): the reader makes the first a paragraph and the second
a pipe table. The label cell is the first cell of that table's first row again.

The same exports leave a bare ``|`` line (an empty row) between a header row written without
its leading pipe and the data rows under it; that line is dropped so the header still heads
the rows (``recovered.recovered_blocks``).
"""

from __future__ import annotations

from collections.abc import Iterable

from ingestion.documents.model import Block, Cell, Paragraph, Table

_PIPE = "|"
# A form's label cell is short; a longer line ending in a pipe is no cell.
_MAX_LABEL = 30


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
