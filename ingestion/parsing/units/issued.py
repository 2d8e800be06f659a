"""The unit that issued its own notice on the work it reports (并制发《某市某局关于做好绩效自评…的通知》).

A report citing a notice names whoever issued it; the notice is the reporting unit's own when the
report says it issued it (制发/印发/下发) and speaks of itself with the same office word (我局).
A finance or audit office issues notices to every department, so it is never taken this way.
"""

from __future__ import annotations

import re

from ingestion.parsing.units.names import UNIT_SUFFIX, is_unit_name

_ISSUED = re.compile(
    rf"(?:制发|印发|下发|出台)了?《(?P<name>[\u4e00-\u9fff]{{3,30}}?{UNIT_SUFFIX})关于[^》]{{2,60}}》"
)
_SELF_SUFFIX = re.compile(r"[我本](?P<suffix>厅|局|委|院|校|馆|中心|站|所|办)")
_ISSUES_TO_OTHERS = re.compile(r"财政|审计")


def issuing_unit(text: str) -> tuple[str, int] | None:
    """(the unit, its offset) whose own notice the report says it issued, else None."""
    own = {match["suffix"] for match in _SELF_SUFFIX.finditer(text)}
    if not own:
        return None
    for issued in _ISSUED.finditer(text):
        name = issued["name"]
        if is_unit_name(name) and name.endswith(tuple(own)) and not _ISSUES_TO_OTHERS.search(name):
            return name, issued.start("name")
    return None
