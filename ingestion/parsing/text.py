"""Text helpers every extractor shares: folding, clause splitting and prose passages.

``fold`` maps full-width digits, letters, ``．`` and ``％`` to ASCII one character for one, so
a match in folded text has the same offsets in ``Document.text`` (evidence stays valid).

``passages`` is the prose as extractors should read it, built once per document: lines that a
PDF-to-text export broke mid-sentence are joined again, and layout spaces are dropped where
they touch Chinese (``28 个``, ``绩 效``) or split a thousands-grouped number (``2 846.27``). Each
passage keeps a map back to ``Document.text``, so a match still cites the exact snippet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ingestion.documents.model import Paragraph

_FULL_WIDTH = "０１２３４５６７８９．％－＋" + "".join(chr(c) for c in range(0xFF21, 0xFF3B))
_FULL_WIDTH += "".join(chr(c) for c in range(0xFF41, 0xFF5B))
_HALF_WIDTH = "0123456789.%-+" + "".join(chr(c) for c in range(0x41, 0x5B))
_HALF_WIDTH += "".join(chr(c) for c in range(0x61, 0x7B))
_FOLDED_CHAR = dict(zip(_FULL_WIDTH, _HALF_WIDTH, strict=True))
_NEEDS_FOLD = re.compile(f"[{re.escape(_FULL_WIDTH)}]")
# Enclosed list numerals: circled ①, parenthesised ⑴, with a full stop ⒈, negative circled ⓫,
# dingbats ❶ ➀ ➊. One class for every extractor that reads list numbering.
ENCLOSED_NUMERAL = "\u2460-\u249b\u24ea-\u24ff\u2776-\u2793"
# An ASCII comma inside a thousands-grouped number (23,866.88) does not end a clause.
_CLAUSE_BREAK = re.compile(r"[，；;。：:！!？?\n]|,(?!(?<=\d,)\d{3}(?!\d))")
_SENTENCE_BREAK = re.compile(r"[。；;！!？?]")

# Layout spaces: beside a Chinese character, or inside a thousands-grouped number. Both open with
# a plain character class so the regex engine jumps between candidates (a leading lookbehind makes
# it try every position); the lookbehind then looks past the character just consumed.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACE_BESIDE_CJK = re.compile(rf"[ \t\u3000](?:(?<=[{_CJK}].)[ \t\u3000]*|[ \t\u3000]*(?=[{_CJK}]))")
_THOUSANDS_SPACED = re.compile(r"\d(?<![\d.,].)\d{0,2}(?: \d{3})+(?!\d)")
# A wrapped line runs to the margin; short lines end paragraphs (titles, headings, last lines).
_MIN_WRAPPED_LINE = 18
# A numbered line this short without a clause mark is a heading: what follows is not its rest.
_MAX_HEADING = 32
_PROSE_MARK = re.compile(r"[，,；;。]")
_LINE_END = tuple("。；;：:！!？?")
_NEXT_STARTS_ITEM = re.compile(
    r"\s*(?:第[一二三四五六七八九十]+[部分章节条]|[一二三四五六七八九十]{1,3}[、.．]|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:[、．]|\.(?!\d))|"
    rf"[{ENCLOSED_NUMERAL}]|[\t|])"
)


# Masking, the form fields, the fiscal year and the amounts each fold the whole report: the last
# long text folded is kept with its fold and given back when that same string object comes again
# (a report is folded six or seven times; short lines are cheaper to fold than to look up).
_MEMO_MIN_LENGTH = 500
_last_long_fold: tuple[str, str] = ("", "")


def fold(text: str) -> str:
    """Full-width digits/letters/``．％`` -> ASCII; the result has exactly ``len(text)``."""
    global _last_long_fold
    if len(text) < _MEMO_MIN_LENGTH:
        return _fold(text)
    source, folded = _last_long_fold
    if text is not source:
        folded = _fold(text)
        _last_long_fold = (text, folded)  # one assignment: a thread sees the old pair or the new
    return folded


def _fold(text: str) -> str:
    # str.translate looks every character up in a dict (0.3 ms for a 13 KB report); a report has
    # a handful of full-width characters at most, so replacing just the matches is ten times faster.
    if _NEEDS_FOLD.search(text) is None:
        return text
    return _NEEDS_FOLD.sub(_folded_char, text)


def _folded_char(match: re.Match[str]) -> str:
    return _FOLDED_CHAR[match.group()]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the document text and where it sits in ``Document.text``."""

    text: str
    start: int
    end: int


def clauses(text: str, offset: int = 0, containing: str = "", or_containing: str = "") -> Iterator[Span]:
    """Pieces of ``text`` between Chinese/ASCII clause punctuation, with absolute offsets;
    only those holding ``containing`` (or ``or_containing``) when it is given (the rest cost no
    ``Span``)."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        end = match.start()
        if end > start and _holds(text, start, end, containing, or_containing):
            yield Span(text[start:end], offset + start, offset + end)
        start = match.end()
    if start < len(text) and _holds(text, start, len(text), containing, or_containing):
        yield Span(text[start:], offset + start, offset + len(text))


def _holds(text: str, start: int, end: int, containing: str, or_containing: str) -> bool:
    return text.find(containing, start, end) >= 0 or (
        bool(or_containing) and text.find(or_containing, start, end) >= 0
    )


def sentences(text: str, offset: int = 0) -> Iterator[Span]:
    """Pieces of ``text`` ending at 。；! ? (kept), with absolute offsets."""
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        yield Span(text[start : match.end()], offset + start, offset + match.end())
        start = match.end()
    if text[start:].strip():
        yield Span(text[start:], offset + start, offset + len(text))


@dataclass(frozen=True, slots=True)
class Passage:
    """Folded, re-joined prose; ``breaks`` map positions in ``text`` to ``Document.text``:
    ``text[breaks[i][0]:]`` starts at document offset ``breaks[i][1]`` (up to the next break)."""

    text: str
    breaks: tuple[tuple[int, int], ...]

    def offset(self, position: int) -> int:
        index = bisect_right(self.breaks, (position, float("inf"))) - 1
        at, doc = self.breaks[max(index, 0)]
        return doc + position - at

    def span(self, start: int, end: int, document_text: str) -> Span:
        """The document snippet behind ``text[start:end]`` (it may contain dropped spaces)."""
        first = self.offset(start)
        last = self.offset(end - 1) + 1 if end > start else first
        return Span(document_text[first:last], first, last)


def _tidy(folded: str, doc_start: int, out: list[str], breaks: list[tuple[int, int]], at: int) -> int:
    """Append the (folded) line without layout spaces; returns the new length of the passage."""
    if " " not in folded and "\t" not in folded and "\u3000" not in folded:
        breaks.append((at, doc_start))
        out.append(folded)
        return at + len(folded)
    gaps = [(m.start(), m.end()) for m in _SPACE_BESIDE_CJK.finditer(folded)]
    if " " in folded:
        for number in _THOUSANDS_SPACED.finditer(folded):
            gaps.extend((i, i + 1) for i in range(number.start(), number.end()) if folded[i] == " ")
        gaps.sort()
    kept = 0
    for start, end in gaps:
        if start > kept:
            breaks.append((at, doc_start + kept))
            out.append(folded[kept:start])
            at += start - kept
        kept = max(kept, end)
    if kept < len(folded):
        breaks.append((at, doc_start + kept))
        out.append(folded[kept:])
        at += len(folded) - kept
    return at


_MAX_CELL_GAP = 4
# A label cell on a line of its own (其中：人员经费) and its figure on the next (300.5万元): one clause.
_LABEL_LINE = re.compile(r"^\s*(?:其中[:：]?)?[\u4e00-\u9fff（）()]{2,16}[:：]?$")
_FIGURE_LINE = re.compile(r"^\s*-?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|亿元)")


def _continues(previous: Paragraph, following: Paragraph) -> bool:
    """``following`` is the rest of a sentence a layout broke after ``previous``, or the figure of
    the label cell ``previous`` is."""
    text = previous.text.rstrip()
    if _FIGURE_LINE.match(following.text) and _LABEL_LINE.match(text):
        return following.start - previous.end <= _MAX_CELL_GAP
    # The cheap tests first: most lines end a sentence or stand apart, and then no regex runs.
    if (
        following.start - previous.end > 1
        or len(text) < _MIN_WRAPPED_LINE
        or text.endswith(_LINE_END)
        or "|" in text  # a table row, not a sentence the layout wrapped
    ):
        return False
    heading = (
        _NEXT_STARTS_ITEM.match(text) is not None
        and len(text) <= _MAX_HEADING
        and not _PROSE_MARK.search(text)
    )
    return not heading and _NEXT_STARTS_ITEM.match(following.text) is None


def passages(paragraphs: Sequence[Paragraph], folded_text: str) -> list[Passage]:
    """The prose of ``paragraphs`` (in document order) as passages, wrapped lines joined;
    ``folded_text`` is ``fold(Document.text)``, folded once for every extractor."""
    found: list[Passage] = []
    out: list[str] = []
    breaks: list[tuple[int, int]] = []
    at = 0
    for index, paragraph in enumerate(paragraphs):
        if out and not _continues(paragraphs[index - 1], paragraph):
            found.append(Passage("".join(out), tuple(breaks)))
            out, breaks, at = [], [], 0
        text = folded_text[paragraph.start : paragraph.end]
        lead = len(text) - len(text.lstrip()) if out else 0
        at = _tidy(text[lead:], paragraph.start + lead, out, breaks, at)
    if out:
        found.append(Passage("".join(out), tuple(breaks)))
    return found
