"""The lines that hold a hint word when each is read with the start of the next, found in one pass.

``total._first_score`` reads every line together with the first characters of the next (PDF text
breaks a score anywhere: 自评得分 / 90 分) and tries its pattern only on those that hold a hint
word (自评, 得分 ...). Joining and searching each line once per pattern cost as much as the
patterns did. Every such window is one slice of the lines run together, so ``str.find`` over
them finds each hint's occurrences once, and the windows holding one follow from the offsets:
the same lines, in the same order, as the test line by line.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


class HintedLines:
    """``texts`` run together; ``lookahead``: how many characters of the next line a line takes."""

    def __init__(self, texts: Sequence[str], lookahead: int) -> None:
        self.text = "".join(texts)
        self._starts: list[int] = []
        at = 0
        for text in texts:
            self._starts.append(at)
            at += len(text)
        # Where each line's window (the line and the start of the next) ends in ``text``: never
        # before the previous window's end, which the search below relies on.
        self._ends = [
            start + len(text) + (min(lookahead, len(texts[index + 1])) if index + 1 < len(texts) else 0)
            for index, (start, text) in enumerate(zip(self._starts, texts, strict=True))
        ]
        self._holding: dict[tuple[str, ...], list[int]] = {}

    def holding(self, hints: tuple[str, ...]) -> list[int]:
        """Indexes (ascending) of the lines whose window holds one of ``hints``."""
        known = self._holding.get(hints)
        if known is not None:
            return known
        found: set[int] = set()
        for hint in hints:
            at = self.text.find(hint)
            while at >= 0:
                # The windows starting at or before the hint, from the last back, while they
                # reach past its end (a window ends no later than the next one).
                line = bisect_right(self._starts, at) - 1
                while line >= 0 and at + len(hint) <= self._ends[line]:
                    found.add(line)
                    line -= 1
                at = self.text.find(hint, at + 1)
        self._holding[hints] = sorted(found)
        return self._holding[hints]
