"""Staffing counts stated in prose (编制数, 实有人数, 行政编制 ...).

Each count is the first ``LABEL N人/名`` for its label (for 实有/在职, the year-end one where the
start and the end of the year are both given). 实有人数, 在职实有, 实有在编人员 (else 在职人数,
在职职工/教师) is ``actual``;
a bare 编制/编制数 or 核定人数 is ``authorized`` but 行政编制/事业编制 are their own fields;
离退休 is not 退休 (it also counts 离休). Forms exported as text put a label on one line and
its number alone on the next (``人员编制`` / ``128``); that layout counts as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.text import Passage, Span

_COUNT = r"(?:为|是|共|共有|有|达)?\s*(?P<n>\d{1,6})\s*(?:人|名)"
_LABELS: tuple[tuple[str, str], ...] = (
    ("actual", r"(?:年末|年未|年底)?(?:在职)?实有(?:在职|在编)?(?:人员|人数|数)?(?:总数)?"),
    ("actual_in_post", r"(?:年末|年未|年底)?在职(?:人数|人员|职工|教职工|教师|干部)(?:总数)?"),
    ("authorized", r"(?<![政业公勤外])(?:编制(?:数|总数|人数)?|核定(?:编制)?人数)|人员编制(?:数)?"),
    ("administrative", r"行政编制(?:数|人数)?"),
    ("institutional", r"事业编制(?:数|人数)?"),
    ("retired", r"(?<!离)退休(?:人员|人数)?"),
    ("contract", r"编外(?:长期)?(?:聘用|聘请|合同)?(?:人员|人数)"),
    ("public_welfare", r"公益性岗位(?:人员|人数)?"),
)
_PATTERNS = tuple((key, re.compile(rf"(?:{label}){_COUNT}")) for key, label in _LABELS)
# Words one of which each label contains: a passage with none of them cannot match.
_ANCHORS = {
    "actual": ("实有",), "actual_in_post": ("在职",), "authorized": ("编制", "核定"),
    "administrative": ("行政编制",), "institutional": ("事业编制",), "retired": ("退休",),
    "contract": ("编外",), "public_welfare": ("公益性岗位",),
}  # fmt: skip
_LABEL_ONLY = tuple((key, re.compile(rf"(?:{label})[：:]?")) for key, label in _LABELS)
_BARE_COUNT = re.compile(r"(?P<n>\d{1,6})\s*(?:人|名)?")


# A count stated for the start and the end of the year (年初在职职工60人…年末在职职工64人):
# the year-end one.
_YEAR_END_KEYS = ("actual", "actual_in_post")
_YEAR_END = ("年末", "年未", "年底")


def _year_end_first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return next((m for m in matches if m.group().startswith(_YEAR_END)), matches[0] if matches else None)


def _label_lines(
    prose: Sequence[Passage], document_text: str, found: dict[str, int], spans: dict[str, Span]
) -> None:
    """A label alone on its line with its number alone on the next (a form as text)."""
    for passage, following in pairwise(prose):
        if len(passage.text) > 12 or not _BARE_COUNT.fullmatch(following.text):
            continue
        for key, pattern in _LABEL_ONLY:
            if key not in found and pattern.fullmatch(passage.text):
                found[key] = int(following.text.rstrip("人名 "))
                spans[key] = Span(
                    document_text[passage.offset(0) : following.offset(len(following.text) - 1) + 1],
                    passage.offset(0),
                    following.offset(len(following.text) - 1) + 1,
                )
                break


def prose_staffing(prose: Sequence[Passage], document_text: str, evidence: Evidence) -> dict[str, int]:
    found: dict[str, int] = {}
    spans: dict[str, Span] = {}
    for passage in prose:
        text = passage.text
        if "人" not in text and "名" not in text:
            continue
        for key, pattern in _PATTERNS:
            if key in found or not any(anchor in text for anchor in _ANCHORS[key]):
                continue
            match = _year_end_first(pattern, text) if key in _YEAR_END_KEYS else pattern.search(text)
            if match:
                found[key] = int(match["n"])
                spans[key] = passage.span(match.start(), match.end(), document_text)
    _label_lines(prose, document_text, found, spans)
    if "actual" not in found and "actual_in_post" in found:
        found["actual"], spans["actual"] = found["actual_in_post"], spans["actual_in_post"]
    found.pop("actual_in_post", None)
    for key in found:
        cite(evidence, f"/staffing/{key}", spans[key])
    return found
