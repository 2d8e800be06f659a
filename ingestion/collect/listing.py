"""Links on a portal page: absolute URL, link text, and the date printed beside it, if any.

Listing pages usually put the publication date next to each link
(``<li><a href="...">title</a><span>2023-05-12</span></li>``); the date is looked for in the
link's parent element, outside the link text (a title such as "2022年5月..." is not a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

MAX_LINKS_PER_PAGE = 5000
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    published_date: date | None


def extract_links(html: bytes, base_url: str) -> list[Link]:
    """The http(s) links of ``html`` in page order, resolved against ``base_url``."""
    tree = LexborHTMLParser(html, encoding=True)  # detects GBK/GB2312 pages by their meta charset
    links: list[Link] = []
    for anchor in tree.css("a[href]")[:MAX_LINKS_PER_PAGE]:
        href = (anchor.attributes.get("href") or "").strip()
        url = urldefrag(urljoin(base_url, href)).url
        if urlsplit(url).scheme not in {"http", "https"}:
            continue  # javascript:, mailto:, tel:
        text = " ".join(anchor.text(strip=False).split()) or (anchor.attributes.get("title") or "").strip()
        parent_text = anchor.parent.text(strip=False) if anchor.parent is not None else ""
        links.append(Link(url=url, text=text, published_date=_date_in(parent_text.replace(text, " "))))
    return links


def _date_in(text: str) -> date | None:
    for match in _DATE.finditer(text):
        year, month, day = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None
