"""The report's outline: which paragraphs are headings, and what each heading governs.

Numbering styles, from outer to inner: 一、 / 第一部分 (1), （一） (2), 1、 1. (3), （1） (4),
① (5). Real reports mix them up (``3、项目支出情况`` between ``二、`` and ``六、``;
``（2）`` after ``（一）``), so levels are only a hint: a section's *body* is what follows its
heading up to the next heading of any level, and its *subtree* runs to the next heading that
is not more deeply numbered. Bare lines such as ``基本支出情况`` count as headings when short,
unpunctuated and ending in a heading word (情况, 问题, 措施 ...).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ingestion.documents.model import Block, Document, Paragraph
from ingestion.parsing.text import ENCLOSED_NUMERAL, fold

_NUMBERING: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^第[一二三四五六七八九十]+[部分章节][、.．\s]*")),
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\s*")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)][、.．]?\s*")),
    (3, re.compile(r"^\d{1,2}(?:[、．]|\.(?!\d))\s*")),
    (4, re.compile(r"^[（(]\d{1,2}[）)][、.．]?\s*")),
    (5, re.compile(rf"^[{ENCLOSED_NUMERAL}]\s*")),
)
_ENCLOSED = [chr(c) for c in range(0x2460, 0x249C)] + [chr(c) for c in range(0x24EA, 0x2500)]
_ENCLOSED += [chr(c) for c in range(0x2776, 0x2794)]
# Every numbering style starts with one of these (after folding); other lines skip the regexes.
_NUMBERING_FIRST = frozenset("第一二三四五六七八九十（(0123456789" + "".join(_ENCLOSED))
_NUMBERING_FIRST |= frozenset("０１２３４５６７８９")
# The styles a line can carry, by its first (folded) character, in _NUMBERING's order: a line
# tries the one or two patterns that can match instead of all six.
_STYLES_BY_FIRST: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {
    "第": (_NUMBERING[0],),
    **dict.fromkeys("一二三四五六七八九十", (_NUMBERING[1],)),
    **dict.fromkeys("（(", (_NUMBERING[2], _NUMBERING[4])),
    **dict.fromkeys("0123456789", (_NUMBERING[3],)),
    **dict.fromkeys(_ENCLOSED, (_NUMBERING[5],)),
}
_MAX_HEADING = 32
_MAX_BARE_HEADING = 24
_BARE_HEADING_END = re.compile(
    r"(情况|问题|措施|计划|建议|结果|目标|概况|分析|说明|职责|设置|打算|成效|安排)[：:]?$"
)
_SENTENCE_MARKS = re.compile(r"[，,。；;！!？?]")


_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_CACHED_LABELS = 1024


def _chinese_ordinal(digits: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20 (digits holds only 零一 ... 十)."""
    if digits.startswith("十"):
        digits = "一" + digits
    tens, _, ones = digits.partition("十")
    if "十" in digits:
        return _CHINESE_DIGITS.get(tens, 0) * 10 + (_CHINESE_DIGITS.get(ones, 0) if ones else 0)
    return _CHINESE_DIGITS.get(digits[0])


# Labels come from a small vocabulary (一、, （二）, 3、 ...) and each costs a Unicode lookup per
# character: most reports' labels were read before.
@lru_cache(maxsize=_CACHED_LABELS)
def _ordinal(label: str) -> int | None:
    """The number a heading label counts: 3、 -> 3, （十二） -> 12, ② -> 2, ⑴ / ❶ / ⒈ -> 1.

    Digits of any script count (a decimal digit is whatever Unicode says it is); any other
    single numeral character (circled, parenthesised, superscript ...) counts by its value,
    so no label can fail to convert."""
    decimal = [unicodedata.decimal(c, None) for c in label]
    if any(d is not None for d in decimal):
        return int("".join(str(d) for d in decimal if d is not None))
    chinese = "".join(c for c in label if c in _CHINESE_DIGITS)
    if chinese:
        return _chinese_ordinal(chinese)
    for char in label:
        value = unicodedata.numeric(char, None)
        if value is not None and value == int(value):
            return int(value)
    return None


def numbering_of(text: str) -> tuple[int | None, str]:
    """(level, text without its numbering) of a line; level None when it is not numbered."""
    if not text or text[0] not in _NUMBERING_FIRST:
        return None, text.strip()
    folded = fold(text[:16])
    for level, pattern in _STYLES_BY_FIRST.get(folded[0], ()):
        match = pattern.match(folded)
        if match and match.end() < len(text):
            return level, text[match.end() :].strip()
    return None, text.strip()


def _label_of(text: str) -> str:
    if not text or text[0] not in _NUMBERING_FIRST:
        return ""
    folded = fold(text[:16])
    for _, pattern in _STYLES_BY_FIRST.get(folded[0], ()):
        match = pattern.match(folded)
        if match:
            return match.group()
    return ""


def _repair_levels(sections: list[Section]) -> None:
    """Numbering lost its style (``七、`` then ``8、``): a heading whose number continues a
    shallower level's count, where its own level has no predecessor, joins that level."""
    last: dict[int, int] = {}
    for section in sections:
        level = section.level
        if level is None:
            continue
        ordinal = _ordinal(_label_of(section.heading.text))
        if ordinal is None:
            continue
        if ordinal > 1 and last.get(level) != ordinal - 1:
            for shallower in range(level - 1, 0, -1):
                if last.get(shallower) == ordinal - 1:
                    section.level = level = shallower
                    break
        last[level] = ordinal
        for deeper in [d for d in last if d > level]:
            del last[deeper]


@dataclass(slots=True)
class Section:
    heading: Paragraph
    title: str
    level: int | None
    index: int  # position of the heading among the document's blocks
    body: list[Block] = field(default_factory=list)
    subtree: list[Block] = field(default_factory=list)

    def body_paragraphs(self) -> list[Paragraph]:
        return [b for b in self.body if isinstance(b, Paragraph)]

    def subtree_paragraphs(self) -> list[Paragraph]:
        return [b for b in self.subtree if isinstance(b, Paragraph)]


def heading_of(paragraph: Paragraph) -> tuple[int | None, str] | None:
    """(level, title) when the paragraph is a heading, else None."""
    text = (paragraph.numbering or "") + paragraph.text if paragraph.numbering else paragraph.text
    level, title = numbering_of(text)
    title = title.rstrip("：:").strip()
    if not title or len(title) > _MAX_HEADING:
        return None
    if level is not None:
        return None if _SENTENCE_MARKS.search(title) else (level, title)
    if (
        len(title) <= _MAX_BARE_HEADING
        and not _SENTENCE_MARKS.search(title)
        and _BARE_HEADING_END.search(title)
    ):
        return None, title
    return None


def outline(document: Document) -> list[Section]:
    """Every heading of the document in order, with its body and subtree."""
    sections: list[Section] = []
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            found = heading_of(block)
            if found is not None:
                sections.append(Section(block, found[1], found[0], index))
                continue
        if sections:
            sections[-1].body.append(block)
    _repair_levels(sections)
    for position, section in enumerate(sections):
        section.subtree = list(section.body)
        for later in sections[position + 1 :]:
            deeper = section.level is not None and later.level is not None and later.level > section.level
            if not deeper:
                break
            section.subtree.append(later.heading)
            section.subtree.extend(later.body)
    return sections
