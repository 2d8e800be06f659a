"""Staffing counts stated in prose (编制数, 实有人数, 行政编制 ...).

Each count is the first ``LABEL N人/名`` for its label (for 实有/在职, the year-end one where the
start and the end of the year are both given). 实有人数, 在职实有, 实有(在职)在编人员, 实际(财政供养)人员
(else 在职人数, 在职(在编)职工/教师, 年末在职N人) is ``actual``;
a bare 编制/编制数 or 核定人数 is ``authorized`` but 行政编制/事业编制 are their own fields
(and 工勤/政法专项 编制 are kinds of post, never the total),
except that the one kind of post a unit states is its total (全额事业编制40个); posts may be
counted in 个. A headcount (共有工作人员N人) stands in for 实有 when neither 实有 nor 在职 is stated;
a 实有 count whose parts name the retired (其中：在职人员6人，…退休人员2人) is its 在职 part.
离退休 is not 退休 (it also counts 离休). Forms exported as text put a label on one line and
its number alone on the next (``人员编制`` / ``128``); that layout counts as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.text import Passage, Span

_COUNT = r"(?:为|是|共|共有|有|达)?\s*(?P<n>\d{1,6})\s*(?:人|名)(?!次)"
# Posts are counted in 个 as well (核定事业编制12个): only after a 编制 label.
_POST_COUNT = r"(?:为|是|共|共有|有|达)?\s*(?P<n>\d{1,6})\s*(?:人|名|个)"
_LABELS: tuple[tuple[str, str], ...] = (
    (
        "actual",
        r"(?:年末|年未|年底)?(?:在职)?实有(?:在职|在编){0,2}(?:干部职工|干部|职工)?(?:人员|人数|数)?(?:总数)?|"
        # 实际在职人数, 实际财政供养人员: 实际 says 实有 in other words (a trainee count says 参训).
        r"(?:年末|年未|年底)?实际(?:在职|在编|财政供养|供养)?(?:人员|人数)(?:总数)?",
    ),
    (
        "actual_in_post",
        # 在岗职工 is the same count in a hospital's or a school's words; 在岗正式员工 a museum's.
        r"(?:年末|年未|年底)?(?:在职|在岗)(?:在编)?(?:正式)?(?:人数|人员|职工|员工|教职工|教师|干部)(?:总数)?|"
        r"(?:年末|年未|年底)在职",
    ),
    # 共有工作人员N人: the unit's headcount, when it states neither 实有 nor 在职.
    # A school's 教职工N人 is its headcount too, unless they are retired, hired or trained ones.
    (
        "actual_headcount",
        r"(?:共有|现有)(?:在岗)?(?:工作人员|干部职工|教职工|职工)|(?<![退离休聘招训新])教职工(?:总数|人数)?(?:共)?",
    ),
    ("authorized", r"(?<![政业公勤外项])(?:编制(?:数|总数|人数)?|核定(?:编制)?人数)|人员编制(?:数)?"),
    ("administrative", r"行政编制(?:数|人数)?"),
    ("institutional", r"事业编制(?:数|人数)?"),
    ("retired", r"(?<!离)退休(?:人员|人数)?"),
    ("contract", r"编外(?:长期)?(?:聘用|聘请|合同)?(?:人员|人数)"),
    ("public_welfare", r"公益性岗位(?:人员|人数)?"),
)
_POSTS = ("authorized", "administrative", "institutional")
_PATTERNS = tuple(
    (key, re.compile(rf"(?:{label}){_POST_COUNT if key in _POSTS else _COUNT}")) for key, label in _LABELS
)
# Words one of which each label contains: a passage with none of them cannot match.
_ANCHORS = {
    "actual": ("实有", "实际"), "actual_in_post": ("在职", "在岗"),
    "actual_headcount": ("共有", "现有", "教职工"),
    "authorized": ("编制", "核定"),
    "administrative": ("行政编制",), "institutional": ("事业编制",), "retired": ("退休",),
    "contract": ("编外",), "public_welfare": ("公益性岗位",),
}  # fmt: skip
# A passage with none of the anchors cannot match: one search tells so instead of a test per label.
_ANY_ANCHOR = re.compile("|".join(sorted({a for anchors in _ANCHORS.values() for a in anchors})))
_LABEL_ONLY = tuple((key, re.compile(rf"(?:{label})[：:]?")) for key, label in _LABELS)
_BARE_COUNT = re.compile(r"(?P<n>\d{1,6})\s*(?:人|名)?")
# Kinds of posts besides 行政/事业 编制: where one is named, a single kind is not the total.
_OTHER_POSTS = re.compile(r"(?:参公|参照公务员法管理|工勤|政法专项|差额(?:拨款)?|自收自支)(?:人员|事业)?编制")


# 实有人数8人，其中：在职人员6人，离休人员0人，退休人员2人: a 实有 count that holds the retired;
# the serving staff are its 在职 part.
_SERVING_PART = re.compile(
    r"[。，,；;]?\s*其中[:：，,]?\s*在职(?:人员|人数)?\s*(?P<n>\d{1,6})\s*[人名](?=[^。]{0,20}?退休)"
)
# A count stated for the start and the end of the year (年初在职职工60人…年末在职职工64人):
# the year-end one.
_YEAR_END_KEYS = ("actual", "actual_in_post")
_YEAR_END = ("年末", "年未", "年底")


def _year_end_first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return next((m for m in matches if m.group().startswith(_YEAR_END)), matches[0] if matches else None)


def _form_cell(line: str) -> str:
    """A line of a form exported as text, without the cell borders a pipe table leaves (``128 |``,
    and the empty cells' borders after a row's last value: ``128 | ||||``)."""
    return line.strip().rstrip("| \t\u3000")


def _label_lines(
    prose: Sequence[Passage], document_text: str, found: dict[str, int], spans: dict[str, Span]
) -> None:
    """A label alone on its line with its number alone on the next (a form as text)."""
    for passage, following in pairwise(prose):
        label, count = _form_cell(passage.text), _form_cell(following.text)
        if len(label) > 12 or not _BARE_COUNT.fullmatch(count):
            continue
        for key, pattern in _LABEL_ONLY:
            if key not in found and pattern.fullmatch(label):
                found[key] = int(count.rstrip("人名 "))
                spans[key] = Span(
                    document_text[passage.offset(0) : following.offset(len(following.text) - 1) + 1],
                    passage.offset(0),
                    following.offset(len(following.text) - 1) + 1,
                )
                break


def _sole_kind_of_post(prose: Sequence[Passage], found: dict[str, int], spans: dict[str, Span]) -> None:
    """The one kind of post a unit states (全额事业编制40个, and no other 编制) is its 编制 total;
    two kinds (行政编制 and 事业编制) are parts that are never added up."""
    kinds = [key for key in ("administrative", "institutional") if key in found]
    if "authorized" in found or len(kinds) != 1:
        return
    other = "事业编制" if kinds == ["administrative"] else "行政编制"
    if any(other in p.text or _OTHER_POSTS.search(p.text) for p in prose):
        return
    found["authorized"], spans["authorized"] = found[kinds[0]], spans[kinds[0]]


def prose_staffing(prose: Sequence[Passage], document_text: str, evidence: Evidence) -> dict[str, int]:
    found: dict[str, int] = {}
    spans: dict[str, Span] = {}
    for passage in prose:
        text = passage.text
        if "人" not in text and "名" not in text and "个" not in text:  # posts: 核定事业编制54个
            continue
        if not _ANY_ANCHOR.search(text):
            continue
        for key, pattern in _PATTERNS:
            if key in found or not any(anchor in text for anchor in _ANCHORS[key]):
                continue
            match = _year_end_first(pattern, text) if key in _YEAR_END_KEYS else pattern.search(text)
            if match and key == "actual" and (serving := _SERVING_PART.match(text, match.end())):
                match = serving  # 实有人数 counting the retired too: its serving part
            if match:
                found[key] = int(match["n"])
                spans[key] = passage.span(match.start(), match.end(), document_text)
    _label_lines(prose, document_text, found, spans)
    for fallback in ("actual_in_post", "actual_headcount"):
        if "actual" not in found and fallback in found:
            found["actual"], spans["actual"] = found[fallback], spans[fallback]
    found.pop("actual_in_post", None)
    found.pop("actual_headcount", None)
    _sole_kind_of_post(prose, found, spans)
    for key in found:
        cite(evidence, f"/staffing/{key}", spans[key])
    return found
