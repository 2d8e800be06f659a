"""Page furniture of a PDF: running headers, footers and page numbers, which are not the report.

A running header or footer is a short line at the top (header) or bottom (footer) edge of most
pages, the same on each but for its digits ("某某局2021年度部门决算 第3页"). Page numbers ("- 3 -",
"第 3 页 共 9 页") go wherever they stand at an edge. Only lines at a page's edges are ever
dropped, so the same words inside the body (a unit's name in the signature) stay; and a line
counts only at the edge it repeats at: a short paragraph ("无。") that happens to end one page
and start the next is not a header.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from ingestion.documents.pdf_text import is_page_number

Item = TypeVar("Item")

# How many lines at each edge of a page may be furniture, and how long a furniture line may be.
_EDGE_LINES = 2
_MAX_FURNITURE_CHARS = 40
_DIGITS = re.compile(r"\d+")


def _key(text: str) -> str:
    return _DIGITS.sub("#", "".join(text.split()))


def _edge_texts(texts: list[str | None]) -> set[tuple[str, str]]:
    """(edge, key) of the short lines among the first and last lines of a page (tables end the edge)."""
    edges: set[tuple[str, str]] = set()
    for edge, ordered in (("top", texts), ("bottom", texts[::-1])):
        for text in ordered[:_EDGE_LINES]:
            if text is None:
                break
            if len(_key(text)) <= _MAX_FURNITURE_CHARS:
                edges.add((edge, _key(text)))
    return edges


def _repeated_keys(pages: list[list[str | None]]) -> set[tuple[str, str]]:
    counts = Counter(key for texts in pages for key in _edge_texts(texts))
    return {key for key, count in counts.items() if count >= 2 and 2 * count > len(pages)}


def _strip_edges(items: list[Item], texts: list[str | None], furniture: set[tuple[str, str]]) -> list[Item]:
    def is_furniture(text: str | None, edge: str) -> bool:
        return text is not None and (is_page_number(text) or (edge, _key(text)) in furniture)

    start, end = 0, len(items)
    while start < end and start < _EDGE_LINES and is_furniture(texts[start], "top"):
        start += 1
    while end > start and len(items) - end < _EDGE_LINES and is_furniture(texts[end - 1], "bottom"):
        end -= 1
    return items[start:end]


def strip_page_furniture(pages: list[list[Item]], text_of: Callable[[Item], str | None]) -> list[list[Item]]:
    """``pages`` (items in reading order per page) without headers, footers and page numbers.

    ``text_of`` gives a line item's text, or None for an item that is not a line (a table).
    """
    page_texts = [[text_of(item) for item in items] for items in pages]
    furniture = _repeated_keys(page_texts)
    return [_strip_edges(items, texts, furniture) for items, texts in zip(pages, page_texts, strict=True)]
