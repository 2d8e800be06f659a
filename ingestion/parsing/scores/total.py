"""The total self-evaluation score stated in prose (本次绩效自评评分91分, 自评得分为96分, the 自评
clause cut off before its subject: 经自评，该项目得分95分), or in
a form's 自评得分 cell read as text (``自评得分 | 91``, the number on the next line, or a form
flattened to one run ``…自评得分91财政评分…``), or the total row of a form whose cells a PDF copy
ran onto one line out of order, when its figures add up to it (``flat``). A score may
go without 分 when its grade follows (最终得分85.5，等级为良). Last, a total row read as text or
as a table's cells: 总分, the scale 100, then the score (总分 | 100 | 92 | 优, 总分10092), or a
form's total row copied as a line of its own after its 得分 column (``总分：87``)."""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.documents.model import Paragraph, Table
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.scores.flat import flattened_total
from ingestion.parsing.scores.hinted_lines import HintedLines
from ingestion.parsing.text import Span, fold

# A score written without 分 but followed by its grade (最终得分85.5，等级为良; 评分92（优）).
_GRADE_FOLLOWS = (
    r"(?=[，,、\s]*(?:(?:评价|绩效|综合)?(?:等级|等次|评级)|评定为|"
    r"[（(]?(?:优秀?|良好?|中等?|合格|差)[）)，,。]))"
)
_SCORE = re.compile(
    r"(?:自评|评价|考评)[^，,。；;\d]{0,12}?(?:总得分|综合得分|得分|评分|总分|分数|结果)(?:为|是|：|:)?\s*"
    rf"(?P<score>\d{{1,3}}(?:\.\d{{1,3}})?)\s*(?:分|{_GRADE_FOLLOWS})"
)
# 经自评，该项目得分95分: the 自评 clause cut off by a comma before its subject, the project, fund
# or unit as a whole (not an indicator's or a part's: 该指标得分5分, 项目决策得分18分).
_CUT_SCORE = re.compile(
    r"经(?:过)?(?:绩效)?(?:自评|评价|考评|综合评价)[，,]\s*(?:[该本我]?(?:项目|资金|单位|部门|局|中心))?"
    r"(?:(?!指标|决策|过程|产出|效益|管理)[^，,。；;\d]){0,6}?"
    r"(?:总得分|综合得分|最终得分|得分|评分|总分)(?:为|是|：|:)?\s*"
    rf"(?P<score>\d{{1,3}}(?:\.\d{{1,3}})?)\s*(?:分|{_GRADE_FOLLOWS})"
)
# Without 自评/评价 before it a score word must say it is the total: 综合得分, 总得分, 最终得分, 评分为.
# 总分 only with 为/是/： (总分100分 is the scale); 得分 alone stays out (an indicator's).
_TOTAL_SCORE = re.compile(
    r"(?:(?:综合得分|总得分|最终得分|综合评分|最终评分|评分结果|(?<![指标])评分)(?:为|是|：|:)?"
    r"|总分(?:为|是|：|:))\s*(?P<score>\d{1,3}(?:\.\d{1,3})?)"
    rf"\s*(?:分|{_GRADE_FOLLOWS})"
)
# A form's cell (自评得分 | 91, one cell per line, or a form flattened to 自评得分91财政评分…):
# the number needs no 分. Below MIN_FORM_SCORE it is a row's serial or an execution score.
_FORM_SCORE = re.compile(
    r"(?:自评得分|自评总分|自评总得分)(?:[(（]分[)）])?(?:[ \t\u3000]*[|:：][ \t\u3000]*|[ \t\u3000])*"
    r"(?P<score>\d{1,3}(?:\.\d{1,2})?)(?![\d.%％])"
)
_FORM_SCORE_HINTS = ("自评得分", "自评总分", "自评总得分")
# A form's total row read as text: 总分, the scale 100, then the score (总分 | 100 | 92 | 优, or run
# together as 总分10092). The score must stand alone (not 100%, not a part of a larger figure);
# below MIN_FORM_SCORE it is another cell.
_SCALE_THEN_SCORE = re.compile(
    r"总分[ \t\u3000|:：]*100[ \t\u3000|]*(?P<score>\d{1,3}(?:\.\d{1,2})?)(?![\d.%％分])"
)
_SCALE_HINTS = ("总分",)
# A form's total row as a line of its own (总分：87, 总分: 87分): the form's score when a 得分 column
# header stands in the lines before it and it is the only such line (several projects' forms, one
# score each, have no report's score). 100 stays out: it may be the scale.
_LONE_TOTAL = re.compile(r"^总分[ \t\u3000]*[:：][ \t\u3000]*(?P<score>\d{1,2}(?:\.\d{1,2})?)分?$")
_SCORE_HEADER = "得分"
_HEADER_REACH = 40  # lines: a form's indicator rows between its header and its total row
# A total row's cells: 总分 | 100 | the score, then its grade or nothing.
_SCORE_CELL = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
GRADE_CELL = re.compile(r"^(?:优秀?|良好?|中等?|合格|及格|差|不合格)$")
MIN_FORM_SCORE = Decimal(30)
# Words every match of the pattern holds (folding leaves them alone): other lines skip the regex.
_SCORE_HINTS = ("自评", "评价", "考评")
_TOTAL_SCORE_HINTS = ("得分", "评分", "总分")
MAX_SCORE = Decimal(100)
# A score stated in prose may pass 100 by bonus points (加分项: 自评得分103.5分), and a weighted
# total may carry three decimals; a form's cell stays within the scale.
_MAX_PROSE_SCORE = Decimal(110)
_LOOKAHEAD = 12


def as_json_number(value: Decimal) -> int | float:
    """Scores are JSON numbers: an int when integral."""
    return int(value) if value == value.to_integral_value() else float(value)


def prose_self_score(paragraphs: list[Paragraph], evidence: Evidence) -> int | float | None:
    """The first total score the prose states; a 自评/评价 score before any bare 综合得分."""
    lines = HintedLines([paragraph.text for paragraph in paragraphs], _LOOKAHEAD)
    for pattern, hints in (
        (_SCORE, _SCORE_HINTS),
        (_CUT_SCORE, _SCORE_HINTS),
        (_TOTAL_SCORE, _TOTAL_SCORE_HINTS),
        (_FORM_SCORE, _FORM_SCORE_HINTS),
    ):
        found = _first_score(paragraphs, lines, pattern, hints, evidence)
        if found is not None:
            return found
    flattened = flattened_total(paragraphs)
    if flattened is None:
        scaled = _first_score(paragraphs, lines, _SCALE_THEN_SCORE, _SCALE_HINTS, evidence)
        return scaled if scaled is not None else _lone_total(paragraphs, evidence)
    cite(evidence, "/self_score", flattened[1])
    return as_json_number(flattened[0])


def table_total_row(tables: list[Table], document_text: str, evidence: Evidence) -> int | float | None:
    """The score of a total row whose cells are 总分, 100 (the scale) and the score, then its grade
    or nothing: a form read as a table whose indicator rows are too broken to read as such."""
    for table in tables:
        for row in table.rows:
            texts = [fold(cell.text).strip() for cell in row]
            for at, text in enumerate(texts[:-2]):
                score = texts[at + 2]
                if text != "总分" or texts[at + 1] != "100" or not _SCORE_CELL.match(score):
                    continue
                rest = texts[at + 3 :]
                value = Decimal(score)
                if MIN_FORM_SCORE <= value <= MAX_SCORE and (not rest or GRADE_CELL.match(rest[0])):
                    start, end = row[at].start, row[at + 2].end
                    cite(evidence, "/self_score", Span(document_text[start:end], start, end))
                    return as_json_number(value)
    return None


def _lone_total(paragraphs: list[Paragraph], evidence: Evidence) -> int | float | None:
    """The score of the one form total row standing as a line of its own (``_LONE_TOTAL``)."""
    found: list[tuple[Decimal, Paragraph]] = []
    for position, paragraph in enumerate(paragraphs):
        if "总分" not in paragraph.text:
            continue
        match = _LONE_TOTAL.match(fold(paragraph.text).strip())
        if match is None:
            continue
        value = Decimal(match["score"])
        before = paragraphs[max(0, position - _HEADER_REACH) : position]
        if value >= MIN_FORM_SCORE and any(_SCORE_HEADER in line.text for line in before):
            found.append((value, paragraph))
    if len(found) != 1:
        return None
    value, paragraph = found[0]
    cite(evidence, "/self_score", Span(paragraph.text, paragraph.start, paragraph.end))
    return as_json_number(value)


def _first_score(
    paragraphs: list[Paragraph],
    lines: HintedLines,
    pattern: re.Pattern[str],
    hints: tuple[str, ...],
    evidence: Evidence,
) -> int | float | None:
    """The first score ``pattern`` finds in the lines holding one of ``hints`` (``lines``: the
    paragraphs' texts)."""
    for position in lines.holding(hints):
        paragraph = paragraphs[position]
        # PDF text breaks lines anywhere (自评得分 / 90 分): read the start of the next line too.
        following = paragraphs[position + 1].text[:_LOOKAHEAD] if position + 1 < len(paragraphs) else ""
        text = paragraph.text + following
        for match in pattern.finditer(fold(text)):
            value = Decimal(match["score"])
            cap = _MAX_PROSE_SCORE if pattern in (_SCORE, _CUT_SCORE, _TOTAL_SCORE) else MAX_SCORE
            if match.start() >= len(paragraph.text) or value > cap:
                continue
            if pattern in (_FORM_SCORE, _SCALE_THEN_SCORE, _CUT_SCORE) and value < MIN_FORM_SCORE:
                continue
            end = min(match.end(), len(paragraph.text))
            cite(
                evidence,
                "/self_score",
                Span(
                    paragraph.text[match.start() : end],
                    paragraph.start + match.start(),
                    paragraph.start + end,
                ),
            )
            return as_json_number(value)
    return None
