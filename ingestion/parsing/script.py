"""Traditional-script reports read as simplified, offsets unchanged.

Some portals mirror their pages in traditional script (萬元, 決算, 實有人數); every extractor's
labels are simplified, so such a document is converted before parsing. The conversion uses
zhconv's dictionary (MediaWiki's zh-hans table), whose entries all map a string to one of the
same length, so every offset in the converted document points at the same character of the
original: evidence found in the converted text is cited with the original's characters.

A document is converted only when it is detectably traditional: among its first characters, or
from where traditional script first shows (a mirror's simplified portal header above a traditional
report), more distinct characters are traditional-only than simplified-only. A simplified report is
not touched.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import zhconv
from zhconv import zhconv as zhconv_tables

from ingestion.documents.model import Document
from ingestion.documents.same_length import rewritten_document
from ingestion.parsing.evidence import Evidence

# The title and the first sections decide: a report does not switch script half-way.
_SAMPLE = 3000
_FIRST_LOOK = 300
_CLEARLY_SIMPLIFIED = 5
# A few traditional-only characters in a simplified page (a 繁體 link) do not make it traditional.
_MIN_TRADITIONAL = 3
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


@cache
def _only_in(script: str) -> frozenset[str]:
    """The characters only ``script`` ("TRADONLY"/"SIMPONLY") uses, from zhconv's dictionary."""
    zhconv_tables.loaddict()
    return frozenset(zhconv_tables.zhcdicts[script])


@cache
def _bmp_only_in(script: str) -> re.Pattern[str]:
    """One character class of ``_only_in(script)`` within the BMP: the regex engine tests a
    character against a compact bitmap, where a set lookup per character misses the CPU cache
    in a busy parse (characters beyond the BMP would turn it into a slow list of ranges)."""
    bmp = "".join(sorted(character for character in _only_in(script) if ord(character) <= 0xFFFF))
    return re.compile(f"[{re.escape(bmp)}]")


def _clearly_simplified(start: str) -> bool:
    """No traditional-only character and at least _CLEARLY_SIMPLIFIED distinct simplified-only ones."""
    if _BEYOND_BMP.search(start):
        traditional, simplified = _script_counts(start)
        return traditional == 0 and simplified >= _CLEARLY_SIMPLIFIED
    if _bmp_only_in("TRADONLY").search(start):
        return False
    seen: set[str] = set()
    for found in _bmp_only_in("SIMPONLY").finditer(start):
        seen.add(found.group())
        if len(seen) >= _CLEARLY_SIMPLIFIED:
            return True  # the rest of the start cannot change the verdict
    return False


def _script_counts(sample: str) -> tuple[int, int]:
    characters = set(sample)
    return len(characters & _only_in("TRADONLY")), len(characters & _only_in("SIMPONLY"))


def is_traditional(text: str) -> bool:
    """More distinct traditional-only than simplified-only characters near the start (and at
    least a few), or from where traditional script first shows: a mirror may wrap a traditional
    report in a simplified portal's header. A simplified report shows itself in its first lines
    (set() of a few hundred characters) and holds no traditional-only character after them."""
    if not _clearly_simplified(text[:_FIRST_LOOK]):
        traditional, simplified = _script_counts(text[:_SAMPLE])
        if traditional >= _MIN_TRADITIONAL and traditional > simplified:
            return True
    first = _bmp_only_in("TRADONLY").search(text)
    if first is None or _clearly_simplified(text[first.start() + 1 : first.start() + 1 + _FIRST_LOOK]):
        return False
    traditional, simplified = _script_counts(text[first.start() : first.start() + _SAMPLE])
    return traditional >= _MIN_TRADITIONAL and traditional > simplified


def to_simplified(text: str) -> str:
    """``text`` in simplified script, one character for one (raises if the table ever broke that)."""
    converted: str = zhconv.convert(text, "zh-hans")
    if len(converted) != len(text):
        raise ValueError("script conversion changed the text's length; offsets would no longer hold")
    return converted


def simplified_document(document: Document) -> Document:
    """``document`` itself when it is not traditional, else a copy in simplified script with the
    same offsets (blocks, cells and portal metadata converted too)."""
    if not is_traditional(document.text):
        return document
    return rewritten_document(document, to_simplified(document.text), to_simplified)


def cite_original(evidence: Evidence, converted_text: str, original_text: str) -> None:
    """Evidence found in a converted document, re-cited with the original's characters (only
    snippets that are the converted text at their offsets: the same offsets hold in the original)."""
    if converted_text is original_text:
        return
    for cited in evidence.values():
        start, end = cited.get("start"), cited.get("end")
        if isinstance(start, int) and isinstance(end, int) and converted_text[start:end] == cited["text"]:
            cited["text"] = original_text[start:end]


def names_as_written(
    projects: list[dict[str, Any]], evidence: Evidence, converted_text: str, original_text: str
) -> None:
    """A project's name read in a converted document, given back in the original's characters: a
    name is the document's own (園區…項目 stays so), the conversion only let the patterns read it.
    Only a name stated once, as it is, where it is cited (``evidence`` still at the converted
    text's offsets) is given back; a name shortened or rebuilt stays as read."""
    if converted_text is original_text:
        return
    for index, project in enumerate(projects):
        cited = evidence.get(f"/projects/{index}/name")
        name = project.get("name")
        if cited is None or not isinstance(name, str) or not name:
            continue
        start, end = cited.get("start"), cited.get("end")
        if (
            not isinstance(start, int)
            or not isinstance(end, int)
            or converted_text[start:end] != cited["text"]
        ):
            continue
        text = cited["text"]
        if isinstance(text, str) and text.count(name) == 1:
            at = start + text.find(name)
            project["name"] = original_text[at : at + len(name)]
