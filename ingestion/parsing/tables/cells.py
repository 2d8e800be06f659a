"""Cell text cleaning and the one number parser every table extractor uses.

Money stays a decimal string as written ("113.50" keeps its zero); a cell stated in 元 (or 千元,
亿元) is converted exactly to 万元 by the project's one money function, ``amounts.to_wan``. Finding
the number in a cell is done here: cells allow what prose does not (a bare number under a unit
header, full-width thousands separators). Scores and rates become ``int`` when integral, else ``float``: they
are points and percentages, not money.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ingestion.documents.model import Cell
from ingestion.parsing.amounts.money import to_wan
from ingestion.parsing.tables.facts import Evidence

# Thousands separators only where they group three digits, so "1,2" is not read as 12.
_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# What may sit around a money figure in its cell: units and whitespace, nothing that changes its meaning.
_MONEY_NOISE = re.compile(r"[\s亿千万元]")
_CELL_UNIT = re.compile(r"\s*(亿元|千元|万元|元)")
_DASHES = re.compile(r"^[-—–－─/\\\s]*$")
_UNIT = re.compile(r"(?:单位\s*[:：]\s*|[（(]\s*)(亿元|千元|万元|元)")
_NUMBERING = re.compile(
    r"^(?:[(（]?[0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+\s*[、.．]|[①-⑳])\s*"
)
_POINTS_NOTE = re.compile(r"(?:[(（]?\s*\d+(?:\.\d+)?\s*分\s*[)）]?|[(（]\s*\d+(?:\.\d+)?\s*[)）])$")
# What an indicator level cell's name ends in (产出指标, 数量指标): a row opening with one starts a row.
LEVEL_END = "指标"
WAN = "万元"
YUAN = "元"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in a cell, with where it stands in the document text."""

    value: Decimal
    written: str  # the digits as written, separators removed
    start: int
    end: int
    unit: str | None = None  # a currency unit written right after the number in the cell


class _FoldTable(dict[int, str]):
    """``str.translate`` table computed on demand: each character's NFKC form when it is one character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        self[code] = folded if len(folded) == 1 else char
        return self[code]


_FOLD_TABLE = _FoldTable()
# Cells are short and repeat (header words, 0, ——): folding them again costs more than a lookup.
_CACHED_CELLS = 8192


def fold(text: str) -> str:
    """Full-width to half-width character by character, so offsets into ``text`` stay valid."""
    return text if text.isascii() else text.translate(_FOLD_TABLE)


@lru_cache(maxsize=_CACHED_CELLS)
def compact(text: str) -> str:
    """Folded text without any whitespace: the form headers and row labels are matched in."""
    return "".join(fold(text).split())


def clean_text(text: str | None) -> str | None:
    """A cell's text on one line, or None when it holds nothing but whitespace."""
    if text is None:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    joined = lines[0]
    for line in lines[1:]:
        # Chinese wraps without spaces; only Latin words and numbers need one put back.
        gap = " " if joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii() else ""
        joined = f"{joined}{gap}{line}"
    return joined


def clean_label(text: str) -> str:
    """A row label without whitespace, numbering ("1、", "（一）"), 其中 or a trailing colon."""
    label = "".join(text.split())
    label = re.sub(r"^其中[:：]", "", label)
    label = _NUMBERING.sub("", label)
    label = re.sub(r"^其中[:：]", "", label)
    return label.rstrip(":：")


def strip_points_note(text: str) -> str:
    """产出指标(40分) -> 产出指标."""
    return _POINTS_NOTE.sub("", text).strip()


def unit_of(text: str) -> str | None:
    """The money unit a header or caption declares: 万元, 元, or None when it names none."""
    match = _UNIT.search(fold(text))
    return match.group(1) if match else None


def find_figure(cell: Cell, pattern: re.Pattern[str] = _NUMBER) -> Figure | None:
    """The first number in the cell (full-width digits and thousands separators allowed)."""
    found = _figure_in(cell.text, pattern)
    if found is None:
        return None
    value, written, start, end, unit = found
    return Figure(value, written, cell.start + start, cell.start + end, unit)


@lru_cache(maxsize=_CACHED_CELLS)
def _figure_in(text: str, pattern: re.Pattern[str]) -> tuple[Decimal, str, int, int, str | None] | None:
    """(value, digits as written, start, end, unit) of the first number in ``text``; cached
    because tables repeat their figures (10, 100%, 0) and every extractor asks again."""
    folded = fold(text)
    match = pattern.search(folded)
    if match is None:
        return None
    written = match.group(0).replace(",", "")
    unit = _CELL_UNIT.match(folded, match.end())
    return Decimal(written), written, match.start(), match.end(), unit.group(1) if unit else None


def cite(cell: Cell) -> Evidence:
    """The contract's evidence entry for a value read from ``cell``."""
    return {"text": cell.text, "start": cell.start, "end": cell.end}


def is_blank_value(text: str) -> bool:
    """An empty cell or a dash placeholder (——, -, /) that states nothing."""
    return bool(_DASHES.match(fold(text)))


def money_figure(cell: Cell | None) -> Figure | None:
    """The cell's figure when the cell is a money amount and nothing else, else None."""
    if cell is None or is_blank_value(cell.text):
        return None
    figure = find_figure(cell)
    if figure is None:
        return None
    folded = fold(cell.text)
    rest = folded[: figure.start - cell.start] + folded[figure.end - cell.start :]
    return figure if not _MONEY_NOISE.sub("", rest) else None


def wan_string(figure: Figure, unit: str) -> str:
    """The figure as a decimal string in 万元: in the cell's own unit if it names one, else ``unit``."""
    return to_wan(figure.written, figure.unit or unit)


def number(value: Decimal) -> int | float:
    """A score or rate as JSON wants it: int when integral."""
    return int(value) if value == value.to_integral_value() else float(value)


def score_figure(cell: Cell | None) -> Figure | None:
    """The figure of a score, weight or rate cell ("10", "100%", "9.5分"); None when it has no number."""
    if cell is None or is_blank_value(cell.text):
        return None
    return find_figure(cell)
