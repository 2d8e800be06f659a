"""Tell a portal's listing page (an index of articles) from an article page that holds a report.

A listing page is links and dates: each item is a title linking to an article, a date beside
it, and a pager below. Once the page furniture is gone, an article page is mostly its own text,
with at most a few links (attachments, related articles); a listing has next to no text that
is not a link or a date.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ingestion import errors

_MIN_LISTING_LINKS = 3
# Characters of text outside links and dates that an index page may still carry (a pager,
# "共1页", a column title); a report has far more.
_MAX_LISTING_PROSE_CHARS = 200
_DATE = re.compile(r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?")
_SPACE = re.compile(r"[\s\u00a0\u3000]+")


def _visible(text: str) -> str:
    return _SPACE.sub("", text)


def reject_listing_page(article: LexborNode, name: str) -> None:
    """Raise ``not_a_report`` when ``article`` (the page's content, furniture removed) is a listing."""
    links = [text for text in (_visible(a.text()) for a in article.css("a")) if text]
    if len(links) < _MIN_LISTING_LINKS:
        return
    link_chars = sum(len(text) for text in links)
    prose_chars = len(_DATE.sub("", _visible(article.text()))) - link_chars
    if prose_chars < _MAX_LISTING_PROSE_CHARS and link_chars > prose_chars:
        raise errors.DocumentRejected(
            errors.NOT_A_REPORT, f"{name}: a listing page: {len(links)} links, no report text"
        )
