"""Joining text fragments that a layout split apart (cell paragraphs, PDF lines).

Chinese has no spaces between words, so fragments join with nothing; only where both sides
are Latin letters or digits would that glue two words together ("Total" + "2021").
"""

from __future__ import annotations


def _is_ascii_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def join_fragments(fragments: list[str]) -> str:
    """One line from fragments, each stripped; a space only between two ASCII word characters."""
    joined = ""
    for fragment in (f.strip() for f in fragments):
        if not fragment:
            continue
        if joined and _is_ascii_word_char(joined[-1]) and _is_ascii_word_char(fragment[0]):
            joined += " "
        joined += fragment
    return joined
