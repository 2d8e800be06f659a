"""Portal page furniture before a report: 索引号/发布机构/发布日期 blocks and breadcrumbs.

These lines carry dates and codes that are not the report's own facts (a 2024 发布日期 is not
the fiscal year; an 索引号 is not an amount), so extractors skip them.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph

_FIELD = re.compile(
    r"^\s*(索\s*引\s*号|发布机构|发文机关|发布日期|发布时间|成文日期|生成日期|公开日期|主题分类|"
    r"信息来源|来源|浏览次数|点击数|访问量|字号|文号|有效性|公开方式|公开范围|作者|责任编辑|分享到|打印|关闭)"
    r"\s*[：:]?"
)
_BREADCRUMB = re.compile(r"(当前位置|您的位置|首页)\s*[：:>＞»/]|[>＞»]\s*[\u4e00-\u9fff]{2,8}\s*[>＞»]")
# Portal furniture only occurs before the report proper.
_SCAN_LIMIT = 40


def is_portal_line(text: str) -> bool:
    return bool(_FIELD.match(text) or _BREADCRUMB.search(text))


def portal_lines(document: Document) -> set[int]:
    """Block indexes of portal furniture near the top of the document."""
    found: set[int] = set()
    for index, block in enumerate(document.blocks[:_SCAN_LIMIT]):
        if isinstance(block, Paragraph) and is_portal_line(block.text):
            found.add(index)
    return found


def without_portal_lines(document: Document, skip: set[int] | None = None) -> str:
    """``Document.text`` with portal furniture blanked out (same length, offsets unchanged)."""
    text = document.text
    for index in sorted(portal_lines(document) if skip is None else skip):
        block = document.blocks[index]
        text = text[: block.start] + " " * (block.end - block.start) + text[block.end :]
    return text
