"""Tables the reader left as paragraphs: one row per line, cells split by ``|`` or by spaces.

Web pages copied to text often give a row as ``产出指标 | 数量指标 | 养护里程 | 80 | 30 | 30 |``
(no leading pipe, so the reader's pipe tables miss it), and PDF text gives
``产出指标 数量指标 养护里程 ≥80公里 82公里 30 30``. Such lines are rebuilt into a ``Table``
whose cells keep their offsets in ``Document.text``, so evidence stays exact.

Pipe rows are taken wherever two or more follow each other. Space-split rows are riskier (a name
may hold a space), so they are taken only under a header line that names a table's columns
(三级指标 … 得分, 年初预算 … 执行数; a second line may complete its broken words: 年度 / 指标值),
and only while the rows are no wider than that header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingestion.documents.model import Block, Cell, Paragraph, Table
from ingestion.parsing.tables.broken_rows import joined_labels, joined_pieces, without_blank_rows
from ingestion.parsing.tables.cell_stream import stream_tables
from ingestion.parsing.tables.cells import compact
from ingestion.parsing.tables.glued_header import unglued
from ingestion.parsing.tables.run_together import run_together_table
from ingestion.parsing.tables.stream_cells import INDICATOR_WORDS, Found, has_words

_PIPE = "|"
_FIGURE = re.compile(r"^\s*-?\d+(?:\.\d+)?%?\s*$")
_SPACE_RUN = re.compile(r"\S+")
_HEADER_GROUPS = (
    (("三级指标", "指标名称"), ("得分", "分值", "权重")),
    (("年初预算", "全年预算", "调整后预算"), ("执行数", "执行率")),
)
# Cheap test before splitting a line: every header of _HEADER_GROUPS holds one of these.
_HEADER_HINTS = ("得分", "分值", "权重", "执行")
_MIN_PIPE_ROWS = 2
_MIN_HEADER_CELLS = 4
_MAX_SPACED_ROWS = 60
# A form's cell on a line of its own is short; a longer line is prose and ends the form.
_MAX_STREAM_CELL = 60
_STREAM_ANCHORS = ("三级指标", "指标名称", "指标内容", "总额", "编制数", "经费控制", "年初预算", "全年预算")
_MAX_ANCHOR = 12
# A flattened form holds its header and at least a row: many cells on one line.
_MIN_FLATTENED_CELLS = 12
# A header word broken over two lines leaves a short head on the first (年度, 实际).
_MAX_FRAGMENT = 3


def _cells(paragraph: Paragraph, spans: list[tuple[int, int]]) -> tuple[Cell, ...]:
    text, base = paragraph.text, paragraph.start
    cells = []
    for begin, end in spans:
        piece = text[begin:end]
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        cells.append(Cell(stripped, base + begin + lead, base + begin + lead + len(stripped)))
    return tuple(cells)


def pipe_row(paragraph: Paragraph) -> tuple[Cell, ...] | None:
    """The cells of ``a | b | c |`` without empty trailing cells; None when the line is not a row."""
    text = paragraph.text
    if text.count(_PIPE) < 2:
        return None
    bounds = [-1, *(i for i, char in enumerate(text) if char == _PIPE), len(text)]
    spans = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    if spans and not text[: spans[0][1]].strip():
        spans.pop(0)  # a leading pipe
    filled = len(spans)
    while filled and not text[spans[filled - 1][0] : spans[filled - 1][1]].strip():
        filled -= 1
    if filled < 2:
        return None
    # Trailing "| ||||" pads a merged cell to the table's width, and after the closing pipe there
    # is nothing; but "10 | | |" states two blank cells (an unscored 得分, an empty 原因): kept,
    # they hold the row's figures under their own columns.
    last = len(spans) - 1
    while filled < last and spans[filled][1] > spans[filled][0]:
        after = spans[filled + 1]
        if after[1] == after[0] and filled + 1 < last:
            break
        filled += 1
    return _cells(paragraph, spans[:filled])


# 产 出 指 标 |: a level cell merged down its rows, left on a line of its own inside the table.
_MERGED_LEVEL = re.compile(r"^\s*[^|\s](?:[^|]{0,14}[^|\s])?\s*\|\s*$")


def _run_row(paragraphs: list[Paragraph], at: int, rows: list[tuple[Cell, ...]]) -> tuple[Cell, ...] | None:
    """The row ``paragraphs[at]`` adds to a run of pipe rows: a pipe row, or inside a run a lone
    merged level cell (``产 出 指 标 |``) that another pipe row follows."""
    row = pipe_row(paragraphs[at])
    if row is not None or not rows or at + 1 >= len(paragraphs):
        return row
    paragraph = paragraphs[at]
    if _MERGED_LEVEL.match(paragraph.text) and pipe_row(paragraphs[at + 1]) is not None:
        cut = paragraph.text.index(_PIPE)
        return _cells(paragraph, [(0, cut)])
    return None


def _spaced_row(paragraph: Paragraph) -> tuple[Cell, ...]:
    return _cells(paragraph, [m.span() for m in _SPACE_RUN.finditer(paragraph.text)])


def _is_spaced_header(row: tuple[Cell, ...]) -> bool:
    words = [compact(cell.text) for cell in row]
    return len(row) >= _MIN_HEADER_CELLS and any(
        all(any(k in w for w in words for k in group) for group in groups) for groups in _HEADER_GROUPS
    )


def _table(rows: list[tuple[Cell, ...]]) -> Table:
    return Table(rows=tuple(rows), start=rows[0][0].start, end=rows[-1][-1].end)


def _completed_header(header: tuple[Cell, ...], second: tuple[Cell, ...]) -> tuple[Cell, ...] | None:
    """The header with the words its second line completes (年度 / 实际 over 指标值 / 完成值: a
    header cell broken over two lines), or None when the line is no such completion."""
    if (
        not second
        or len(second) >= len(header)
        or any(any(c.isdigit() for c in cell.text) for cell in second)
    ):
        return None
    cells, rest = list(header), list(second)
    for index, cell in enumerate(cells):
        head = compact(cell.text)
        if not rest or len(head) > _MAX_FRAGMENT or has_words(head, INDICATOR_WORDS):
            continue
        if has_words(head + compact(rest[0].text), INDICATOR_WORDS):
            tail = rest.pop(0)
            cells[index] = Cell(cell.text.strip() + tail.text.strip(), cell.start, tail.end)
    return tuple(cells) if not rest else None


def _spaced_table(paragraphs: list[Paragraph], start: int) -> tuple[Table | None, int]:
    """A header line at ``start`` and the space-split rows under it; (None, start) when not a header."""
    text = paragraphs[start].text
    if " " not in text or not any(word in text for word in _HEADER_HINTS):
        return None, start
    header = _spaced_row(paragraphs[start])
    if not _is_spaced_header(header):
        return None, start
    i = start + 1
    if i < len(paragraphs) and (completed := _completed_header(header, _spaced_row(paragraphs[i]))):
        header, i = completed, i + 1
    rows = [header]
    while i < len(paragraphs) and len(rows) < _MAX_SPACED_ROWS:
        row = _spaced_row(paragraphs[i])
        if not 2 <= len(row) <= len(header) + 1 or not any(c.isdigit() for c in paragraphs[i].text):
            break
        rows.append(row)
        i += 1
    return (_table(rows), i) if len(rows) > 1 else (None, start)


def recovered_blocks(blocks: list[Block]) -> Iterator[Block]:
    """``blocks`` with runs of row-like paragraphs replaced by the tables they spell, and a lone
    pipe row heading the table right after it (a text export keeps the header row without its
    leading pipe, the data rows with one, so the reader split them apart) made its first row."""
    previous: Block | None = None
    for block in without_blank_rows(_recovered(joined_labels(blocks))):
        if isinstance(block, Table):
            block = joined_pieces(unglued(block))
        if isinstance(block, Table) and (above := _rows_heading(previous, block)):
            previous = Table(rows=(*above, *block.rows), start=above[0][0].start, end=block.end)
            continue
        if previous is not None:
            yield previous
        previous = block
    if previous is not None:
        yield previous


def _rows_heading(previous: Block | None, table: Table) -> tuple[tuple[Cell, ...], ...] | None:
    """The rows just above ``table`` that end in its header row (a lone pipe row, or a recovered
    table whose last row it is): as many cells as its first row, give or take the leading cells
    a merged label leaves out."""
    rows: tuple[tuple[Cell, ...], ...] | None
    if isinstance(previous, Paragraph):
        header = pipe_row(previous)
        rows = (header,) if header is not None else None
    else:
        rows = previous.rows if isinstance(previous, Table) else None
    if not rows:
        return None
    header = rows[-1]
    fits = len(header) >= _MIN_HEADER_CELLS and abs(len(header) - len(table.rows[0])) <= 2
    return rows if fits and not any(_FIGURE.search(c.text) for c in header[1:]) else None


def _recovered(blocks: list[Block]) -> Iterator[Block]:
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if not isinstance(block, Paragraph):
            yield block
            i += 1
            continue
        run: list[Paragraph] = []
        while i + len(run) < len(blocks) and isinstance(blocks[i + len(run)], Paragraph):
            run.append(blocks[i + len(run)])  # type: ignore[arg-type]
        yield from _paragraph_run(run)
        i += len(run)


def _plain(paragraph: Paragraph) -> bool:
    """Neither a pipe row nor a spaced header: the test most paragraphs stop at, made cheap."""
    text = paragraph.text
    return text.count(_PIPE) < 2 and (" " not in text or not any(word in text for word in _HEADER_HINTS))


def _stream_cell(paragraph: Paragraph) -> Cell | None:
    """A paragraph as the one cell it holds (``年初预算 |``, a bare ``|`` for a blank cell), or
    None when it is a row of several cells or a sentence too long for a form's cell."""
    text = paragraph.text
    pipes = text.count(_PIPE)
    if pipes > 1 or (pipes == 1 and not text.endswith(_PIPE)) or len(text) > _MAX_STREAM_CELL:
        return None
    return _cells(paragraph, [(0, len(text) - pipes)])[0]


def _may_be_stream(paragraphs: list[Paragraph]) -> bool:
    """Cheap test: some paragraph is a lone 三级指标 or 年度资金总额 cell."""
    return any(
        len(p.text) <= _MAX_ANCHOR and any(word in p.text for word in _STREAM_ANCHORS) for p in paragraphs
    )


def _pieces(paragraph: Paragraph, start: int, stop: int) -> Iterator[Paragraph]:
    """The part of ``paragraph`` between document offsets ``start`` and ``stop``, if it says anything."""
    text = paragraph.text[start - paragraph.start : stop - paragraph.start]
    lead = len(text) - len(text.lstrip())
    if text.strip():
        begin = start + lead
        yield Paragraph(text.strip(), begin, begin + len(text.strip()))


def _flattened_tables(paragraph: Paragraph) -> list[Block] | None:
    """A 自评表 flattened onto this one line of space-separated cells, or None."""
    if paragraph.text.count(" ") < _MIN_FLATTENED_CELLS:
        return None
    found = stream_tables(_spaced_row(paragraph))
    if not found:
        return None
    blocks: list[Block] = []
    at = paragraph.start
    for table in found:
        blocks.extend(_pieces(paragraph, at, table.start))
        blocks.append(table.table)
        at = table.stop
    blocks.extend(_pieces(paragraph, at, paragraph.end))
    return blocks


def _with_stream_tables(paragraphs: list[Paragraph], found: list[Found]) -> Iterator[Block]:
    k = 0
    for table in found:
        before: list[Paragraph] = []
        while k < len(paragraphs) and paragraphs[k].end <= table.start:
            before.append(paragraphs[k])
            k += 1
        yield from _rows_in(before)
        yield table.table
        while k < len(paragraphs) and paragraphs[k].start < table.stop:
            k += 1
    yield from _rows_in(paragraphs[k:])


def _paragraph_run(paragraphs: list[Paragraph]) -> Iterator[Block]:
    if _may_be_stream(paragraphs):
        found = stream_tables([_stream_cell(p) for p in paragraphs])
        if found:
            yield from _with_stream_tables(paragraphs, found)
            return
    yield from _rows_in(paragraphs)


def _run_together(paragraph: Paragraph, above: Paragraph | None) -> list[Block] | None:
    """A budget row whose figures ran together (``…资金总额194.9194.9100%``), with the text around it."""
    if "总额" not in paragraph.text or "%" not in paragraph.text:
        return None
    found = run_together_table(paragraph, above)
    if found is None:
        return None
    table, start, stop = found
    return [*_pieces(paragraph, paragraph.start, start), table, *_pieces(paragraph, stop, paragraph.end)]


def _rows_in(paragraphs: list[Paragraph]) -> Iterator[Block]:
    i = 0
    while i < len(paragraphs):
        run_together = _run_together(paragraphs[i], paragraphs[i - 1] if i else None)
        if run_together is not None:
            yield from run_together
            i += 1
            continue
        if _plain(paragraphs[i]):
            yield paragraphs[i]
            i += 1
            continue
        rows: list[tuple[Cell, ...]] = []
        while i + len(rows) < len(paragraphs) and (row := _run_row(paragraphs, i + len(rows), rows)):
            rows.append(row)
        if len(rows) >= _MIN_PIPE_ROWS:
            yield _table(rows)
            i += len(rows)
            continue
        flattened = _flattened_tables(paragraphs[i])
        if flattened is not None:
            yield from flattened
            i += 1
            continue
        table, after = _spaced_table(paragraphs, i)
        if table is not None:
            yield table
            i = after
            continue
        yield paragraphs[i]
        i += 1
