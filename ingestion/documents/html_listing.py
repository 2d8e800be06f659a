"""Measure how much of a web page's content is links, for telling a portal's listing page (an
index of articles) from an article page that holds a report.

A listing page is links and dates: each item is a title linking to an article, a date beside
it, and a pager below. The decision is ``parsing.report_check``'s, with every other "not a
report" rule; the reader only counts.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ingestion.documents.model import PageLinks

_DATE = re.compile(r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?")
_SPACE = re.compile(r"[\s\u00a0\u3000]+")


def _visible(text: str) -> str:
    return _SPACE.sub("", text)


def page_links(article: LexborNode) -> PageLinks:
    """Links and characters of ``article`` (the page's content, furniture removed)."""
    links = [text for text in (_visible(a.text()) for a in article.css("a")) if text]
    link_chars = sum(len(text) for text in links)
    prose_chars = len(_DATE.sub("", _visible(article.text()))) - link_chars
    return PageLinks(links=len(links), link_chars=link_chars, prose_chars=prose_chars)
