"""财政拨款 income from a 收入支出决算总表 flattened one cell per line.

Exported as text, the summary table puts each cell on its own line: the income line's label, its
行次 (row number) and its amount (一、一般公共预算财政拨款收入 / 1 / 80.50). The 一般公共预算
line is the 财政拨款 income when the 政府性基金 and 国有资本经营 lines state nothing or zero (their
行次 followed by the next label) and the table declares 万元.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.parsing.amounts.money import NUMBER, parse_wan_number
from ingestion.parsing.text import Span, fold

_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*万元")
_LABEL = r"^\s*(?:[一二三四五六七八九十]+[、.．])?\s*{name}(?:预算)?财政拨款(?:收入)?\s*$"
_GENERAL_NAME = "一般公共"
_GENERAL = re.compile(_LABEL.format(name=_GENERAL_NAME), re.MULTILINE)
_OTHERS = (
    re.compile(_LABEL.format(name="政府性基金"), re.MULTILINE),
    re.compile(_LABEL.format(name="国有资本经营"), re.MULTILINE),
)
_ROW_NUMBER = re.compile(r"\d{1,2}")
_AMOUNT = re.compile(NUMBER)
# Lines read after a label: its 行次 and its amount.
_CELLS_AFTER = 2


def _cells_after(folded: str, end: int) -> list[tuple[str, int, int]]:
    """The next non-blank lines after ``end`` with their offsets."""
    cells: list[tuple[str, int, int]] = []
    for line in re.finditer(r"[^\n]+", folded[end:]):
        text = line.group().strip()
        if text:
            start = end + line.start() + line.group().index(text)
            cells.append((text, start, start + len(text)))
        if len(cells) == _CELLS_AFTER:
            break
    return cells


def _line_amount(folded: str, label: re.Match[str]) -> tuple[str, int, int] | None:
    """The amount after the label's 行次, None when the next cell is no amount (a blank line)."""
    cells = _cells_after(folded, label.end())
    if len(cells) < _CELLS_AFTER or not _ROW_NUMBER.fullmatch(cells[0][0]):
        return None
    return cells[1] if _AMOUNT.fullmatch(cells[1][0]) else None


def flattened_appropriation(document_text: str) -> tuple[str, Span] | None:
    """(万元, where) of the flattened summary's 一般公共预算 income line standing alone."""
    folded = fold(document_text)
    if _GENERAL_NAME not in folded:
        return None  # _GENERAL, anchored at every line start, scans a report ten times slower
    general = _GENERAL.search(folded)
    if general is None or not _UNIT.search(folded, 0, general.start()):
        return None
    amount = _line_amount(folded, general)
    if amount is None:
        return None
    for other in _OTHERS:
        for line in other.finditer(folded):
            stated = _line_amount(folded, line)
            if stated is not None and Decimal(parse_wan_number(stated[0]) or 0) != 0:
                return None
    text, start, end = amount
    wan = parse_wan_number(text)
    return (wan, Span(document_text[start:end], start, end)) if wan is not None else None
