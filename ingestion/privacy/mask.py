"""Mask personal data in a ``Document`` with placeholders of the same length.

Every character of a piece of personal data becomes ``MASK`` (＊, U+FF0A), so the masked text
has exactly the original's length: every block, cell and evidence offset holds in both, and a
snippet outside a masked piece reads the same in the archived original.

A name found once (after 填表人：, or by the tagger in a petition sentence) is masked wherever
else the document repeats it, when it is three or more characters (a two-character name is
too likely to be part of other words to be chased through the whole text).
"""

from __future__ import annotations

from ingestion.documents.model import Document
from ingestion.documents.same_length import rewritten_document
from ingestion.privacy.names import names_in_context
from ingestion.privacy.patterns import Found, shaped_personal_data

MASK = "＊"
_CHASED_NAME_LENGTH = 3


def find_personal_data(text: str) -> list[Found]:
    """Every piece of personal data in ``text``, sorted by position (pieces may overlap)."""
    # Imported here: ingestion.parsing imports this module to mask before it extracts.
    from ingestion.parsing.script import is_traditional, to_simplified
    from ingestion.parsing.text import fold

    readable = to_simplified(text) if is_traditional(text) else text
    found = shaped_personal_data(readable, fold(readable))
    found += names_in_context(readable)
    for name in {readable[f.start : f.end] for f in found if f.kind == "name"}:
        if len(name) >= _CHASED_NAME_LENGTH:
            found += _occurrences(readable, name)
    return sorted(set(found), key=lambda f: (f.start, f.end))


def _occurrences(text: str, name: str) -> list[Found]:
    found, at = [], text.find(name)
    while at >= 0:
        found.append(Found(at, at + len(name), "name"))
        at = text.find(name, at + len(name))
    return found


def mask_text(text: str, found: list[Found] | None = None) -> str:
    """``text`` with every piece of personal data (``found``, else found here) masked, same length."""
    pieces = find_personal_data(text) if found is None else found
    if not pieces:
        return text
    # Rebuilt from slices between the pieces (which may overlap): a list of every character of
    # a long report costs more than all of its masking.
    kept: list[str] = []
    at = 0  # the end of the text already taken
    for piece in sorted(pieces, key=lambda piece: piece.start):
        start = max(piece.start, at)
        if piece.end > start:
            kept += (text[at:start], MASK * (piece.end - start))
            at = piece.end
    kept.append(text[at:])
    return "".join(kept)


def mask_document(document: Document) -> Document:
    """``document`` itself when it holds no personal data, else a copy with it masked (text,
    blocks, cells and portal metadata), every offset unchanged."""
    found = find_personal_data(document.text)
    if not found and all(mask_text(value) == value for value in document.metadata.values()):
        return document
    return rewritten_document(document, mask_text(document.text, found), mask_text)
