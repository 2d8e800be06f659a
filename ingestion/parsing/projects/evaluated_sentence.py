"""The projects an evaluation covers, named in one sentence rather than a table.

``我局重点抽取了甲项目、乙工程、丙补助等3个项目进行了绩效评价`` or ``对甲、乙共12个项目开展重点绩效评价``:
a verb of choosing (or 对), the names separated by 、 (the last two may be joined by 和/及), how
many projects they are (the count may exceed the names given: the page names some of them), then
the evaluation itself; without a count, names that each say they are projects and the evaluation
right after them; or names each in quotes, side by side (选取了“甲补贴”“乙工程”等9项…评价), whose
quotes bound them. Only that
frame is read: a list of areas (聚焦甲、乙等领域), of districts (对26个区县) or of qualities
(优先选取受益面宽、群众关注多的项目) names no project.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Paragraph
from ingestion.parsing.text import Span, fold

# (name, where it is stated)
Item = tuple[str, Span]

_NUMERAL = r"[\d一二三四五六七八九十两百]+"
# No clause or sentence break, colon or quote inside the list: it is one run of names.
_NAME_CHARS = r"[^，,。；;：:“”\"\n]"
_CHOSEN = r"(?:(?:抽取|选取|选择|选定|确定|筛选|挑选)了?|(?<![针相绝核面比应反])对(?![于象照比接标]))"
_LIST = rf"(?P<list>{_NAME_CHARS}{{2,}}?、{_NAME_CHARS}+?)"
_EVALUATED = r"(?:绩效)?(?:评价|自评|评审)"
_FRAME = re.compile(
    rf"{_CHOSEN}{_LIST}(?:等|共计?|合计)?\s*(?P<count>{_NUMERAL})\s*个(?:重点)?(?:项目|专项|政策)"
    rf"[^，,。；;]{{0,16}}?{_EVALUATED}"
)
# Without a count, the names must say they are projects and the evaluation follow at once
# (对甲项目、乙工程、丙补助资金开展了重点绩效评价).
_UNCOUNTED = re.compile(rf"{_CHOSEN}{_LIST}(?:进行|开展|实施)了?(?:重点)?{_EVALUATED}")
# Names each in quotes, side by side or joined (确定了“甲补贴”“乙资金”和“丙工程”等12项…作为评价项目):
# the quotes bound them, so a name may hold 、 or 和; the count says they are some of the projects,
# and the evaluation must be named in the same sentence.
_QUOTED_LIST = re.compile(
    rf"{_CHOSEN}(?P<list>(?:“[^“”]{{2,60}}”\s*(?:、|和|及|与|以及)?\s*){{2,}})(?:等|共计?|合计)?\s*"
    rf"(?P<count>{_NUMERAL})\s*[项个][^。；;]{{0,40}}?{_EVALUATED}"
)
_QUOTED_NAME = re.compile(r"“(?P<name>[^“”]{2,60})”")
_PROJECT_END = re.compile(r"(?:项目|工程|资金|经费|补助|补贴|专项|计划)(?:[（(][^（）()]{1,20}[）)])?$")
# The last two names joined by 和/及 (甲项目、乙工程和丙补助), when both say they are projects.
_JOINED = re.compile(r"(?:以及|和|及)")
_MIN_ITEMS = 2
_MIN_NAME = 2
_MAX_NAME = 40
# A name holds no figure with its unit (甲项目120万元) and no verb of the sentence around it.
_NOT_A_NAME = re.compile(r"\d\s*(?:万元|亿元|元|个)|进行|开展|评价")


def _split(names: str) -> list[tuple[int, int]]:
    """(start, end) of each name of ``names``, split at 、 outside brackets (甲(乙、丙)项目 is one)."""
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for at, char in enumerate(names):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif char == "、" and depth == 0:
            spans.append((start, at))
            start = at + 1
    spans.append((start, len(names)))
    return spans


def _item(paragraph: Paragraph, text: str, start: int, end: int) -> Item:
    """The name between ``start`` and ``end`` without the spaces around it, and where it stands."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], Span(paragraph.text[start:end], paragraph.start + start, paragraph.start + end)


def evaluated_in_sentences(paragraphs: list[Paragraph]) -> list[Item]:
    """The names of the first sentence that lists the projects an evaluation covers."""
    for paragraph in paragraphs:
        if ("、" not in paragraph.text and "”“" not in paragraph.text) or "评" not in paragraph.text:
            continue
        text = fold(paragraph.text)
        quoted = _quoted_items(paragraph, text)
        if quoted:
            return quoted
        for pattern in (_FRAME, _UNCOUNTED):
            for frame in pattern.finditer(text):
                base = frame.start("list")
                spans = _joined_last([(base + s, base + e) for s, e in _split(frame["list"])], text)
                items = [_item(paragraph, text, s, e) for s, e in spans]
                named = all(_PROJECT_END.search(name) for name, _ in items) or pattern is _FRAME
                if (
                    named
                    and len(items) >= _MIN_ITEMS
                    and all(
                        _MIN_NAME <= len(name) <= _MAX_NAME and not _NOT_A_NAME.search(name)
                        for name, _ in items
                    )
                ):
                    return items
    return []


def _quoted_items(paragraph: Paragraph, text: str) -> list[Item]:
    """The quoted names of a counted list of evaluated projects (``_QUOTED_LIST``)."""
    frame = _QUOTED_LIST.search(text)
    if frame is None:
        return []
    items = [
        (
            name["name"],
            Span(name["name"], paragraph.start + name.start("name"), paragraph.start + name.end("name")),
        )
        for name in _QUOTED_NAME.finditer(text, frame.start("list"), frame.end("list"))
    ]
    fits = all(_MIN_NAME <= len(name) <= _MAX_NAME and not _NOT_A_NAME.search(name) for name, _ in items)
    return items if fits and len(items) >= _MIN_ITEMS else []


def _joined_last(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The last name split where 和/及 joins two names that both end as projects do."""
    start, end = spans[-1]
    for joint in _JOINED.finditer(text, start, end):
        if _PROJECT_END.search(text, start, joint.start()) and _PROJECT_END.search(text, joint.end(), end):
            return [*spans[:-1], (start, joint.start()), (joint.end(), end)]
    return spans
