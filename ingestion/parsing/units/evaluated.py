"""The unit an evaluation is about, where an opening sentence or a project's description names it.

An evaluation opens on what it evaluated (``某市某局对2023年度某补贴使用情况开展了绩效评价``,
``我们对某县某中心某专项经费进行了绩效评价``): the unit whose fund it is, when the object opens
with a unit's name, else the unit doing it (its own fund). A third party's report describes the
project and names the unit carrying it out (``项目组织实施单位为某县某局``): the report is about
that unit, not about the office that commissioned it.
"""

from __future__ import annotations

import re

from ingestion.parsing.scan import matches_at
from ingestion.parsing.units.names import NOT_NAME_START, UNIT_END, UNIT_SUFFIX, first_name, is_unit_name
from ingestion.regions import split_region_prefix

_MAX_OBJECT = 60  # what the opening evaluated, between 对 and the verb
_MAX_LEAD = 8  # between the verb (开展了, 进行) and 绩效评价
_EVALUATION = "绩效评价"
_OPENING = re.compile(
    rf"(?:^|(?<=[^\u4e00-\u9fff]))(?P<subject>[\u4e00-\u9fff]{{2,30}}?{UNIT_SUFFIX}|我们|我[局委厅办])"
    rf"对(?P<object>[^，。；,;]{{2,{_MAX_OBJECT}}}?)(?:开展|进行|实施)了?[^，。；,;]{{0,{_MAX_LEAD}}}?{_EVALUATION}"
)
# Every opening holds its 对 two (我们) to 30 characters and a suffix from its start, and its
# 绩效评价 ends within _EVALUATION_REACH characters of that 对 (the object, a two-character verb,
# 了, the lead). The pattern, whose lazy subject the regex engine would try at every character of
# the report, is tried only before such a 对: a report says 对 a dozen times or more, and opens
# with an evaluation once if at all. The longest suffix is read off UNIT_SUFFIX's words (its
# lookarounds' words too: too far a reach costs time, never a match).
_LONGEST_SUFFIX = max(len(word) for word in re.findall(r"[\u4e00-\u9fff]+", UNIT_SUFFIX))
_SUBJECT_REACH = (2, 30 + _LONGEST_SUFFIX)
_EVALUATION_REACH = len("对") + _MAX_OBJECT + len("开展了") + _MAX_LEAD + len(_EVALUATION)
_YEAR = re.compile(r"^(?:(?:19|20)\d{2}年度?)")
_IMPLEMENTING = re.compile(
    rf"项目(?:组织)?(?:实施|承办|主管)(?:单位|部门)(?:为|是|系)(?P<name>[\u4e00-\u9fff（）()]{{3,30}}?{UNIT_SUFFIX})"
    r"(?=[（(，。；,;]|$)"
)
# A name this long is a unit's own, though no gazetteer knows its place.
_SPECIFIC_NAME = 12


def _specific_unit(name: str) -> bool:
    """A unit with its region (or a name long enough to be its own), never 各单位/全县."""
    if not name or name[0] in NOT_NAME_START or not is_unit_name(name):
        return False
    region, rest = split_region_prefix(name)
    return (region is not None and is_unit_name(rest)) or len(name) >= _SPECIFIC_NAME


def _opening_starts(text: str) -> list[int]:
    """Where an opening may start (ascending): before each 对 that 绩效评价 follows within reach."""
    nearest, farthest = _SUBJECT_REACH
    starts: list[int] = []
    at = text.find("对")
    while at >= 0:
        if text.find(_EVALUATION, at, at + _EVALUATION_REACH) >= 0:
            first = max(0, at - farthest, starts[-1] + 1 if starts else 0)
            starts.extend(range(first, at - nearest + 1))
        at = text.find("对", at + 1)
    return starts


def opening_unit(text: str) -> tuple[str, int] | None:
    """The unit an evaluation's opening sentence is about, and where it is named."""
    for match in matches_at(_OPENING, text, _opening_starts(text)):
        head = _YEAR.sub("", match["object"])
        evaluated = UNIT_END.match(head)
        name = first_name(evaluated.group()) if evaluated else ""
        if _specific_unit(name):
            return name, match.start("object") + len(match["object"]) - len(head)
        if _specific_unit(match["subject"]):
            return match["subject"], match.start("subject")
    return None


def implementing_unit(text: str) -> tuple[str, int] | None:
    """The unit a project's description says carries it out (项目组织实施单位为某县某局)."""
    for match in _IMPLEMENTING.finditer(text):
        name = first_name(match["name"])
        if _specific_unit(name):
            return name, match.start("name")
    return None
