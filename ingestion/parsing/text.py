"""Text helpers every extractor shares: length-preserving folding and clause splitting.

Folding maps full-width digits, letters, ``．`` and ``％`` to ASCII one character for one,
so a match in the folded text has the same offsets in ``Document.text`` (evidence stays valid).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_FULL_WIDTH = "０１２３４５６７８９．％－＋" + "".join(chr(c) for c in range(0xFF21, 0xFF3B))
_FULL_WIDTH += "".join(chr(c) for c in range(0xFF41, 0xFF5B))
_HALF_WIDTH = "0123456789.%-+" + "".join(chr(c) for c in range(0x41, 0x5B))
_HALF_WIDTH += "".join(chr(c) for c in range(0x61, 0x7B))
_FOLD = str.maketrans(_FULL_WIDTH, _HALF_WIDTH)
_NEEDS_FOLD = re.compile(f"[{re.escape(_FULL_WIDTH)}]")
_CLAUSE_BREAK = re.compile(r"[，,；;。：:！!？?\n]")


def fold(text: str) -> str:
    """Full-width digits/letters/``．％`` -> ASCII; the result has exactly ``len(text)``."""
    # str.translate is slow on long text; most reports have nothing to fold.
    return text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the document text and where it sits in ``Document.text``."""

    text: str
    start: int
    end: int


def clauses(text: str, offset: int = 0) -> Iterator[Span]:
    """Pieces of ``text`` between Chinese/ASCII clause punctuation, with absolute offsets."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        if match.start() > start:
            yield Span(text[start : match.start()], offset + start, offset + match.start())
        start = match.end()
    if start < len(text):
        yield Span(text[start:], offset + start, offset + len(text))


def sentences(text: str, offset: int = 0) -> Iterator[Span]:
    """Pieces of ``text`` ending at 。；! ? (kept), with absolute offsets."""
    start = 0
    for match in re.finditer(r"[。；;！!？?]", text):
        yield Span(text[start : match.end()], offset + start, offset + match.end())
        start = match.end()
    if text[start:].strip():
        yield Span(text[start:], offset + start, offset + len(text))
