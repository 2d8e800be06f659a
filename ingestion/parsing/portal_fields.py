"""The values of a portal block worth keeping: who published the page (发布机构, 所属机构, 来源 ...),
the report's name (名称/标题/信息名称), and the breadcrumb's items (首页 > 某县某局 > 正文).

A line may hold several fields (``来源:某局 发布时间:2024-01-01 16:58``), a pipe row
(``索引号: | x | 主题分类: | y |``), a bulleted field (``• 发布机构 某局``), or a label whose value
is the next line; ``preamble.portal_lines`` says which lines are portal furniture.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph, Table
from ingestion.parsing.preamble import (
    BRACKETED_FIELD,
    BREADCRUMB_HINTS,
    BULLET,
    BULLET_FIELD,
    FIELD,
    LABELS,
    byline_office,
    is_portal_line,
    label_key,
)

# The key under which a byline's opening office is kept (no portal writes it as a label).
BYLINE_OFFICE = "署名"
# A label where a field starts: at the line's start or after a space, pipe or bracket.
_LABEL_AT = re.compile(rf"(?:^|(?<=[\s|\[【\]】]))[\[【]?\s*(?P<label>{LABELS})\s*[\]】]?\s*[:：|]")
# A line of fields without separators (索 引 号 x 主题分类 y, [ 发布机构 ] 某局): a label is
# closed by its bracket or by the space after it.
_SPACED_AT = re.compile(rf"(?:^|(?<=\s))(?:[-*•·]\s*)?[\[【]?\s*(?P<label>{LABELS})\s*[\]】]?(?=\s|$)")
# A label the portal adds that names nothing worth keeping (浏览:, 点击:) ends the value before it.
_OTHER_LABEL = re.compile(r"\s+[\u4e00-\u9fff]{1,6}\s*[:：].*$")


def _table_fields(table: Table) -> list[tuple[str, str]]:
    return [pair for row in table.rows for pair in _line_fields(" | ".join(c.text for c in row))[0]]


def _bullet_field(text: str) -> tuple[str, str] | None:
    """``• 发布机构 某县某局`` -> (发布机构, 某县某局)."""
    if not BULLET_FIELD.match(text):
        return None
    label, _, value = BULLET.sub("", text).strip().partition(" ")
    key = label_key(label)
    return (key, value.strip()) if key else None


def _line_fields(text: str) -> tuple[list[tuple[str, str]], str | None]:
    """The (label, value) pairs of one portal line (``来源:某局 发布时间:2024-01-01 16:58``,
    ``索引号: | x | 主题分类: | y |``), and the label left without a value at its end."""
    found = list(_LABEL_AT.finditer(text))
    if not found and (BRACKETED_FIELD.match(text) or is_portal_line(text)):
        found = list(_SPACED_AT.finditer(text))
    pairs: list[tuple[str, str]] = []
    for match, following in zip(found, [*found[1:], None], strict=False):
        end = following.start() if following is not None else len(text)
        value = _OTHER_LABEL.sub("", text[match.end() : end]).strip(" \t\u3000|")
        key = re.sub(r"\s", "", match.group("label"))
        if value:
            pairs.append((key, value))
        elif following is None:
            return pairs, key
    return pairs, None


def portal_fields(document: Document, skip: set[int]) -> dict[str, str]:
    """``{label: value}`` of the portal block (labels without spaces: 发布机构, 名称 ...)."""
    fields: dict[str, str] = {}
    pending: str | None = None
    for index in sorted(skip):
        block = document.blocks[index]
        if not isinstance(block, Paragraph):
            for key, value in _table_fields(block):
                fields.setdefault(key, value)
            continue
        bullet = _bullet_field(block.text)
        pairs, trailing = _line_fields(block.text)
        # A line of fields of its own (关键词 发布机构 某局) is no value of the label before it
        # (索引号 x 发文字号: a label the portal left empty).
        if (
            pending is not None
            and not pairs
            and label_key(block.text) is None
            and not FIELD.match(block.text)
            and not BRACKETED_FIELD.match(block.text)
            and not bullet
        ):
            fields.setdefault(pending, BULLET.sub("", block.text).strip())
            pending = None
            continue
        if bullet is not None:
            fields.setdefault(*bullet)
            continue
        for key, value in pairs:
            fields.setdefault(key, value)
        # 某省某厅 时间:…: the office a byline opens with, the page's publisher.
        if office := byline_office(block.text):
            fields.setdefault(BYLINE_OFFICE, office)
        pending = trailing or label_key(block.text)
    return fields


_CRUMB_SEPARATOR = re.compile(r"\s*(?:[>＞»]+|/)\s*")
_NOT_A_CRUMB_UNIT = re.compile(r"首页|信息公开|政务公开|公开|正文|通知公告|专栏|频道|网站|门户")


def breadcrumb_items(document: Document, skip: set[int]) -> list[str]:
    """The items of the portal's breadcrumb lines (首页 > 部门信息公开 > 某县某局 > 正文), in order."""
    items: list[str] = []
    for index in sorted(skip):
        block = document.blocks[index]
        if isinstance(block, Paragraph) and any(hint in block.text for hint in BREADCRUMB_HINTS):
            parts = _CRUMB_SEPARATOR.split(block.text.split("：")[-1].split(":")[-1])
            items.extend(p.strip() for p in parts if p.strip() and not _NOT_A_CRUMB_UNIT.search(p))
    return items
