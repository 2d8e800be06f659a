"""Money: the one place that turns written amounts into exact 万元 decimal strings.

``2,846.27万元``, ``２８４６.２７万元`` (folded first), ``28462700元`` and ``0.28亿元`` all become
``Decimal`` values in 万元 without ever passing through a float. A number only counts as money
when a currency unit follows it directly: page numbers, phone numbers, 索引号, budget codes,
years and percentages have none, so they never become amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ingestion.parsing.text import fold

# Thousands separators only in well-formed groups, so "5,0" is never one number.
NUMBER = r"(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MONEY = re.compile(rf"(?P<number>{NUMBER})[ \t]{{0,2}}(?P<unit>万元|亿元|千元|元)")
# 10^k that takes a unit to 万元.
_UNIT_EXPONENT = {"元": -4, "千元": -1, "万元": 0, "亿元": 4}


@dataclass(frozen=True, slots=True)
class Money:
    wan: str
    start: int
    end: int


def to_wan(number: str, unit: str) -> str:
    """``("2,846.27", "万元")`` -> ``"2846.27"``; ``("28462700", "元")`` -> ``"2846.2700"``."""
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {number!r}") from exc
    if unit not in _UNIT_EXPONENT:
        raise ValueError(f"not a currency unit: {unit!r}")
    exponent = _UNIT_EXPONENT[unit]
    scaled = value if exponent == 0 else value.scaleb(exponent)
    return format(scaled, "f")


def money_at(text: str, pos: int = 0) -> Money | None:
    """The amount written exactly at ``pos`` of (folded) ``text``, or None."""
    match = _MONEY.match(text, pos)
    if match is None:
        return None
    return Money(to_wan(match["number"], match["unit"]), match.start(), match.end())


def find_money(text: str) -> list[Money]:
    """Every amount with a currency unit in ``text`` (folded here; offsets unchanged)."""
    return [Money(to_wan(m["number"], m["unit"]), m.start(), m.end()) for m in _MONEY.finditer(fold(text))]


def parse_money(written: str) -> str | None:
    """A whole cell or phrase that is one amount (``"652.40万元"``) -> 万元 string, else None."""
    folded = fold(written.strip())
    found = _MONEY.fullmatch(folded)
    return to_wan(found["number"], found["unit"]) if found else None


def parse_wan_number(written: str) -> str | None:
    """A bare number already in 万元 (a table cell under a 万元 header) -> decimal string."""
    folded = fold(written.strip()).replace(",", "")
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", folded):
        return None
    return format(Decimal(folded), "f")
