"""The unit a report names as itself in quotes: ``我单位“某区某服务中心”设立了…``.

Some national 决算 templates have the unit fill in its own name after 我单位/本单位 in quotes. A
quoted name after ``本单位为`` is another unit (the department it belongs to: 本单位为“某局”所属…),
so only a name right after the self-reference counts.
"""

from __future__ import annotations

import re

from ingestion.parsing.scan import anchored_finditer
from ingestion.parsing.units.names import is_unit_name

_SELF_QUOTED = re.compile(
    r"[我本](?:单位|部门|中心|局|委|院|校|馆|站|所|办)[“\"「『](?P<name>[\u4e00-\u9fff（）()]{3,40})[”\"」』]"
    # 我单位“某中心”所属…: a unit it belongs to, not its own name.
    r"(?![\u4e00-\u9fff]{0,2}(?:所属|下属|主管))"
)
_ANCHORS = (("我", 0, 0), ("本", 0, 0))


def self_named_unit(text: str) -> tuple[str, int] | None:
    """The unit the report quotes as its own name, and where it is named."""
    for match in anchored_finditer(_SELF_QUOTED, text, _ANCHORS):
        if is_unit_name(match["name"]):
            return match["name"], match.start("name")
    return None
