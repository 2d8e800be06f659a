"""Where a portal page's article is: the page chrome removed, the content container found.

Navigation, header, footer, breadcrumb, share bars and scripts go; the article is the first known
content container (``#zoom``, ``.TRS_Editor`` ...) that holds real text, else the whole body.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_DROPPED_TAGS = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "iframe",
    "button",
    "select",
    "template",
    "svg",
    "object",
]
_BOILERPLATE = re.compile(
    r"breadcrumb|crumb|footer|\bnav|menu|share|position|location|dqwz|toolbar|sidebar|banner|"
    r"copyright|pager|print|font-?size",
    re.IGNORECASE,
)
# Exact class/id tokens for page chrome; "article-header" and the like stay.
_CHROME_TOKENS = {"header", "head", "top", "topbar", "foot", "bottom", "logo", "search"}
_ARTICLE_SELECTORS = (
    "#zoom",
    ".TRS_Editor",
    "#UCAP-CONTENT",
    ".article-content",
    ".article_content",
    "#article",
    "article",
    ".zw",
    "#zw",
    ".detail",
    "#content",
    ".content",
    "main",
)
_MIN_ARTICLE_CHARS = 50


def remove_page_chrome(tree: LexborHTMLParser) -> None:
    """Drop scripts, navigation, headers, footers, share bars and the like from ``tree``."""
    tree.strip_tags(_DROPPED_TAGS, recursive=True)
    matched = [
        node
        for node in tree.css("[class], [id]")
        if node.tag not in {"html", "body"} and _is_boilerplate(node)
    ]
    matched_ids = {node.mem_id for node in matched}
    # Decide every removal while the tree is whole: decomposing a node frees its descendants.
    outermost = [node for node in matched if not _has_ancestor_in(node, matched_ids)]
    for node in outermost:
        node.decompose()


def _is_boilerplate(node: LexborNode) -> bool:
    tokens = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower().split()
    return any(token in _CHROME_TOKENS or _BOILERPLATE.search(token) for token in tokens)


def _has_ancestor_in(node: LexborNode, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def find_article(tree: LexborHTMLParser) -> LexborNode | None:
    """The first known content container that holds real text, else the whole body."""
    for selector in _ARTICLE_SELECTORS:
        matches = tree.css(selector)
        best = max(matches, key=lambda node: len(node.text(strip=True)), default=None)
        if best is not None and len(best.text(strip=True)) >= _MIN_ARTICLE_CHARS:
            return best
    return tree.body or tree.root
