"""The unit signing the report at its end: the name above (or before) the closing date.

Reports close as letters do, in several shapes: the name on its own line above the date
(``某区水务局`` / ``2023年6月30日``), both on one line (``某区水务局 2023年6月30日``, spaced or not), the name
with its seal (``某区水务局（盖章）``), or both labelled (``报告单位：某区水务局`` / ``报告日期：…``).
A portal's footer (print and share links, 主办单位, 备案号) may follow, so the last lines of the
page are read, not only its very last.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.units.names import is_unit_name

_DATE = r"(?:(?:19|20)\d{2}|二[〇○零0O]..)\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日"
_DATE_LABEL = r"(?:(?:报告|填报|编制|报送|落款)?(?:日期|时间)\s*[:：]\s*)?"
_DATE_LINE = re.compile(rf"^\s*{_DATE_LABEL}{_DATE}\s*$")
# 某区水务局 2023年6月30日: the name and the date on one line, spaced apart or run together.
_NAME_AND_DATE = re.compile(rf"^\s*(?P<name>\S{{3,30}}?)\s*{_DATE}\s*$")
# 报告单位（盖章）：某区水务局: the label of the reporting unit, never the site's 主办单位.
_NAME_LABEL = re.compile(r"^(?:报告|编制|填报|报送|自评|申报)?单位(?:[（(](?:盖章|公章|章)[）)])?\s*[:：]\s*")
_SEAL = re.compile(r"\s*[（(](?:盖章|公章|章|签章)[）)]\s*$")
_MAX_NAME = 30
# The page's last lines: the signature, the date, and a portal's footer of a few lines below them.
_SIGNATURE_SCAN = 12


def _name(line: str) -> str | None:
    name = _SEAL.sub("", _NAME_LABEL.sub("", line.strip()))
    return name if is_unit_name(name) and len(name) <= _MAX_NAME else None


def signature_unit(document: Document) -> tuple[str, int] | None:
    """The unit signing the report, and where it is named (the last signature on the page)."""
    lines = [b for b in document.blocks[-_SIGNATURE_SCAN:] if isinstance(b, Paragraph) and b.text.strip()]
    found: tuple[str, int] | None = None
    for above, line in pairwise(lines):
        name = _name(above.text) if _DATE_LINE.match(line.text) else None
        if name:
            found = name, above.start + above.text.index(name)
    for line in lines:
        together = _NAME_AND_DATE.match(line.text)
        name = _name(together["name"]) if together else None
        if name and found is None:
            found = name, line.start + line.text.index(name)
    return found
