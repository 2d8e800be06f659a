"""The unit a 决算's table of contents names, when nothing else does.

A 决算 page may open without its title (a portal's 索引号 line, then 目录), while its contents name
the unit in every part's title: ``二、2020年度某市审计局决算公开表`` / ``三、2020年度某市审计局决算
情况说明``. A name the contents give at least twice is the unit.
"""

from __future__ import annotations

import re
from collections import Counter

from ingestion.parsing.units.names import UNIT_SUFFIX, is_unit_name

_CONTENTS_LINE = re.compile(
    rf"^\s*(?:[一二三四五六七八九十]{{1,3}}[、.．]|第[一二三四五六七八九十]{{1,3}}部分)?\s*"
    rf"(?:19|20)\d{{2}}\s*年度?(?P<name>[\u4e00-\u9fff]{{2,30}}?{UNIT_SUFFIX})(?:部门|单位)?"
    r"(?:决算公开表|决算情况说明|决算说明|决算表|部门决算|单位决算)",
    re.MULTILINE,
)
_MIN_MENTIONS = 2
_SCAN = 3000


def contents_unit(text: str) -> tuple[str, int] | None:
    """(name, where it is first named) of the unit the contents name at least twice."""
    if "决算" not in text[:_SCAN]:
        return None
    found = [(m["name"], m.start("name")) for m in _CONTENTS_LINE.finditer(text, 0, _SCAN)]
    counts = Counter(name for name, _ in found)
    for name, at in found:
        if counts[name] >= _MIN_MENTIONS and is_unit_name(name):
            return name, at
    return None
