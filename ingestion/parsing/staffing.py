"""Staffing counts stated in prose (编制数, 实有人数, 行政编制 ...).

Each count is the first ``LABEL N人/名`` for its label. 实有人数 (else 在职人数) is ``actual``;
a bare 编制/编制数 is ``authorized`` but 行政编制/事业编制 are their own fields; 离退休 is
not 退休 (it also counts 离休).
"""

from __future__ import annotations

import re

from ingestion.documents.model import Paragraph
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.text import Span, fold

STAFF_KEYS = (
    "authorized",
    "actual",
    "administrative",
    "institutional",
    "retired",
    "contract",
    "public_welfare",
)
_COUNT = r"(?:为|是|共|共有|有|达)?\s*(?P<n>\d{1,6})\s*(?:人|名)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("actual", re.compile(rf"(?:年末|年未|年底)?实有(?:在职)?(?:人员|人数)(?:总数)?{_COUNT}")),
    ("actual_in_post", re.compile(rf"在职(?:人数|人员)(?:总数)?{_COUNT}")),
    ("authorized", re.compile(rf"(?<![政业公勤外])编制(?:数|总数|人数)?{_COUNT}")),
    ("administrative", re.compile(rf"行政编制(?:数|人数)?{_COUNT}")),
    ("institutional", re.compile(rf"事业编制(?:数|人数)?{_COUNT}")),
    ("retired", re.compile(rf"(?<!离)退休(?:人员|人数){_COUNT}")),
    ("contract", re.compile(rf"编外(?:长期)?(?:聘用|聘请|合同)?(?:人员|人数){_COUNT}")),
    ("public_welfare", re.compile(rf"公益性岗位(?:人员|人数)?{_COUNT}")),
)


def prose_staffing(paragraphs: list[Paragraph], evidence: Evidence) -> dict[str, int]:
    found: dict[str, int] = {}
    spans: dict[str, Span] = {}
    for paragraph in paragraphs:
        if "人" not in paragraph.text and "名" not in paragraph.text:
            continue
        folded = fold(paragraph.text)
        for key, pattern in _PATTERNS:
            if key in found:
                continue
            match = pattern.search(folded)
            if match:
                found[key] = int(match["n"])
                spans[key] = Span(
                    paragraph.text[match.start() : match.end()],
                    paragraph.start + match.start(),
                    paragraph.start + match.end(),
                )
    if "actual" not in found and "actual_in_post" in found:
        found["actual"], spans["actual"] = found["actual_in_post"], spans["actual_in_post"]
    found.pop("actual_in_post", None)
    for key in found:
        cite(evidence, f"/staffing/{key}", spans[key])
    return found
