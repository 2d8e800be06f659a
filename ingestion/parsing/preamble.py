"""Portal page furniture before a report: 索引号/发布机构/发布日期 blocks and breadcrumbs.

These lines carry dates and codes that are not the report's own facts (a 2024 发布日期 is not
the fiscal year; an 索引号 is not an amount), so extractors skip them. Portals lay the block out
in several ways, all recognised: ``索引号：x``, ``- 索引号: x`` (a list), ``[ 索引号 ] | x |`` and
``索引号: | x | 主题分类: | y |`` (pipe rows), and a label alone on its line with the value on
the next (``索引号:`` / ``czj33/2024-00195``). ``portal_fields`` reads the values worth keeping
(发布机构, a 名称/标题 that is the report's title).
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph

# Labels that open a portal line only when a separator follows (body prose may begin 来源于...).
_LABELS = (
    r"索\s*引\s*号|发布机构|发文机关|发文机构|发布日期|发布时间|成文日期|生成日期|公开日期|公开时间|"
    r"主题分类|体裁分类|信息分类(?:名称)?|主题词|信息来源|来源|浏览次数|浏览量|点击数|访问量|访问次数|"
    r"字\s*号|文\s*号|发文字号|文件编号|有效性|时效性|公开方式|公开范围|作者|责任编辑|日期|名\s*称|标\s*题|"
    r"保密审查情况|部门主要负责人审签情况|字体"
)
_LEAD = r"^\s*(?:[-*•·]\s*)?[\[【]?\s*"
_FIELD = re.compile(rf"{_LEAD}(?P<label>{_LABELS})\s*[\]】]?\s*(?:[：:|]|$)")
# 监督索引号53092700122201000: no separator, digits follow at once.
_CODE_LINE = re.compile(r"^\s*(?:监督)?索引号\s*[:：]?\s*[0-9A-Za-z]")
_NAV_LINE = re.compile(
    r"^\s*(?:分享到?|打印|关闭|收藏|关怀版|无障碍|信息正文|政府信息公开|\[\s*打印\s*\])(?:\s|$|[：:])"
)
_BREADCRUMB = re.compile(
    r"(当前位置|所在位置|您的位置|首页)\s*[：:>＞»/]|[>＞»]\s*[\u4e00-\u9fff]{2,8}\s*[>＞»]"
)
# 生成日期 2023-08-11 公开日期 2023-08-11 公开方式 政府网站: fields separated by spaces alone,
# a portal line when it opens with a label and names at least two.
_SPACED_FIELD = re.compile(rf"{_LEAD}(?:{_LABELS})\s+\S")
_SPACED_LABEL = re.compile(rf"(?:^|\s)(?:{_LABELS})\s+\S")
_LABEL_ONLY = re.compile(rf"{_LEAD}(?:{_LABELS})\s*[\]】]?\s*[：:]?\s*$")
_MAX_VALUE_LINE = 40
# A line after an empty label is its value unless it is the report's own title.
_REPORT_WORDS = re.compile(r"报告|决算|绩效|预算|评价|自评|说明")
# Portal furniture only occurs before the report proper.
_SCAN_LIMIT = 40


# Every breadcrumb holds one of these; _BREADCRUMB, tried at every character, runs only then.
_BREADCRUMB_HINTS = ("位置", "首页", ">", "＞", "»")


def is_portal_line(text: str) -> bool:
    return bool(
        _FIELD.match(text)
        or _CODE_LINE.match(text)
        or _NAV_LINE.match(text)
        or (_SPACED_FIELD.match(text) is not None and len(_SPACED_LABEL.findall(text)) >= 2)
        or (any(hint in text for hint in _BREADCRUMB_HINTS) and _BREADCRUMB.search(text))
    )


def portal_lines(document: Document) -> set[int]:
    """Block indexes of portal furniture near the top of the document."""
    found: set[int] = set()
    value_expected = False
    for index, block in enumerate(document.blocks[:_SCAN_LIMIT]):
        if not isinstance(block, Paragraph):
            value_expected = False
            continue
        if is_portal_line(block.text):
            found.add(index)
            value_expected = bool(_LABEL_ONLY.match(block.text))
        elif (
            value_expected
            and len(block.text.strip()) <= _MAX_VALUE_LINE
            and not _REPORT_WORDS.search(block.text)
        ):
            found.add(index)
            value_expected = False
        else:
            value_expected = False
    return found


def _label_key(cell: str) -> str | None:
    match = _LABEL_ONLY.match(cell)
    return re.sub(r"[\s\[\]【】：:*•·-]", "", match.group()) if match else None


def portal_fields(document: Document, skip: set[int]) -> dict[str, str]:
    """``{label: value}`` of the portal block (labels without spaces: 发布机构, 名称 ...)."""
    fields: dict[str, str] = {}
    pending: str | None = None
    for index in sorted(skip):
        block = document.blocks[index]
        if not isinstance(block, Paragraph):
            continue
        if pending is not None and _label_key(block.text) is None and not _FIELD.match(block.text):
            fields.setdefault(pending, block.text.strip())
            pending = None
            continue
        cells = re.split(r"\s*\|\s*|(?<=[:：])\s*", block.text.strip())
        pending = None
        for cell, following in zip(cells, [*cells[1:], ""], strict=True):
            key = _label_key(cell)
            if key is None:
                continue
            value = following.strip() if _label_key(following) is None else ""
            if value:
                fields.setdefault(key, value)
            elif len(cells) <= 2:
                pending = key
    return fields


def without_portal_lines(document: Document, skip: set[int] | None = None) -> str:
    """``Document.text`` with portal furniture blanked out (same length, offsets unchanged)."""
    indexes = sorted(portal_lines(document) if skip is None else skip)
    if not indexes:
        return document.text
    pieces: list[str] = []
    kept = 0
    for index in indexes:
        block = document.blocks[index]
        pieces.append(document.text[kept : block.start])
        pieces.append(" " * (block.end - block.start))
        kept = block.end
    pieces.append(document.text[kept:])
    return "".join(pieces)
