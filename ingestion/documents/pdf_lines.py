"""Characters into lines and lines into text, as pdfplumber's ``extract_text`` does it.

Characters whose baselines lie within ``LINE_TOLERANCE`` of the previous one's form a line; within a
line, characters are read left to right and a word ends at a space character or where the gap
to the next character exceeds ``WORD_GAP``. Words are joined with one space; ``tidy_spacing``
later removes the spaces layout puts beside Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ingestion.documents.pdf_page import Char

LINE_TOLERANCE = 3.0
WORD_GAP = 3.0


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    # How wide the line's first unbreakable piece is: a number or Latin word ("770.12") is
    # wrapped whole, and so is a Chinese character with the punctuation and figures glued to
    # it ("元、330.13"). A line above this one may have ended because this piece did not fit.
    first_word: float


# Punctuation a line never starts with: it stays with the character before it.
_CLOSING = frozenset("、，。；：！？）》」』】％,.;:!?)%")


def _first_word_width(printed: list[Char]) -> float:
    end = 0 if printed[0].text.isascii() else 1
    while end < len(printed) and (printed[end].text.isascii() or printed[end].text in _CLOSING):
        end += 1
    last = printed[max(end, 1) - 1]
    return last.x1 - printed[0].x0


def _line_text(chars: list[Char]) -> str:
    words: list[str] = []
    word: list[str] = []
    previous: Char | None = None
    for char in chars:
        if char.text.isspace():
            if word:
                words.append("".join(word))
                word = []
            previous = None
            continue
        if previous is not None and char.x0 > previous.x1 + WORD_GAP and word:
            words.append("".join(word))
            word = []
        word.append(char.text)
        previous = char
    if word:
        words.append("".join(word))
    return " ".join(words)


def text_lines(chars: Iterable[Char]) -> list[Line]:
    """The lines the characters form, top to bottom; lines of only spaces are left out."""
    ordered = sorted(chars, key=lambda char: char.baseline)
    groups: list[list[Char]] = []
    last = None
    for char in ordered:
        if last is None or char.baseline - last > LINE_TOLERANCE:
            groups.append([])
        groups[-1].append(char)
        last = char.baseline
    lines = []
    for group in groups:
        group.sort(key=lambda char: char.x0)
        text = _line_text(group)
        if text:
            printed = [char for char in group if not char.text.isspace()]
            lines.append(
                Line(
                    text,
                    min(char.top for char in printed),
                    max(char.bottom for char in printed),
                    printed[0].x0,
                    max(char.x1 for char in printed),
                    _first_word_width(printed),
                )
            )
    return lines
