"""The unit an evaluation is about, where an opening sentence or a project's description names it.

An evaluation opens on what it evaluated (``某市某局对2023年度某补贴使用情况开展了绩效评价``,
``我们对某县某中心某专项经费进行了绩效评价``): the unit whose fund it is, when the object opens
with a unit's name, else the unit doing it (its own fund). A third party's report describes the
project and names the unit carrying it out (``项目组织实施单位为某县某局``): the report is about
that unit, not about the office that commissioned it.
"""

from __future__ import annotations

import re

from ingestion.parsing.scan import anchored_finditer
from ingestion.parsing.units.names import NOT_NAME_START, UNIT_END, UNIT_SUFFIX, first_name, is_unit_name
from ingestion.regions import split_region_prefix

_OPENING = re.compile(
    rf"(?:^|(?<=[^\u4e00-\u9fff]))(?P<subject>[\u4e00-\u9fff]{{2,30}}?{UNIT_SUFFIX}|我们|我[局委厅办])"
    r"对(?P<object>[^，。；,;]{2,60}?)(?:开展|进行|实施)了?[^，。；,;]{0,8}?绩效评价"
)
# Every opening holds its 对 two (我们) to 35 characters (30 and the longest suffix, 街道办事处) from
# its start: the pattern, whose lazy subject the regex engine would try at every character of the
# report, is tried only there (ingestion.parsing.scan).
_OPENING_ANCHORS = (("对", 2, 35),)
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


def opening_unit(text: str) -> tuple[str, int] | None:
    """The unit an evaluation's opening sentence is about, and where it is named."""
    for match in anchored_finditer(_OPENING, text, _OPENING_ANCHORS):
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
