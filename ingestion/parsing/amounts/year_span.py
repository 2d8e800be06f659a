"""Whether a sentence opens on several years: a figure it states is a total over all of them.

A budget stated after a span of years (2019—2021年, 2020年、2021年) is what those years had
together, never one year's budget, whatever stage its label names. Only years written before
the figure count: a comparison after it (与2019年相比) spans nothing.
"""

from __future__ import annotations

import re

# Two years joined by a dash or 至/到 (a range) or listed with 、/和/及/与 (each 年 or none).
_SPAN = re.compile(
    r"(?<!\d)(?P<first>(?:19|20)\d{2})\s*(?:年度?)?\s*(?:[-－—–~～至到]+|[、和及与])\s*"
    r"(?P<last>(?:19|20)\d{2})(?=\s*年)"
)


def spans_several_years(text: str) -> bool:
    """``text`` names a span of two different years (2019-2021年, 2021年、2022年)."""
    return any(m["first"] != m["last"] for m in _SPAN.finditer(text))
