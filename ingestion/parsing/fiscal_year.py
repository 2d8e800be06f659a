"""The fiscal year a report covers.

The title's year when it states one: a parenthesised ``（2024年度）`` first (the year a form is
for, beside a project named after an earlier year), then a ``20XX年度``, then a ``20XX年`` or a
year a file name writes with no 年 (``某局2021整体支出…报告``), either of which an announcement may
use for the year it evaluates in (when the body's ``年度`` name the year before more often, that
is the year covered); a range (``2019-2021年度``) covers several years
and leaves the year null; a cover's 二〇二三年度 or a flattened PDF's 2 0 2 3 年度 reads as
2023. Without a title year, a
form field that names it (评价年度：2024), else the year the text names most often (``年度``
counting double, a cited document's title (《…》) half, a date such as 2025年6月27日 only where
nothing else names a year); a tie goes to the year an evaluation takes as its object
(对2023年度某补助资金开展绩效评价), else leaves it null with a warning. An evaluation that
selects a year's spending (选取2023年度…项目) covers that year, however often it names the year it
is done in. Years in a comparison
(较2020年度) are not counted, nor, against a title's bare year, those in cited titles.
"""

from __future__ import annotations

import re
from collections import Counter

from ingestion.parsing.scan import anchored_finditer, anchored_search
from ingestion.parsing.text import fold

# A form field that names the year outright (评价年度：2024).
_YEAR_FIELD = re.compile(r"(?:评价|预算|所属|报告|会计)年度\s*[：:]\s*((?:19|20)\d{2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(度)?")
_TITLE_YEARS = (
    re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年度?\s*[）)]"),
    re.compile(r"(?<![\d-])((?:19|20)\d{2})\s*年度"),
    re.compile(r"(?<![\d-])((?:19|20)\d{2})\s*年"),
    # 某局2021整体支出绩效报告, 2022某县决算: a file name's year written without 年, read
    # like a bare 年 where the title's topic or unit follows it.
    re.compile(
        r"(?<![\d\-.])((?:19|20)\d{2})(?![\d.\-])\s*(?=[\u4e00-\u9fff])"
        # …not a date's, a number's or an amount's (2000万元, 2022号, 2020项 but 2022项目).
        r"(?![年月日号期届次元万亿人个户套亩米吨件台辆天余多条座间份名家所]|项(?!目))"
    ),
)
_BARE_RANKS = (2, 3)
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-－—~至到]\s*(?:19|20)\d{2}\s*年")
# Where matches hold a literal (see ``scan``): a year starts with 19/20; a field has 年度 after 2.
_YEAR_ANCHORS = (("19", 0, 0), ("20", 0, 0))
_YEAR_FIELD_ANCHORS = (("年度", 2, 2),)
_FIELD_SCAN = 5000
# 开展2024年度绩效重点评价，选取2023年度州级32个项目: an evaluation names the year it is done in
# as often as it likes; the spending it selected (选取/抽取 a year's projects) is the year covered.
_SELECTED = re.compile(r"(?:选取|抽取)了?[^，。；,;\d]{0,30}?((?:19|20)\d{2})\s*年度?(?!\s*\d{1,2}\s*月)")
# 对2023年度某补助资金开展绩效评价: the year of the spending the evaluation took as its object; it
# settles only a tie (the body naming the year it works in as often counts for more).
_EVALUATED_YEAR = re.compile(
    r"(?<![\u4e00-\u9fff])对((?:19|20)\d{2})\s*年度[^，。；,;]{1,30}?(?:进行|开展)了?[^，。；,;]{0,6}?评价"
)


# A cover's year in numerals (二〇二三年度) or letter-spaced by a flattened PDF (2 0 2 3 年度).
_NUMERAL_YEAR = re.compile(
    r"(?<![一二三四五六七八九十〇○零])(?:一九|二[〇○零O0])[一二三四五六七八九〇○零O0]{2}(?=\s*年)"
)
_NUMERALS = str.maketrans("〇○零O一二三四五六七八九", "0000123456789")
_SPACED_YEAR = re.compile(r"(?<!\d)(?<!\d\s)((?:1\s*9|2\s*0)\s*\d\s*\d)(?=\s*年)")


def _arabic_years(title: str) -> str:
    title = _NUMERAL_YEAR.sub(lambda m: m.group().translate(_NUMERALS), title)
    return _SPACED_YEAR.sub(lambda m: re.sub(r"\s+", "", m.group()), title)


def _title_year(title: str, text: str) -> tuple[int | None, list[str]] | None:
    folded = _arabic_years(fold(title))
    if _YEAR_RANGE.search(folded):
        return None, [f"fiscal_year: the title {title!r} covers several years; left null"]
    for rank, pattern in enumerate(_TITLE_YEARS):
        found = pattern.search(folded)
        if found:
            year = int(found.group(1))
            bare = rank in _BARE_RANKS
            return (_evaluated_year(year, text) if bare else year), []
    return None


# Years that name no year the report covers: in a comparison (较2020年度决算数); and, weighed against
# a title's bare year, in a cited document's title (《关于开展2020年度…的通知》).
# It opens with the word, kept when the year is blanked: a leading lookbehind (?<=较|比) would be
# tried at every character of the report.
_COMPARED = re.compile(r"[较比](?P<year>\s*(?:19|20)\d{2})")
_CITED = re.compile(r"《[^《》]{0,120}》")
# 2025年6月27日, 截至2025年6月: a point in time (a publication, a progress date), not a year covered;
# 12月31日 / 1-12月 close or span the year covered.
_DATE = re.compile(r"\s*(?!12\s*月|1\s*[-—~至]\s*12\s*月)\d{1,2}\s*月")


def _counted(text: str, blank_cited: bool) -> str:
    folded = fold(text)
    for pattern, hint in ((_COMPARED, "较"), (_COMPARED, "比"), (_CITED, "《")):
        if hint in folded and (blank_cited or pattern is not _CITED):
            folded = pattern.sub(_blank_year if pattern is _COMPARED else _blank, folded)
    return folded


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _blank_year(match: re.Match[str]) -> str:
    return match.group()[0] + " " * len(match["year"])


def _evaluated_year(year: int, text: str) -> int:
    """A title's bare 20XX年 may be the year of the evaluation (2023年某项资金绩效评价结果的公告)
    while the body reports on the year before (2023年度项目): then the body's 年度 decides."""
    stated = Counter(
        int(m.group(1))
        for m in anchored_finditer(_YEAR, _counted(text, blank_cited=True), _YEAR_ANCHORS)
        if m.group(2)
    )
    return year - 1 if stated[year - 1] > stated[year] else year


# 上年度部门整体支出绩效自评报告, 我局上一年度…: the year covered is the one before the report's
# dates (its publication, its closing date), which are then the only years it names; a comparison
# (较上年度) says nothing of it. A portal writes its dates with dashes too (发布日期:2024-06-15).
_LAST_YEAR = re.compile(r"(?<![较比与同])上一?年度")
_DASHED_DATE = re.compile(
    r"(?<![\d.\-])((?:19|20)\d{2})[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)"
)


def _last_year(title: str | None, folded: str, published: str) -> int | None:
    """The year before the latest date (the portal's 发布时间 among them), where the report names
    its year only as 上年度."""
    if not _LAST_YEAR.search(fold(title or "") + folded):
        return None
    dated = folded + "\n" + fold(published)
    dates = [int(m.group(1)) for m in anchored_finditer(_YEAR, dated, _YEAR_ANCHORS)]
    dates += [int(m.group(1)) for m in _DASHED_DATE.finditer(dated)]
    return max(dates) - 1 if dates else None


def _names_a_year(folded: str) -> bool:
    """Whether a year is named other than in a date (2025年6月27日 is a date)."""
    return any(not _DATE.match(folded, m.end()) for m in anchored_finditer(_YEAR, folded, _YEAR_ANCHORS))


def _year_counts(folded: str) -> Counter[int]:
    """Each year's weight: a 年度 counts double, a cited document's title (《关于下达2025年…的通知》,
    named by the year it was issued in) half, a date (2025年6月27日) not at all unless nothing
    else names a year."""
    counts: Counter[int] = Counter()
    dates: Counter[int] = Counter()
    cited = [(m.start(), m.end()) for m in _CITED.finditer(folded)] if "《" in folded else []
    for match in anchored_finditer(_YEAR, folded, _YEAR_ANCHORS):
        year = int(match.group(1))
        if _DATE.match(folded, match.end()):
            dates[year] += 1
            continue
        weight = 4 if match.group(2) else 2
        counts[year] += weight // 2 if any(a <= match.start() < b for a, b in cited) else weight
    return counts or dates


def fiscal_year(title: str | None, text: str, published: str = "") -> tuple[int | None, list[str]]:
    """(the year, warnings) from the title, else a year field, else the year named most often;
    ``published``: the portal's dates, for a report naming its year only as 上年度."""
    if title:
        stated = _title_year(title, text)
        if stated is not None:
            return stated
    field = anchored_search(_YEAR_FIELD, text[:_FIELD_SCAN], _YEAR_FIELD_ANCHORS)
    if field:
        return int(field.group(1)), []
    selected = _SELECTED.search(_counted(text[:_FIELD_SCAN], blank_cited=True))
    if selected:
        return int(selected.group(1)), []
    folded = _counted(text, blank_cited=False)
    counts = _year_counts(folded)
    if not counts or not _names_a_year(folded):
        last = _last_year(title, folded, published)
        if last is not None:
            return last, []
    if not counts:
        return None, []
    ranked = counts.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        evaluated = _EVALUATED_YEAR.search(folded)
        if evaluated and int(evaluated.group(1)) in (ranked[0][0], ranked[1][0]):
            return int(evaluated.group(1)), []
        return None, [f"fiscal_year: {ranked[0][0]} and {ranked[1][0]} are named equally often; left null"]
    return ranked[0][0], []
