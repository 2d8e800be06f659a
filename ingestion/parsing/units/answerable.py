"""The evaluated unit a third party's report names as answerable for its material
(某中心对所提供数据资料的真实性、准确性负责).

An evaluation firm's report, written on a finance office's commission, states which unit gave it
the material and answers for it: the unit whose project was evaluated, which the report is about
(the commissioning office only ordered the work).
"""

from __future__ import annotations

import re

from ingestion.parsing.units.names import UNIT_SUFFIX, is_unit_name

_ANSWERABLE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff（）()]{{3,40}}?{UNIT_SUFFIX})对(?:[该本此]项目)?(?:所)?提供的?"
    r"[\u4e00-\u9fff]{0,8}?资料的?真实性[、和与及]{1,2}(?:完整性|准确性)[^。；]{0,12}?负责"
)
# A finance office orders the evaluation; it is never the one answering for a project's material.
_ORDERS_IT = re.compile(r"财政|审计|事务所|公司")


def answerable_unit(text: str) -> tuple[str, int] | None:
    """(the unit, its offset) answering for the material a third party evaluated, else None."""
    if "真实性" not in text:  # the regex tries every position: most reports never say it
        return None
    for match in _ANSWERABLE.finditer(text):
        name = match["name"]
        if is_unit_name(name) and not _ORDERS_IT.search(name):
            return name, match.start("name")
    return None
