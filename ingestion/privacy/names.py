"""Names of private persons in prose, found with rjieba's part-of-speech tags (ADR 0005).

Patterns cannot tell 共化解某甲、某乙等信访遗留问题 from 共化解矛盾纠纷; a segmenter with a name
model can. It is asked only about sentences that speak of private persons (petitions, hardship
households, complainants ...): elsewhere a report names units, places and officials' titles,
and a tagger's false positive there would mask a unit's name.

The tagger alone over-reports (its dictionary tags words such as 张贴 or 周全 as names), so a
candidate must start with a family name, must not be a place (岳麓区, 邵阳, 左家塘 before 街道),
and must either be unknown to the dictionary (a name the tagger's model recognised) or stand where
names stand: in an enumeration (某甲、某乙等), after 信访人/上访户/困难户, before 信访/反映.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from ingestion.privacy.patterns import Found
from ingestion.privacy.surnames import COMPOUND, SINGLE, surname_length
from ingestion.regions import load_gazetteer

# Words that put private persons in a sentence.
_CONTEXT = re.compile(
    r"信访|上访|来访|访户|积案|非访|当事人|困难户|低保|五保|特困|帮扶对象|救助对象|慰问|举报|投诉|"
    r"申请人|户主|群众|居民|村民|纠纷|经办人|联系人|填表人"
)
_SENTENCE_ENDS = "。；;！!？?\n"
_SENTENCE = re.compile(f"[^{_SENTENCE_ENDS}]+")
_UP_TO_SENTENCE_END = re.compile(f".*[{_SENTENCE_ENDS}]", re.DOTALL)  # to the last sentence end
_NAME_TAGS = frozenset(("nr", "nrfg", "nrt"))
_LISTED_NAME_TAGS = _NAME_TAGS | {"ns", "nz"}  # 潘某国/ns in a list of names is still a name
# A split name: the family name tagged as a name, adjective, noun or morpheme (黄/a, 刘/zg), the
# given name as a name or a place (桂兰/ns); never a preposition or conjunction (向群众, 和居民).
_SURNAME_TAGS = frozenset(("nr", "nrfg", "nrt", "ns", "nz", "a", "n", "ng", "zg"))
_GIVEN_NAME_TAGS = frozenset(("nr", "nrfg", "nrt", "ns", "nz"))
assert _LISTED_NAME_TAGS <= _SURNAME_TAGS  # _names skips a token whose tag is no surname tag
# Place and organisation words: a "name" followed by one of these (or ending in one) is a place.
_PLACE_SUFFIX = ("省", "市", "区", "县", "州", "旗", "镇", "乡", "村", "街道", "社区", "路", "街", "巷", "湾")
_PLACE_WORDS = frozenset(
    (
        "街道", "社区", "村", "镇", "乡", "区", "县", "市", "路", "小区", "大道", "办事处", "委员会", "公司",
        "片区", "学院", "学校", "医院", "中学", "小学", "大学", "市场", "农贸市场", "广场", "公园",
    )
)  # fmt: skip
_BEFORE_NAME = ("户", "人", "民", "对象")  # 上访户某某, 信访人某某, 村民某某
_AFTER_NAME = ("信访", "上访", "来访", "反映", "投诉", "举报", "等", "、", "两户", "一家")
_LIST_MARK = "、"


@cache
def _tagger() -> Any:
    import rjieba  # compiled with its dictionary: nothing is downloaded or written at run time

    return rjieba


def _is_place(word: str, following: str, following_tag: str) -> bool:
    if word.endswith(_PLACE_SUFFIX) or following in _PLACE_WORDS:
        return True
    if len(following) == 1 and following_tag in ("ns", "zg", "ng", "n"):
        return True  # 戴家 + 坪, 蒋家 + 垅: the start of a longer place name
    gazetteer = load_gazetteer()
    return any(gazetteer.named(word + suffix) for suffix in ("", "市", "县", "区", "州"))


def _stands_as_name(tokens: list[tuple[str, str]], first: int, last: int) -> bool:
    before = tokens[first - 1][0] if first > 0 else ""
    after = tokens[last + 1][0] if last + 1 < len(tokens) else ""
    return before == _LIST_MARK or before.endswith(_BEFORE_NAME) or after.startswith(_AFTER_NAME)


def _candidate(tokens: list[tuple[str, str]], i: int) -> tuple[str, int] | None:
    """The name starting at token ``i`` and the index of its last token, when one may start there."""
    word, tag = tokens[i]
    if tag in _LISTED_NAME_TAGS and 2 <= len(word) <= 4 and 0 < surname_length(word) < len(word):
        return word, i
    if (word in SINGLE or word in COMPOUND) and tag in _SURNAME_TAGS and i + 1 < len(tokens):
        given, given_tag = tokens[i + 1]
        if 1 <= len(given) <= 2 and given_tag in _GIVEN_NAME_TAGS:
            return word + given, i + 1
    return None


def _names(tokens: list[tuple[str, str]]) -> Iterator[tuple[int, str]]:
    """(index of the first token, name) for each private person's name among ``tokens``."""
    free = 0  # the first token no name found so far has used
    for i, (_, tag) in enumerate(tokens):
        # Most tokens (verbs, particles, numbers) can start no name: _candidate wants a surname tag.
        found = _candidate(tokens, i) if i >= free and tag in _SURNAME_TAGS else None
        if found is None:
            continue
        name, last = found
        if len(name) == 4 and name[:2] not in COMPOUND:
            continue  # four characters with a one-character family name: an idiom (严格把关)
        following, following_tag = tokens[last + 1] if last + 1 < len(tokens) else ("", "")
        if _is_place(name, following, following_tag):
            continue
        # A split name (邓 + 美玲), or one token the tagger's model named that is no dictionary word;
        # two characters are too often something else (含单栋住宅楼) to go on the tagger alone.
        recognised = (
            len(name) > 2 and not _tagger().has_word(name) and (last > i or tokens[i][1] in _NAME_TAGS)
        )
        if recognised or _stands_as_name(tokens, i, last):
            free = last + 1
            yield i, name


def _in_sentence(sentence: str, offset: int) -> Iterator[Found]:
    tokens: list[tuple[str, str]] = _tagger().tag(sentence)  # (word, tag) pairs of str
    for index, name in _names(tokens):
        start = offset + sum(len(word) for word, _ in tokens[:index])  # names are rare: add up here
        yield Found(start, start + len(name), "name")


def _context_sentences(text: str) -> Iterator[re.Match[str]]:
    """The sentences (``_SENTENCE`` matches) of ``text`` that hold a ``_CONTEXT`` word, found from
    the words: far fewer than the sentences, and no word spans a sentence's end."""
    at = 0  # where the previous such sentence ended (the text's start at first)
    while (word := _CONTEXT.search(text, at)) is not None:
        last_end = _UP_TO_SENTENCE_END.match(text, at, word.start())
        sentence = _SENTENCE.match(text, last_end.end() if last_end else at)
        assert sentence is not None  # it holds the word
        yield sentence
        at = sentence.end()


def names_in_context(text: str) -> list[Found]:
    """Person names in the sentences of ``text`` that speak of private persons."""
    found: list[Found] = []
    for sentence in _context_sentences(text):
        found.extend(_in_sentence(sentence.group(), sentence.start()))
    return found
