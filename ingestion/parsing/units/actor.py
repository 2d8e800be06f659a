"""The unit that carries out the evaluation the report is about, where no title or form names it.

Reports of every kind say who did the work in one sentence: a unit's own self-evaluation
(``某县某局按要求开展了2023年度项目支出绩效自评工作``, with the office it did it with:
``某自治区某厅、财政厅组织开展了…自评工作``), or a finance office evaluating another's fund
(``某区财政局成立评价组对区某局…实施了绩效评价``), or picking the projects to be evaluated
(``某区财政局选取6个项目设为重点项目``). The unit is that subject: with its region
(or a name long enough to be its own), never a third party (an accounting firm, the evaluation
team itself) and never a mention of other or all units (各单位).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingestion.parsing.units.names import NOT_NAME_START, OWN_LEVEL, UNIT_SUFFIX, is_unit_name
from ingestion.regions import split_region_prefix

# The subject opens a clause: after a mark, a line break, a date's 年度/月/日, or at the start.
# A flattened PDF may space a date's digits from its 年 (2021 年某局…).
_CLAUSE_START = r"(?:^|(?<=[^\u4e00-\u9fff])(?:(?:(?<=\d)|(?<=\d[ \u3000]))(?:年度?|月|日))?)"
_ACTOR = re.compile(
    _CLAUSE_START +
    # 由某州财政局和第三方机构组成评价工作组: the same subject, the sentence turned round.
    rf"由?(?P<name>[\u4e00-\u9fff]{{3,30}}?{UNIT_SUFFIX}){OWN_LEVEL}"
    # …、财政厅 / …会同某局 / …和第三方机构: the office or the third party it worked with.
    rf"(?:(?:[、和与及]|会同)(?:[\u4e00-\u9fff]{{2,20}}?{UNIT_SUFFIX}|第三方(?:评价)?机构))*"
    r"(?:认真|及时|积极|统一|牵头|按要求)?(?:组织)?(?:开展了?|组建了?|组成了?|成立了?|抽调[^，。；,;]{0,12}?组成了?)"
    # …2023年度中央某补助资金绩效自评工作 / 评价小组 / 评价工作组
    r"[^，。；,;]{0,60}?(?:绩效)?(?:自评|评价|评估)(?:工作|小组|工作组|组)"
)
# Every match's verb opens with one of these. From a match's start to its verb stand only Han
# characters, 、 and brackets (由, 年度, the name, （本级）, the offices it worked with), and the
# character before the start is no Han character (or the start is the text's): the few positions
# that allows before each verb are the only ones where the pattern is tried (_subject_matches).
# Keep both in step with _ACTOR, UNIT_SUFFIX and OWN_LEVEL: a verb or a subject character added
# there and not here would go unfound.
_VERB = re.compile(r"开展|组建|组成|成立|抽调")
_SUBJECT_MARKS = "、（()）"
# 某区财政局选取2022年的6个项目设为重点项目 / 抽取…开展重点绩效评价: the office that picks the
# projects to be evaluated is the one reporting on them.
_CHOOSER_VERBS = ("选取", "抽取", "选定")
_CHOOSER = re.compile(
    rf"{_CLAUSE_START}(?P<name>[\u4e00-\u9fff]{{3,30}}?{UNIT_SUFFIX}){OWN_LEVEL}(?:{'|'.join(_CHOOSER_VERBS)})了?"
    r"[^。；;]{0,60}?(?:重点(?:绩效)?(?:评价)?项目|(?:开展|进行)[^。；;]{0,10}?绩效评价)"
)
# From a _CHOOSER match's start to its verb stand the same characters as in an _ACTOR match's.
_CHOOSER_VERB = re.compile("|".join(_CHOOSER_VERBS))
_THIRD_PARTY = re.compile(r"事务所|公司|咨询|评估|评价|专家|小组")
# A name this long is a unit's own, though no gazetteer knows its place.
_SPECIFIC_NAME = 12


def _is_own_unit(name: str) -> bool:
    if name[0] in NOT_NAME_START or _THIRD_PARTY.search(name) or not is_unit_name(name):
        return False
    region, rest = split_region_prefix(name)
    return (region is not None and is_unit_name(rest)) or len(name) >= _SPECIFIC_NAME


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _starts_before(text: str, verb_at: int, floor: int) -> list[int]:
    """The positions from ``floor`` up to ``verb_at`` where a match whose verb is at ``verb_at``
    may start, ascending: inside the run of Han characters and marks that ends at the verb, each
    after the text's start or after a character that is not Han."""
    run_start = verb_at
    while run_start > floor and (_is_han(text[run_start - 1]) or text[run_start - 1] in _SUBJECT_MARKS):
        run_start -= 1
    return [at for at in range(run_start, verb_at + 1) if at == 0 or not _is_han(text[at - 1])]


def _subject_matches(
    pattern: re.Pattern[str], verb_pattern: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields (``_ACTOR`` with ``_VERB``, ``_CHOOSER`` with
    ``_CHOOSER_VERB``), trying the pattern only where one may start (``_starts_before`` each
    verb): a scan of every position costs half a millisecond a report."""
    resume = 0  # where the last match ended, or past the positions tried so far
    for verb in verb_pattern.finditer(text):
        if verb.start() < resume:
            continue  # inside the last match: finditer goes on from its end
        for start in _starts_before(text, verb.start(), resume):
            match = pattern.match(text, start)
            if match is not None:
                yield match
                resume = match.end()
                break
        resume = max(resume, verb.start() + 1)


def evaluating_unit(text: str) -> tuple[str, int] | None:
    """The unit that says it carried out the evaluation (its self-evaluation, or its evaluation of
    another's fund), and where it is named."""
    if "评" not in text:
        return None
    for match in _subject_matches(_ACTOR, _VERB, text):
        if _is_own_unit(match["name"]):
            return match["name"], match.start("name")
    for match in _subject_matches(_CHOOSER, _CHOOSER_VERB, text):
        if _is_own_unit(match["name"]):
            return match["name"], match.start("name")
    return None
