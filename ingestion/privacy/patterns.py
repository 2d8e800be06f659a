"""Personal data that has a shape: phone numbers, ID numbers, e-mail addresses, labelled names.

Every finder scans a *folded* text (full-width digits and letters as ASCII, one character for
one, ``ingestion.parsing.text.fold``), so a match has the same offsets in the original text.
Numbers that are money must survive: a bare 7-8 digit number is a phone number only after a
phone label, and an 11-digit mobile number never runs into an amount (decimal point, 元, 万).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from ingestion.privacy.surnames import surname_length


@dataclass(frozen=True, slots=True)
class Found:
    """A piece of personal data at ``text[start:end]``; ``kind`` says which policy category."""

    start: int
    end: int
    kind: str  # phone, id_number, email, name


_NOT_MONEY_AFTER = r"(?![\d.,]|\s*(?:元|万|亿|%|个|人|次|件|户|份|项|平方|米|公里|吨))"
_NOT_MONEY = re.compile(_NOT_MONEY_AFTER)
_MOBILE = re.compile(r"(?<![\d.,])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}" + _NOT_MONEY_AFTER)
_LANDLINE = re.compile(
    r"(?:(?<![\d.,])0\d{2,3}[-－—~ ]|[（(]0\d{2,3}[)）]\s?)[1-9]\d{6,7}(?:[-－]\d{1,4})?(?![\d.,])"
)
# Opening with a lookbehind or an optional prefix, the phone patterns would be tried at every
# position of the text. Each match holds its hint (the 1 of a mobile's 1[3-9]…, the 0 of an area
# code) at most a few characters after its start (+86-1…, （0…): the engine skips to the hint's
# first character, and the pattern is tried only just before each hint (_near).
_MOBILE_HINT = re.compile(r"1(?=[3-9]\d[- ]?\d{4}[- ]?\d{4})")
_LANDLINE_HINT = re.compile(r"0(?=\d{2,3}(?:[-－—~ ]|[)）]\s?)[1-9]\d{6})")
# (pattern, hint, the most characters from a match's start to its hint)
_HINTED_PHONES = ((_MOBILE, _MOBILE_HINT, 4), (_LANDLINE, _LANDLINE_HINT, 1))
_PHONE_LABEL = re.compile(
    r"(?:联系电话|办公电话|咨询电话|监督电话|举报电话|联系方式|电话|手机号码|手机号|手机|传真|tel|Tel|TEL)"
    r"[:：]?\s*"
)
# After a label, one or more numbers separated by 、/／ or spaces: 28815673、13812345678.
_NUMBER = r"\d+(?:[-－ ]\d+){0,3}"
_LABELLED_NUMBERS = re.compile(rf"{_NUMBER}(?:\s*[、/／,，]\s*{_NUMBER})*")
_MIN_PHONE_DIGITS = 7
# The lookbehind (no letter or digit before the number) is checked after the first digit, over two
# characters: opening with a class, the pattern lets the engine skip to the digits.
_ID_NUMBER = re.compile(
    r"[1-9](?<![\dA-Za-z][1-9])\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![\dA-Za-z])"
)
_ID_LABELS = ("身份证号码", "身份证号", "身份证", "证件号码")
_ID_LABEL = re.compile(rf"(?:{'|'.join(_ID_LABELS)})[:：]?\s*([\dXx]{{15,18}})")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_AT_SIGNS = "@＠"
_AT = re.compile(f"[{_AT_SIGNS}]")
_LOCAL_PART = frozenset(string.ascii_letters + string.digits + "._%+-")  # _EMAIL's first class
# A person named after a form label (填表人：某某) or a signature line (负责人签字：某某).
_NAME_LABEL = re.compile(
    r"(?:填表人|填报人|制表人|联系人|经办人|审核人|复核人|举报人|信访人|投诉人|申请人|当事人|负责人|"
    r"签字|签名|签章)[)）]?[:：]\s*"
)
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# A name ends where the next label of the form begins (填表人：某某某填报日期：...).
_NEXT_LABEL = re.compile(r"填报|填表|联系|电话|手机|日期|单位|签字|签名|审核|身份|邮箱|电子|盖章|（|\(")


def _near(pattern: re.Pattern[str], hint: re.Pattern[str], reach: int, text: str) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields, the pattern tried only at the starts from
    which a hint lies within ``reach`` characters (the hint matches one character, so
    every hint is found)."""
    resume = 0  # where the last match ended: finditer goes on from there
    for hinted in hint.finditer(text):
        for start in range(max(resume, hinted.start() - reach), hinted.start() + 1):
            match = pattern.match(text, start)
            if match is not None:
                yield match
                resume = match.end()
                break


def phone_numbers(folded: str) -> Iterator[Found]:
    for pattern, hint, reach in _HINTED_PHONES:
        for match in _near(pattern, hint, reach, folded):
            yield Found(match.start(), match.end(), "phone")
    for label in _PHONE_LABEL.finditer(folded):
        numbers = _LABELLED_NUMBERS.match(folded, label.end())
        if (
            numbers
            and sum(c.isdigit() for c in numbers.group()) >= _MIN_PHONE_DIGITS
            and _NOT_MONEY.match(folded, numbers.end())
        ):
            yield Found(numbers.start(), numbers.end(), "phone")


def id_numbers(folded: str) -> Iterator[Found]:
    for match in _ID_NUMBER.finditer(folded):
        yield Found(match.start(), match.end(), "id_number")
    # A regex scans a report ten times slower than ``in`` finds a word: most reports name no ID.
    if not any(label in folded for label in _ID_LABELS):
        return
    for match in _ID_LABEL.finditer(folded):
        yield Found(match.start(1), match.end(1), "id_number")


def email_addresses(folded: str) -> Iterator[Found]:
    # _EMAIL tried at every letter and digit would cost more than all other patterns. A match
    # starts where the run of local-part characters before an @ starts (or where the last match
    # ended): from any later position in that run it would match or fail alike.
    if not any(sign in folded for sign in _AT_SIGNS):
        return  # the plain test first: a regex scans a report ten times slower
    resume = 0
    for at in _AT.finditer(folded):
        if at.start() < resume:
            continue
        start = at.start()
        while start > resume and folded[start - 1] in _LOCAL_PART:
            start -= 1
        match = _EMAIL.match(folded, start)
        if match is not None:
            yield Found(match.start(), match.end(), "email")
            resume = match.end()


def labelled_names(text: str) -> Iterator[Found]:
    """The name after 填表人：, 经办人：, 签字： ...: 2-4 Han characters starting with a family name."""
    for label in _NAME_LABEL.finditer(text):
        name = _NAME.match(text, label.end())
        if name is None:
            continue
        value = name.group()
        cut = _NEXT_LABEL.search(value)
        if cut is not None:
            value = value[: cut.start()]
        if len(value) >= 2 and surname_length(value) and len(value) > surname_length(value):
            yield Found(name.start(), name.start() + len(value), "name")


def shaped_personal_data(text: str, folded: str) -> list[Found]:
    """Everything the patterns find in ``text`` (``folded`` is its fold)."""
    return [
        *phone_numbers(folded),
        *id_numbers(folded),
        *email_addresses(folded),
        *labelled_names(text),
    ]
