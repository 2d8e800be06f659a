"""The items a finance office's announcement of evaluation results lists (序号 | 单位 | 项目 | 等次).

Such a list names projects, at most with one amount each (资金量（万元）), so the key-project table
reader (which needs budget and spending columns) passes it by; an amount column in 万元 (its
header says so, or a line just above the list: 单位（万元）) gives each item its budget (a column
in 亿元 or 元 is left out, as amounts in other units are). It comes as a table, or flattened one
cell per line as web pages copy to text: ``序号`` / ``单位`` / ``项目`` /
``评价档次`` / ``1`` / ``某局`` / ``某项目`` / ``良好`` / ``2`` …. Rows are read while each opens
with the next serial number; a row ends at the header's width or at the next serial, since an
empty cell (an unstated 评价结果) is lost in the copy.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Block, Paragraph, Table
from ingestion.parsing.amounts.money import parse_wan_number
from ingestion.parsing.tables.recovered import recovered_blocks
from ingestion.parsing.text import Span

# (name, where it is stated, its amount in 万元 or None)
Item = tuple[str, Span, str | None]

_SERIAL = "序号"
_ITEM_HEADER = re.compile(
    r"^(?:项目|项目名称|项目\(资金\)名称|资金名称|评价对象|政策名称|政策\(项目\)名称|专项名称|"
    # 评价政策或项目资金名称, 重点项目名称: a name column that says what it names.
    r"[\u4e00-\u9fff()]{0,8}(?:项目|资金|政策)[\u4e00-\u9fff()]{0,4}名称)$"
)
# A header cell: short, ending in what a column holds (债券性质, 资金规模（万元）, 代建（实施）单位).
_HEADER_CELL = re.compile(
    r"^[\u4e00-\u9fff\d()、/]{0,12}(?:名称|性质|规模|分数|分值|等级|得分|评分|情况|单位|部门|类型|金额|"
    r"结果|档次|等次|备注|序号|时间|内容|对象)(?:\([^()]{1,8}\))?$"
)
_MAX_HEADER_CELL = 16
# A cell this short in a header run is a header word (单位, 项目, 等次).
_SHORT_HEADER = 4
_FIGURE = re.compile(r"^[\d.,%]+$")
_TOTAL_ROW = ("合计", "总计", "小计")
_MIN_NAME = 4
_MIN_LIST_HEADER = 3
_MAX_HEADER_LINE = 20
_AMOUNT_HEADER = re.compile(r"(?:资金|金额|预算|投资)[^()]{0,4}\(万元\)$")
# A list's unit stated on a line of its own just above it (单位（万元）, 金额单位：万元).
_UNIT_LINE = re.compile(r"单位\s*[:：(（]?\s*万元")
_AMOUNT_WORD = re.compile(r"^(?:资金|金额|预算|投资)(?:合计|总额|数|金额)?(?:\(万元\))?$")
_UNIT_REACH = 3
_MAX_HEADER_CELLS = 8
_MAX_CELL = 60
# A list item that is a project's form (某经费自评表, 某项目绩效评价表): the form's word is no part
# of the project's name.
_FORM_OF = re.compile(r"(?:绩效)?(?:自评|评价)表$")


def _amount_column(header: list[str], in_wan: bool = False) -> int | None:
    """The column of the items' amounts, when its header says they are in 万元 (or, ``in_wan``,
    a line just above the list does: 单位（万元）)."""
    pattern = _AMOUNT_WORD if in_wan else _AMOUNT_HEADER
    return next((i for i, word in enumerate(header) if pattern.search(word)), None)


def _stated_in_wan(lines: list[Paragraph], start: int) -> bool:
    return any(_UNIT_LINE.search(line.text) for line in lines[max(0, start - _UNIT_REACH) : start])


def _amount(cells: list[str], column: int | None) -> str | None:
    return parse_wan_number(cells[column]) if column is not None and column < len(cells) else None


def _cell(text: str) -> str:
    return re.sub(r"\s+", "", text).strip("|").replace("（", "(").replace("）", ")")


def _from_lines(lines: list[Paragraph], start: int, numbered: bool = True) -> list[Item]:
    """Items of a list flattened one cell per line, whose header starts at ``lines[start]``
    (its 序号 cell, or without ``numbered`` its name column)."""
    header: list[str] = [] if numbered else [_cell(lines[start].text)]
    at = start + 1
    while at < len(lines) and len(header) < _MAX_HEADER_CELLS and _is_header_cell(_cell(lines[at].text)):
        header.append(_cell(lines[at].text))
        at += 1
    column = next((i for i, word in enumerate(header) if _ITEM_HEADER.match(word)), None)
    if column is None:
        return []
    amounts = _amount_column(header, _stated_in_wan(lines, start))
    if at < len(lines) and not _cell(lines[at].text).isdigit():
        # No serial numbers (none in the header, or empty cells lost in the copy): rows open
        # with their names. Fewer header cells are a form's label and value, not a list.
        fits = len(header) >= _MIN_LIST_HEADER
        return _unnumbered_rows(lines, at, header, column, amounts) if fits else []
    items: list[Item] = []
    serial = 1
    while at < len(lines) and _cell(lines[at].text) == str(serial):
        # A row ends at the header's width or where the next serial starts (an empty cell is
        # lost when a page is copied to text).
        end = at + 1
        while end < min(len(lines), at + 1 + len(header)) and _cell(lines[end].text) != str(serial + 1):
            end += 1
        row = lines[at + 1 : end]
        if len(row) < column + 1 or any(len(cell.text) > _MAX_CELL for cell in row):
            break
        cell = row[column]
        # Where a cell was lost, the amount's place is not known.
        amount = _amount([_cell(c.text) for c in row], amounts) if len(row) == len(header) else None
        items.append((_cell(cell.text), Span(cell.text, cell.start, cell.end), amount))
        at = end
        serial += 1
    return items


def _is_header_cell(text: str) -> bool:
    return (
        bool(text)
        and not _FIGURE.match(text)
        and (
            _ITEM_HEADER.match(text) is not None
            or _AMOUNT_HEADER.search(text) is not None
            or _AMOUNT_WORD.search(text) is not None
            or len(text) <= _SHORT_HEADER
            or (len(text) <= _MAX_HEADER_CELL and _HEADER_CELL.match(text) is not None)
        )
    )


def _unnumbered_rows(
    lines: list[Paragraph], at: int, header: list[str], column: int, amounts: int | None
) -> list[Item]:
    """Rows without serial numbers, from their name column on (``项目名称`` / ``债券性质`` / …
    / ``某工程`` / ``某类债券`` / ``0.2`` / ``96.5`` / ``另一工程`` …): a row ends at the header's
    width, or earlier where a text cell follows a figure (the next row's name; the empty cells
    of a row are lost in the copy)."""
    width = len(header) - column
    items: list[Item] = []
    while at < len(lines):
        name = _cell(lines[at].text)
        if not name or _FIGURE.match(name) or len(lines[at].text) > _MAX_CELL or name in _TOTAL_ROW:
            break
        end = at + 1
        while end < min(len(lines), at + width):
            text = _cell(lines[end].text)
            if not text or (not _FIGURE.match(text) and _FIGURE.match(_cell(lines[end - 1].text))):
                break
            end += 1
        row = [_cell(line.text) for line in lines[at:end]]
        amount = _amount(row, amounts - column) if amounts is not None and len(row) == width else None
        items.append((name, Span(lines[at].text, lines[at].start, lines[at].end), amount))
        if end < len(lines) and not _cell(lines[end].text):
            break
        at = end
    return items if all(len(row_name) >= _MIN_NAME for row_name, _, _ in items) else []


def _from_table(table: Table) -> list[Item]:
    for position, row in enumerate(table.rows):
        words = [_cell(cell.text) for cell in row]
        if _SERIAL not in words:
            continue
        column = next((i for i, word in enumerate(words) if _ITEM_HEADER.match(word)), None)
        if column is None:
            return []
        amounts = _amount_column(words)
        return [
            (_cell(r[column].text), Span(r[column].text, r[column].start, r[column].end),
             _amount([_cell(c.text) for c in r], amounts))
            for r in table.rows[position + 1 :]
            if len(r) > column and _cell(r[0].text).isdigit() and _cell(r[column].text)
        ]  # fmt: skip
    return []


def _mentions_serial(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return _SERIAL in block.text
    return any(_SERIAL in cell.text for row in block.rows[:3] for cell in row)


def evaluated_items(blocks: list[Block]) -> list[Item]:
    """The items (name, where, amount) of the document's first list of evaluated projects; an
    item naming a project's form (某经费自评表, in a page's list of the forms it holds) names
    that project."""
    return [(_form_subject(name), where, amount) for name, where, amount in _listed(blocks)]


def lists_forms(items: list[Item]) -> bool:
    """Whether ``items`` (``evaluated_items``) are a list of several projects' forms."""
    return sum(1 for _, where, _ in items if _FORM_OF.search(_cell(where.text))) >= 2


def _form_subject(name: str) -> str:
    subject = _FORM_OF.sub("", name)
    return subject if len(subject) >= _MIN_NAME else name


def _listed(blocks: list[Block]) -> list[Item]:
    if not any(_mentions_serial(block) for block in blocks):
        return _without_serials([b for b in blocks if isinstance(b, Paragraph)])
    lines = [b for b in blocks if isinstance(b, Paragraph)]
    for block in recovered_blocks(blocks):
        if isinstance(block, Table) and (found := _from_table(block)):
            return found
    for position, line in enumerate(lines):
        if _cell(line.text) == _SERIAL and (found := _from_lines(lines, position)):
            return found
    return _without_serials(lines)


def _without_serials(lines: list[Paragraph]) -> list[Item]:
    """The items of a list whose header has no 序号 (项目名称 / 债券性质 / 自评分数 …)."""
    for position, line in enumerate(lines):
        short = len(line.text) <= _MAX_HEADER_LINE
        if short and _ITEM_HEADER.match(_cell(line.text)) and (found := _from_lines(lines, position, False)):
            return found
    return []
