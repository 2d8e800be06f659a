"""Every statement of a stage-less budget figure (预算数, 下达…资金, 某资金合计), to choose among
different values: the one total over its parts (共下达…873万元 over tranches of 250 and 295), the
one naming the fund the title names (itself or through the notice it is issued by; several such
name none), or the one whose sentence lists its parts right after it
(下达某资金113万元，其中甲项目48万元、乙项目15万元、丙项目50万元) when those parts add up to it exactly
and every other value stated is one of them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.parsing.text import Span

# 共下达, 合计, 累计: a clause stating the whole of what its parts (each 下达…) add up to.
# 共收到中央下达…: the whole of one source (中央), not of the fund.
_TOTAL_WORD = re.compile(r"共(?:计)?(?:下达|安排|拨付)|合计|总计|累计")


_FUND_NAME = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:资金|经费)")
_MIN_FUND_NAME = 6


def _names_title_fund(clause: str, title: str) -> bool:
    """The clause names a fund (its last 6 or more characters up to 资金/经费) the title names too."""
    for fund in _FUND_NAME.finditer(clause):
        name = fund.group()
        if any(name[start:] in title for start in range(len(name) - _MIN_FUND_NAME + 1)):
            return True
    return False


class WeakStatements:
    """Every statement of a stage-less budget figure, to keep the one total among several parts
    (共下达…873万元 over the tranches 下达…250万元, 下达…295万元)."""

    def __init__(self) -> None:
        self._values: dict[str, list[Decimal]] = {}
        self._totals: dict[str, list[tuple[str, Span]]] = {}
        self._clauses: dict[str, list[tuple[str, str, Span]]] = {}
        self._wholes: dict[str, list[tuple[str, Span, tuple[Decimal, ...]]]] = {}

    def add(
        self, key: str, wan: str, clause: str, span: Span, parts: tuple[Decimal, ...] = (), cited: str = ""
    ) -> None:
        """``cited``: the notice the clause just before cites (《关于下达…资金的通知》，下达…万元),
        which names the fund the figure is of."""
        self._values.setdefault(key, []).append(Decimal(wan))
        if parts and sum(parts) == Decimal(wan):
            self._wholes.setdefault(key, []).append((wan, span, parts))
        self._clauses.setdefault(key, []).append((wan, cited + clause, span))
        if _TOTAL_WORD.search(clause):
            self._totals.setdefault(key, []).append((wan, span))

    def named_in(self, key: str, title: str | None) -> tuple[str, Span] | None:
        """The one value whose statement names the fund the title names (…2022年省级农机补贴资金
        绩效自评报告: 拨付某区2022年省级农机补贴资金1418万元, not the other funds issued)."""
        if not title:
            return None
        named = [
            (wan, span)
            for wan, clause, span in self._clauses.get(key, [])
            if _names_title_fund(clause, title)
        ]
        return named[0] if len({Decimal(wan) for wan, _ in named}) == 1 else None

    def whole_of_listed_parts(self, key: str) -> tuple[str, Span] | None:
        """The one value whose listed parts add up to it and hold every other value stated."""
        found = [
            (wan, span)
            for wan, span, parts in self._wholes.get(key, [])
            if set(self._values[key]) <= {Decimal(wan), *parts}
        ]
        return found[0] if len({Decimal(wan) for wan, _ in found}) == 1 else None

    def total(self, key: str) -> tuple[str, Span] | None:
        """The one total stated (a single value), when it is no less than every other statement."""
        totals = self._totals.get(key, [])
        if len({Decimal(wan) for wan, _ in totals}) != 1:
            return None
        wan, span = totals[0]
        return (wan, span) if Decimal(wan) >= max(self._values[key]) else None


_CITATION = re.compile(r"《[^《》]{1,120}》")
_CLAUSE_BREAK = re.compile(r"[，,；;。\n]")


def cited_before(text: str, clause_start: int) -> str:
    """The titles the clause right before ``clause_start`` cites (…文件《关于下达某年甲资金的通知》，
    下达某县资金791万元): an allocation is of the fund its notice names, so a title naming the
    report's fund through several notices names no one figure as that fund's."""
    before = text[:clause_start].rstrip("，, ")
    if not before.endswith("》"):
        return ""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    return "".join(_CITATION.findall(before[breaks[-1] if breaks else 0 :]))


def whole_then_parts(values: list[tuple[str, bool]]) -> bool:
    """A stage-less figure stated first, then only smaller ones where it is shared out (下达某资金
    1969万元 … 具体为：一是安排甲322万元，二是安排乙147万元): the fund's whole, then its parts.
    Figures side by side (中央下达9056万元，省级下达804万元) are no whole and parts."""
    first = Decimal(values[0][0])
    return first > 0 and all(
        Decimal(value) < first and part for value, part in values[1:] if Decimal(value) != first
    )


# Words that open the sharing out of a whole: 具体为, 一是 … 三是, 分别, 主要用于.
_SHARED_OUT = re.compile(r"具体|[一二三四五六七八九十]是|分别|用于|分配")


def shared_out(sentence: str) -> bool:
    return _SHARED_OUT.search(sentence) is not None


# …113万元，其中甲48万元、乙15万元: the parts a figure's sentence lists right after it, in 万元.
_PARTS_OPEN = re.compile(r"\s*[,，]?\s*其中\s*[:：,，]?")
_SENTENCE_END = re.compile(r"[。；;\n]")
_PART_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*万元?")
_MIN_PARTS = 2


def parts_listed_after(text: str, clause_end: int) -> tuple[Decimal, ...]:
    """The 万元 figures of a 其中 list that follows the clause ending at ``clause_end`` in its
    sentence; none when no such list of two or more follows."""
    opened = _PARTS_OPEN.match(text, clause_end)
    if opened is None:
        return ()
    end = _SENTENCE_END.search(text, opened.end())
    rest = text[opened.end() : end.start() if end else len(text)]
    parts = tuple(Decimal(figure) for figure in _PART_FIGURE.findall(rest))
    return parts if len(parts) >= _MIN_PARTS else ()
