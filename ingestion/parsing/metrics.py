"""Quantitative results stated in the narrative: 新增就业1358人, 城镇登记失业率3.65%, 200余个, 近百次.

A metric is a count or rate with a unit of people, households, items, events or area, or a
percentage, preceded in its clause by what it measures. Money (万元) belongs to amounts, dates
and years are not metrics, and round words (百, 千, 万) are read as numbers (近百次 -> 100).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ingestion.documents.model import Paragraph
from ingestion.parsing.text import fold

_UNITS = (
    "万人次|人次|万人|人|户|个|次|件|起|场次|场|名|期|处|条|份|台|栋|家|项|所|批次|剂次|剂|"
    "平方米|万平方米|亩|公里|千米|米|吨|辆|块|本|套|幅|支|间|张|册|座|%"
)
_ROUND = {"十": "10", "百": "100", "千": "1000", "万": "10000"}
_METRIC = re.compile(
    rf"(?P<qual_before>近|约|超过|超|逾|达到|达|共|累计)?(?P<value>(?<![\d.])\d+(?:\.\d+)?|[十百千万])"
    rf"(?P<qual_after>余|多)?(?P<unit>{_UNITS})(?![\u4e00-\u9fff]{{0,1}}元)"
)
_NAME_TRIM = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,4}[，、])?(?:共|累计|全年|今年|其中|街道|我街|全街|我单位|本单位|辖区)*"
)
_MAX_NAME = 14
_CLAUSE_BREAK = re.compile(r"[，,；;。：:！!？?]")
_MAX_METRICS = 200
_QUALIFIERS = {"近", "约", "超过", "超", "逾", "余", "多"}


def _name_before(text: str) -> str:
    name = re.split(r"[、（）()“”\"《》]", text)[-1]
    name = _NAME_TRIM.sub("", name).strip()
    return name[-_MAX_NAME:]


def _clause_around(text: str, breaks: list[int], start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding ``text[start:end]`` (between clause punctuation)."""
    position = bisect_right(breaks, start)
    begin = breaks[position - 1] + 1 if position else 0
    after = bisect_left(breaks, end)
    return begin, breaks[after] if after < len(breaks) else len(text)


def narrative_metrics(paragraphs: list[Paragraph]) -> list[dict[str, str | None]]:
    metrics: list[dict[str, str | None]] = []
    for paragraph in paragraphs:
        folded = fold(paragraph.text)
        matches = list(_METRIC.finditer(folded))
        if not matches:
            continue
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(folded)]
        for match in matches:
            begin, end = _clause_around(folded, breaks, match.start(), match.end())
            name = _name_before(folded[begin : match.start()])
            if len(name) < 2 or re.search(r"\d", name) or name.endswith(("年", "月", "日", "第")):
                continue
            qualifier = match["qual_after"] or match["qual_before"]
            metrics.append(
                {
                    "name": name,
                    "value": _ROUND.get(match["value"], match["value"]),
                    "unit": match["unit"],
                    "qualifier": qualifier if qualifier in _QUALIFIERS else None,
                    "evidence": paragraph.text[begin:end].strip(),
                }
            )
            if len(metrics) >= _MAX_METRICS:
                return metrics
    return metrics
