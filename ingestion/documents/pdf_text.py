"""Undo what PDF layout does to running text: broken lines, page numbers, spaces in numbers.

A PDF has no paragraphs, only lines. A line that does not end a sentence (。；：！？) continues
on the next unless that next line starts a numbered heading (一、 （一） 1. ①), or the line
stops well short of the right margin (a heading or a paragraph's last line: wrapped lines
run to the margin). Extraction also
puts spaces where glyphs are spaced ("28 个", "绩 效", "2 846.27"): spaces touching Chinese
are dropped, and digit groups are closed up only in the thousands pattern (2 846.27), never
between two free-standing numbers ("2021 100" stays apart).
"""

from __future__ import annotations

import re

_SENTENCE_END = tuple("。；：！？;:!?")
_HEADING_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零\d]+[章节部分条]|[一二三四五六七八九十]+\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．](?!\d)|[①-⑳]|附件|附表)"
)
_PAGE_NUMBER = re.compile(
    r"^[\s\-—－–·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/共]\s*\d{1,4}\s*页?)?[\s\-—－–·]*$"
)
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACE_BESIDE_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")
_THOUSANDS_SPACED = re.compile(r"(?<![\d.])\d{1,3}(?: \d{3})+(?=\.\d|[^\d\s.,]|$)")


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def join_wrapped(lines: list[str]) -> str:
    """Lines of one paragraph as one: Chinese wraps anywhere, even inside a number ("62" / "4.44"),
    so only two Latin letters get a space between them."""
    joined = ""
    for line in filter(None, lines):
        if joined and _is_latin_letter(joined[-1]) and _is_latin_letter(line[0]):
            joined += " "
        joined += line
    return joined


def tidy_spacing(line: str) -> str:
    """Remove layout spaces next to Chinese text and inside thousands-grouped numbers."""
    line = _SPACE_BESIDE_CJK.sub("", line)
    return _THOUSANDS_SPACED.sub(lambda match: match.group(0).replace(" ", ""), line)


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line))


def join_lines(lines: list[tuple[str, bool]]) -> list[str]:
    """Paragraph texts from (line, reaches the right margin) pairs: wrapped lines joined, page
    numbers dropped."""
    paragraphs: list[str] = []
    current: list[str] = []
    previous_reaches_margin = True
    for raw, reaches_margin in lines:
        line = tidy_spacing(raw.strip())
        if not line or is_page_number(line):
            continue
        ends_paragraph = current[-1].endswith(_SENTENCE_END) if current else False
        if current and (ends_paragraph or not previous_reaches_margin or _HEADING_START.match(line)):
            paragraphs.append(join_wrapped(current))
            current = []
        current.append(line)
        previous_reaches_margin = reaches_margin
    if current:
        paragraphs.append(join_wrapped(current))
    return paragraphs
