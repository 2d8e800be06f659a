"""A unit's short form (某区发改委, 某县人社局) written out where the text names it in full.

A title often shortens the office (发改委 for 发展和改革委员会, 人社局 for 人力资源和社会保障局,
市场监管局 for 市场监督管理局) while the body names it in full. The full name keeps the short one's
characters in order, starts with the same one and ends in the same office suffix, and does not
merely go on after the short form's words (教育局 / 教育体育局 are two offices); with a region in
the short form the full name must carry the same region.
"""

from __future__ import annotations

import re

from ingestion.parsing.units.names import UNIT_SUFFIX, first_name, is_unit_name, strip_region
from ingestion.regions import split_region_prefix

# A short form has a few characters before its suffix; a longer name is a name of its own.
_MAX_SHORT = 6
_MAX_FULL = 20
# The full name is looked for near the top, where reports introduce their unit.
_SCAN = 20000
# The written-out suffix that a short form's last character stands for (委 -> 委员会, 办 -> 办公室).
_SUFFIX_END = re.compile(rf"{UNIT_SUFFIX}$")
_SUFFIX_RUN = 2
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _keeps_in_order(short: str, full: str) -> bool:
    at = 0
    for char in short:
        at = full.find(char, at) + 1
        if at == 0:
            return False
    return True


def _abbreviates(short: str, full: str) -> bool:
    """``short`` (发改委) is a shortening of ``full`` (发展和改革委员会)."""
    if len(full) <= len(short) + 1 or not _keeps_in_order(short, full) or "关于" in full:
        return False
    # 水文局 / 水文水资源勘测局, 教育局 / 教育体育局: a name that goes on after the short form's
    # words is another office's (or a merged one's), not the short form written out.
    if full.startswith(short[:-1]):
        return False
    suffix = _SUFFIX_END.search(full)
    return (
        suffix is not None
        and short[-1] in suffix.group()
        and _CJK_ONLY.fullmatch(full) is not None
        and is_unit_name(full)
    )


def written_out(name: str, text: str) -> str | None:
    """The short-form unit ``name`` with its office written out as ``text`` names it, else None."""
    region, short = split_region_prefix(name)
    if not 2 <= len(short) <= _MAX_SHORT:
        return None
    prefix = name[: len(name) - len(short)]
    scanned = text[:_SCAN]
    at = scanned.find(short[0])
    while at >= 0:
        placed = region is None or scanned[:at].endswith(region.name)
        ends = range(at + len(short) + 2, min(at + _MAX_FULL, len(scanned)) + 1) if placed else range(0)
        found = [end for end in ends if _abbreviates(short, scanned[at:end])]
        if found:
            # 发展和改革委 / 发展和改革委员会: the suffix written out to its end.
            return prefix + scanned[at : max(end for end in found if end <= found[0] + _SUFFIX_RUN)]
        at = scanned.find(short[0], at + 1)
    return None


# A portal's section names its office by level alone (市应急局 on a city's site).
_LEVEL_PREFIX = re.compile(r"^[省市县区州盟旗]")


def same_office(short: str, full: str) -> bool:
    """A site section's short name (市应急局) for the office a page names in full (某市应急管理局
    （某市地震局）): its characters in order in the full name's first name, the same last one.
    Looser than ``written_out``: the portal itself says both stand for the page's office."""
    bare_short = _LEVEL_PREFIX.sub("", strip_region(short))
    bare_full = strip_region(first_name(full))
    return (
        len(bare_short) < len(bare_full)
        and bare_short[-1:] == bare_full[-1:]
        and _keeps_in_order(bare_short, bare_full)
    )
