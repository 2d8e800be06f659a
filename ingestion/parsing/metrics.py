"""Quantitative results stated in the narrative: 新增就业642人, 城镇登记失业率2.87%, 200余个, 近百次.

A metric is a count or rate with a unit of people, households, items, events or area, or a
percentage, named by the noun phrase before it in its clause (累计新增就业809人 -> 新增就业).
Left out on purpose: money (万元 belongs to amounts), dates and years, anything naming staff
(编制, 在职, 退休 belong to staffing), budget percentages (执行率, 预算, 增长 of money), and a round word
without a qualifier (社保服务进万家 is an idiom, 近百次 is a count of 100).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ingestion.documents.model import Paragraph
from ingestion.parsing.text import fold

_UNITS = (
    "万人次|人次|万人|人|户|个|次|件|起|场次|场|名|期|处|条|份|台|栋|家|项|所|批次|剂次|剂|"
    "万平方米|平方米|亩|公里|千米|米|吨|辆|块|本|套|幅|支|间|张|册|座|%"
)
_ROUND = {"十": "10", "百": "100", "千": "1000", "万": "10000"}
_UNIT_FIRST = "".join(sorted({unit[0] for unit in _UNITS.split("|")}))
# A number not preceded by a digit or a dot: \d+(?:\.\d+)? or one of 十百千万. Written to open
# with a plain character class, which lets the regex engine jump from one candidate character to
# the next instead of entering the pattern at every position (a leading lookahead or lookbehind
# forbids that skip); the lookbehind then checks the character before the one just consumed.
# The lookahead on the unit's first character fails fast where no unit follows (most numbers).
_METRIC = re.compile(
    r"(?P<value>[\d十百千万](?<![\d.].)(?:(?<=\d)\d*(?:\.\d+)?)?)(?P<qual_after>余|多)?"
    rf"(?=[{_UNIT_FIRST}])(?P<unit>{_UNITS})(?![\u4e00-\u9fff]?元)"
)
_HAS_FIGURE = re.compile(r"[\d十百千万]")
# Where a noun phrase before a number begins: after a list separator or a conjunction.
_NOT_CLAUSE_BREAK = re.compile(r"[^，,；;。：:！!？?]*")
_PHRASE_BREAK = re.compile(r"[、（）()“”\"《》]|(?<=[\u4e00-\u9fff])(?:和|及|与|并)(?=[\u4e00-\u9fff]{2})")
_QUALIFIER_BEFORE = re.compile(r"(近|约|超过|超|逾|上)$")
_LEADING = re.compile(
    r"^(?:根据|细致|截至目前|截至|截止|目前|已经|已|共计|共|累计|全年|今年|其中|并|还|同时|先后|以来|"
    r"本街道|我街道|全街|我单位|本单位|辖区内|辖区|街道|内有|有(?=[\u4e00-\u9fff]{2}))+"
)
_TRAILING = re.compile(r"(?:的|了|为|达到|达|共计|共|累计|计|约|近|超过|超|逾|是|有|由|到|至|等|分别|上)+$")
_STAFF_WORDS = re.compile(r"编制|在职|在岗|实有|退休|离休|聘用|编外|公益性岗位|工勤|无固期|临聘")
_BUDGET_WORDS = re.compile(
    r"预算|执行率|资金|经费|支出|收入|拨款|结转|结余|决算|三公|比重|同比|增长|下降|增幅|增速|减少"
)
_BARE_VERBS = frozenset(
    "作为 经过 实现 突出 新增 组织 督促 更新 召开 完成 开展 确定 研究确定 "  # noqa: SIM905 (a word list)
    "建立 发放 处置 达到 划分 划分成 通过 成立 举办 排查 筛查".split()
)
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{2,6}")
_MEASURE_NOUN = re.compile(r"(?:率|数|量|额|度|比|面积|人口|规模)$")
_MAX_NAME = 14
_LOOK_BACK = 24
_MAX_METRICS = 200
_QUALIFIERS = {"近", "约", "超过", "超", "逾", "余", "多", "上"}
_DIGIT = re.compile(r"\d")
# The last characters _QUALIFIER_BEFORE and _TRAILING can end with, and the first ones _LEADING
# can start with: a name that cannot match skips the regex (each is tried for every metric).
_QUALIFIER_LAST = frozenset("近约过超逾上")
_TRAILING_LAST = frozenset("的了为到达共计累约近过超逾是有由至等别上")
_LEADING_FIRST = frozenset("根细截目已共累全今其并还同先以本我辖街内有")


def _qualifier_before(text: str) -> str | None:
    """The qualifier (近, 超过 ...) ``text`` ends with, as ``_QUALIFIER_BEFORE`` finds it."""
    if not text or text[-1] not in _QUALIFIER_LAST:
        return None
    found = _QUALIFIER_BEFORE.search(text)
    return found.group(1) if found else None


def metric_name(before: str, after: str) -> str | None:
    """The noun phrase naming a number from the clause text ``before`` it (and ``after`` its unit),
    or None when what stands there names nothing (a verb alone, a particle, a date)."""
    name = _PHRASE_BREAK.split(before)[-1]
    if _STAFF_WORDS.search(name):
        return None
    qualifier = _qualifier_before(name)
    if qualifier:
        name = name[: -len(qualifier)]
    # 划分为200个微网格: after 为/成 the number counts what follows it, unless a measure precedes.
    counts_what_follows = name.endswith(("为", "成")) and not _MEASURE_NOUN.search(name[:-1])
    name = name.strip()
    if name[:1] in _LEADING_FIRST:
        name = _LEADING.sub("", name)
    if name[-1:] in _TRAILING_LAST:
        name = _TRAILING.sub("", name)
    if counts_what_follows and name and (noun := _NOUN_AFTER.match(after)):
        name = noun.group(0)
    elif name in _BARE_VERBS:
        noun = _NOUN_AFTER.match(after)
        name = f"{name}{noun.group(0)}" if noun else ""
    name = name[-_MAX_NAME:]
    if len(name) < 2 or _DIGIT.search(name) or name.endswith(("年", "月", "日", "第")):
        return None
    return name


def _keep(name: str, unit: str, round_word: bool, qualifier: str | None) -> bool:
    if round_word and qualifier is None:
        return False
    return not (unit == "%" and _BUDGET_WORDS.search(name))


def _bounded_by_lines(paragraphs: list[Paragraph], folded_text: str) -> bool:
    """The paragraphs are whole lines of ``folded_text`` in document order: one scan of the whole
    text then finds in each paragraph what a scan of the paragraph alone finds."""
    end = 0
    for paragraph in paragraphs:
        if paragraph.start < end or folded_text[paragraph.start - 1 : paragraph.start] not in ("", "\n"):
            return False
        if folded_text[paragraph.end : paragraph.end + 1] not in ("", "\n"):
            return False
        end = paragraph.end
    return True


# (the paragraph, its folded text, a metric match in it, the match's offset in that text)
_Found = tuple[Paragraph, str, re.Match[str], int]


def _metric_matches(paragraphs: list[Paragraph], folded_text: str | None) -> Iterator[_Found]:
    if folded_text is None or not _bounded_by_lines(paragraphs, folded_text):
        for paragraph in paragraphs:
            if not _HAS_FIGURE.search(paragraph.text):
                continue
            folded = (
                fold(paragraph.text) if folded_text is None else folded_text[paragraph.start : paragraph.end]
            )
            for match in _METRIC.finditer(folded):
                yield paragraph, folded, match, 0
        return
    # One scan of the report instead of one per paragraph; matches in tables and portal lines
    # fall outside every paragraph and are dropped.
    starts = [paragraph.start for paragraph in paragraphs]
    last: Paragraph | None = None
    folded = ""
    for match in _METRIC.finditer(folded_text):
        at = bisect_right(starts, match.start()) - 1
        if at < 0 or match.end() > paragraphs[at].end:
            continue
        if paragraphs[at] is not last:
            last = paragraphs[at]
            folded = folded_text[last.start : last.end]
        yield last, folded, match, last.start


def _clause_run_end(text: str, at: int) -> int:
    """Where the run of characters that break no clause, starting at ``at``, ends."""
    run = _NOT_CLAUSE_BREAK.match(text, at)
    return run.end() if run else at


def narrative_metrics(
    paragraphs: list[Paragraph], folded_text: str | None = None
) -> list[dict[str, str | None]]:
    """Metrics of the paragraphs; ``folded_text`` is ``fold(Document.text)`` when the caller has it."""
    metrics: list[dict[str, str | None]] = []
    seen: set[tuple[str, str, str]] = set()
    reversed_of: Paragraph | None = None
    reversed_folded = ""
    for paragraph, folded, match, offset in _metric_matches(paragraphs, folded_text):
        if paragraph is not reversed_of:
            reversed_of, reversed_folded = paragraph, folded[::-1]
        match_start, match_end = match.start() - offset, match.end() - offset
        # The clause around the match, bounded by breaks: a run of non-breaks read backwards
        # from the match (in the reversed text) and forwards from its end.
        length = len(folded)
        begin = length - _clause_run_end(reversed_folded, length - match_start)
        end = _clause_run_end(folded, match_end)
        # A name is at most _MAX_NAME characters; a longer look back only costs regex time.
        before = folded[max(begin, match_start - _LOOK_BACK) : match_start]
        written, qualifier_after, unit = match.groups()
        qualifier = qualifier_after or _qualifier_before(before)
        round_word = written in _ROUND
        if round_word and qualifier is None:
            continue  # _keep refuses it whatever its name
        name = metric_name(before, folded[match_end:end])
        value = _ROUND.get(written, written)
        if name is None or not _keep(name, unit, round_word, qualifier):
            continue
        if (name, value, unit) in seen:
            continue
        seen.add((name, value, unit))
        metrics.append(
            {
                "name": name,
                "value": value,
                "unit": unit,
                "qualifier": qualifier if qualifier in _QUALIFIERS else None,
                "evidence": paragraph.text[begin:end].strip(),
            }
        )
        if len(metrics) >= _MAX_METRICS:
            return metrics
    return metrics
