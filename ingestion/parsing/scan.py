"""Regex search over a whole report, trying only the starts near a literal every match contains.

``pattern.search(text)`` tries the pattern at every one of a report's ~13,000 characters; when
the pattern begins with a lookbehind, a class or an alternation of groups, Python's regex engine
cannot skip ahead and that costs a third of a millisecond per pattern. Every match of such a
pattern contains one of a few literals (``街道``/``镇`` for ``XX街道``) at a bounded distance from
its start. ``str.find`` locates those literals at C speed; the pattern is then tried with
``pattern.match(text, start)`` only at the starts that distance allows, in ascending order.
The result is the same as ``search``/``finditer``: a match at ``start`` sees the text before
it (lookbehinds work), and a start no anchor allows cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

# (literal, fewest, most characters from the match's start to the literal's start)
Anchor = tuple[str, int, int]


def _starts(text: str, anchors: Sequence[Anchor]) -> list[int]:
    starts: set[int] = set()
    for literal, nearest, farthest in anchors:
        at = text.find(literal)
        while at >= 0:
            starts.update(range(max(0, at - farthest), at - nearest + 1))
            at = text.find(literal, at + 1)
    return sorted(starts)


def anchored_finditer(
    pattern: re.Pattern[str], text: str, anchors: Sequence[Anchor]
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields, for a pattern whose every (non-empty) match
    holds one of ``anchors``' literals within the stated distance of its start."""
    return matches_at(pattern, text, _starts(text, anchors))


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields, for a pattern whose every (non-empty) match
    starts at one of ``starts`` (ascending)."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start)
        if match is not None and match.end() > match.start():
            yield match
            resume = match.end()


def anchored_search(pattern: re.Pattern[str], text: str, anchors: Sequence[Anchor]) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern anchored as ``anchored_finditer`` requires."""
    return next(anchored_finditer(pattern, text, anchors), None)
