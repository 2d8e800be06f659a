"""Pinyin readings some mirror sites inject after characters (項(xiàng)目, 水務(wù)局), read without them.

Such a mirror copies a report in traditional script and writes a character's reading in brackets
after many of its characters, which splits every word the extractors look for (项目, 绩效, 万元).
A document with at least a few such readings is read with them removed: a copy whose text, blocks,
cells and metadata lack them. The copy's offsets differ from the document's, so evidence found in
it is cited back at the document's own offsets and characters (``cite_document``). A reading is a
bracketed run of lower-case pinyin holding a tone-marked vowel, right after a Chinese character:
ordinary brackets (a unit's (本级), a year (2023年度), an English word) never qualify.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ingestion.documents.model import Block, Document, Paragraph, Table
from ingestion.parsing.evidence import Evidence

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READING = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}\)")
_TONED_VOWEL = re.compile(f"[{_TONED}]")
# A stray bracket is no injection: only a document with several readings is rewritten.
_MIN_READINGS = 3


@dataclass(frozen=True, slots=True)
class Removed:
    """The readings cut: their (start, end) in the document, where each cut sits in the copy, and
    how many characters were cut up to and including each."""

    cuts: tuple[tuple[int, int], ...]
    at: tuple[int, ...]
    before: tuple[int, ...]

    def new(self, old: int) -> int:
        """The copy's offset for the document's offset ``old`` (inside a cut: the cut's place)."""
        i = bisect_right(self.cuts, (old, old))
        if i == 0:
            return old
        start, end = self.cuts[i - 1]
        earlier = self.before[i - 2] if i >= 2 else 0
        return old - earlier - (min(end, old) - start)

    def old_start(self, new: int) -> int:
        """A span starting at ``new`` in the copy starts after the readings cut just before it."""
        i = bisect_right(self.at, new)
        return new + (self.before[i - 1] if i else 0)

    def old_end(self, new: int) -> int:
        """A span ending at ``new`` in the copy ends before a reading cut right there."""
        i = bisect_left(self.at, new)
        return new + (self.before[i - 1] if i else 0)


def without_readings(document: Document) -> tuple[Document, Removed | None]:
    """``document`` itself when it has no injected readings, else a copy without them and where
    they were cut."""
    if _TONED_VOWEL.search(document.text) is None:  # a plain scan first: most reports have none
        return document, None
    cuts = [m.span() for m in _READING.finditer(document.text)]
    if len(cuts) < _MIN_READINGS:
        return document, None
    pieces, at, before, last, total = [], [], [], 0, 0
    for start, end in cuts:
        pieces.append(document.text[last:start])
        at.append(start - total)
        total += end - start
        before.append(total)
        last = end
    pieces.append(document.text[last:])
    removed = Removed(tuple(cuts), tuple(at), tuple(before))
    text = "".join(pieces)

    def moved(piece: str, start: int, end: int) -> tuple[str, int, int]:
        new_start, new_end = removed.new(start), removed.new(end)
        if document.text[start:end] == piece:
            return text[new_start:new_end], new_start, new_end
        return _READING.sub("", piece), new_start, new_end

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            piece, start, end = moved(b.text, b.start, b.end)
            return replace(b, text=piece, start=start, end=end)
        rows = tuple(
            tuple(
                replace(cell, text=piece, start=start, end=end)
                for cell in row
                for piece, start, end in (moved(cell.text, cell.start, cell.end),)
            )
            for row in b.rows
        )
        return Table(rows, removed.new(b.start), removed.new(b.end))

    copy = Document(
        text=text,
        blocks=[block(b) for b in document.blocks],
        format=document.format,
        encoding=document.encoding,
        metadata={key: _READING.sub("", value) for key, value in document.metadata.items()},
    )
    return copy, removed


def cite_document(evidence: Evidence, removed: Removed | None, document_text: str) -> None:
    """Evidence found in the copy without readings, re-cited at ``document_text``'s offsets."""
    if removed is None:
        return
    for cited in evidence.values():
        start, end = cited.get("start"), cited.get("end")
        if isinstance(start, int) and isinstance(end, int):
            old_start, old_end = removed.old_start(start), removed.old_end(end)
            cited.update(start=old_start, end=old_end, text=document_text[old_start:old_end])
