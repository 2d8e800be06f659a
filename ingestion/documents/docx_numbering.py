"""Word automatic numbering rebuilt from numbering.xml ("一、", "（一）", "1.").

python-docx gives a paragraph's text without the label Word draws in front of it, yet those
labels are what mark a report's sections (一、基本情况 / （一）... / 1.). A paragraph refers to a
list (``w:numId``) and a level (``w:ilvl``), directly or through its style; the list's abstract
definition gives each level's format and pattern (``%1、``, ``（%2）``). Counters run per abstract
definition in reading order, a level restarting whenever a shallower level advances.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

_CHINESE_DIGITS = "零一二三四五六七八九"
_CHINESE_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _chinese_number(n: int, digits: str = _CHINESE_DIGITS, ten: str = "十") -> str:
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + ten + (digits[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: 27 -> aa.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, num_fmt: str) -> str | None:
    """One counter value in a numFmt; None for bullets and formats that draw no number."""
    formats = {
        "decimal": lambda: str(n),
        "decimalZero": lambda: f"{n:02d}",
        "decimalFullWidth": lambda: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
        "chineseCounting": lambda: _chinese_number(n),
        "chineseCountingThousand": lambda: _chinese_number(n),
        "taiwaneseCounting": lambda: _chinese_number(n),
        "ideographDigital": lambda: "".join(_CHINESE_DIGITS[int(d)] for d in str(n)),
        "chineseLegalSimplified": lambda: _chinese_number(n, _CHINESE_LEGAL_DIGITS, "拾"),
        "ideographTraditional": lambda: _HEAVENLY_STEMS[(n - 1) % 10],
        "decimalEnclosedCircle": lambda: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
        "decimalEnclosedCircleChinese": lambda: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
        "lowerLetter": lambda: _letters(n),
        "upperLetter": lambda: _letters(n).upper(),
        "lowerRoman": lambda: _roman(n),
        "upperRoman": lambda: _roman(n).upper(),
    }
    render = formats.get(num_fmt)
    return render() if render else None


@dataclass(frozen=True)
class _Level:
    num_fmt: str
    text: str
    start: int
    is_legal: bool


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


def _findall(element: Any, tag: str) -> list[Any]:
    return list(element.findall(qn(tag))) if element is not None else []


def _int_val(element: Any, tag: str, default: int) -> int:
    value = _val(element, tag)
    return int(value) if value is not None and value.lstrip("-").isdigit() else default


class WordNumbering:
    """Labels for numbered paragraphs, computed in reading order (call ``label`` in body order)."""

    def __init__(self, numbering_element: Any, styles_element: Any) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        for abstract in _findall(numbering_element, "w:abstractNum"):
            levels = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
                    num_fmt=_val(lvl, "w:numFmt", "decimal") or "decimal",
                    text=_val(lvl, "w:lvlText", "") or "",
                    start=_int_val(lvl, "w:start", 1),
                    is_legal=lvl.find(qn("w:isLgl")) is not None,
                )
            self._levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        for num in _findall(numbering_element, "w:num"):
            overrides = {
                int(o.get(qn("w:ilvl"), "0")): _int_val(o, "w:startOverride", 1)
                for o in num.findall(qn("w:lvlOverride"))
                if o.find(qn("w:startOverride")) is not None
            }
            self._nums[num.get(qn("w:numId"), "")] = (_val(num, "w:abstractNumId", "") or "", overrides)
        self._style_numpr = self._styles_numbering(styles_element)
        self._counters: dict[str, dict[int, int]] = {}
        self._overridden: set[str] = set()

    @staticmethod
    def _styles_numbering(styles_element: Any) -> dict[str, tuple[str | None, int | None, str | None]]:
        """styleId -> (numId, ilvl, basedOn) as the style itself declares them."""
        table: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in _findall(styles_element, "w:style"):
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            ilvl = _val(numpr, "w:ilvl")
            table[style.get(qn("w:styleId"), "")] = (
                _val(numpr, "w:numId"),
                int(ilvl) if ilvl is not None else None,
                _val(style, "w:basedOn"),
            )
        return table

    def _numpr(self, paragraph: Any) -> tuple[str | None, int]:
        ppr = paragraph.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = _val(numpr, "w:numId")
        ilvl = _val(numpr, "w:ilvl")
        style_id = _val(ppr, "w:pStyle")
        seen: set[str] = set()
        while (num_id is None or ilvl is None) and style_id and style_id not in seen:
            seen.add(style_id)
            style_num, style_lvl, style_id = self._style_numpr.get(style_id, (None, None, None))
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else (str(style_lvl) if style_lvl is not None else None)
        return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0

    def label(self, paragraph: Any) -> str | None:
        """The label Word shows before this ``w:p`` element, advancing the list's counters."""
        num_id, ilvl = self._numpr(paragraph)
        if num_id in (None, "0") or num_id not in self._nums:
            return None
        abstract_id, overrides = self._nums[num_id]
        levels = self._levels.get(abstract_id, {})
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._overridden and overrides:
            self._overridden.add(num_id)
            for level, start in overrides.items():
                counters[level] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        return self._render(levels, ilvl, counters)

    @staticmethod
    def _render(levels: dict[int, _Level], ilvl: int, counters: dict[int, int]) -> str | None:
        label = levels[ilvl].text
        for level in range(ilvl, -1, -1):
            placeholder = f"%{level + 1}"
            if placeholder not in label:
                continue
            spec = levels.get(level)
            if spec is None:
                return None
            fmt = "decimal" if levels[ilvl].is_legal else spec.num_fmt
            number = format_number(counters.get(level, spec.start), fmt)
            if number is None:
                return None
            label = label.replace(placeholder, number)
        if levels[ilvl].num_fmt in {"bullet", "none"} or not label.strip():
            return None
        return label
