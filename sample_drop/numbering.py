"""Heading numbering as reports write it: 一、（一）1、（1）, or mangled, or lost.

Word's automatic numbering often degrades when a portal exports text: level-one labels turn
into "3、 " and level-two into "（2） " in the middle of an otherwise Chinese-numbered report.
"""

from __future__ import annotations

import random

_CHINESE = "一二三四五六七八九十"
STYLES = ("standard", "dotted", "degraded", "lost")


def chinese(n: int) -> str:
    if n <= 10:
        return _CHINESE[n - 1]
    return "十" + _CHINESE[n - 11] if n < 20 else str(n)


class Numbering:
    """Hands out labels for headings in reading order, in one of ``STYLES``."""

    def __init__(self, style: str, rng: random.Random) -> None:
        if style not in STYLES:
            raise ValueError(f"unknown numbering style {style!r}")
        self.style = style
        self._rng = rng
        self._counts = [0, 0, 0, 0]

    def label(self, level: int) -> str:
        self._counts[level - 1] += 1
        for deeper in range(level, 4):
            self._counts[deeper] = 0
        n = self._counts[level - 1]
        degraded = self.style == "degraded" and self._rng.random() < 0.4
        if self.style == "lost" and level <= 2 and self._rng.random() < 0.7:
            return ""
        if level == 1:
            return f"{n}、 " if degraded else f"{chinese(n)}、"
        if level == 2:
            return f"（{n}） " if degraded else f"（{chinese(n)}）"
        if level == 3:
            return f"{n}." if self.style == "dotted" else f"{n}、"
        return f"（{n}）"
