"""The unit a summary of its project self-evaluations names with the count of its projects.

A unit-wide 项目支出绩效自评总报告 opens its first part with the unit and how many projects it
ran that year: ``（一）某市某管理处2023年度共有4个项目``, ``某县某中心共实施3个项目``. The name
opens a clause (after a heading's number, a mark or a line break), and carries its region or is long
enough to be its own, so a generic 财政局 counting others' projects is not taken.
"""

from __future__ import annotations

import re

from ingestion.parsing.scan import anchored_finditer
from ingestion.parsing.units.names import NOT_NAME_START, OWN_LEVEL, UNIT_SUFFIX, is_unit_name
from ingestion.regions import split_region_prefix

_COUNT = r"(?:共有|共计|共安排|共实施)(?:项目)?\d{1,3}个(?:子?项目)"
_COUNTING = re.compile(
    rf"(?:^|(?<=[^\u4e00-\u9fff]))(?P<name>[\u4e00-\u9fff]{{3,30}}?{UNIT_SUFFIX}){OWN_LEVEL}"
    rf"(?:(?:19|20)\d{{2}}年度?)?{_COUNT}"
)
_ANCHORS = (("共", 3, 45),)
# The count every match ends with: a report without one (most) needs none of the tries at each 共.
_HAS_COUNT = re.compile(_COUNT)
# A name this long is a unit's own, though no gazetteer knows its place.
_SPECIFIC_NAME = 12


def counted_unit(text: str) -> tuple[str, int] | None:
    """The unit stating how many projects it ran, and where it is named."""
    if _HAS_COUNT.search(text) is None:
        return None
    for match in anchored_finditer(_COUNTING, text, _ANCHORS):
        name = match["name"]
        if name[0] in NOT_NAME_START or not is_unit_name(name):
            continue
        region, rest = split_region_prefix(name)
        if (region is not None and is_unit_name(rest)) or len(name) >= _SPECIFIC_NAME:
            return name, match.start("name")
    return None
