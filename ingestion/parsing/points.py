"""Problems (存在的问题) and measures (改进措施 / 下一步) as lists of points.

A point is one numbered line (1、 （一） 一是 ...) or one paragraph; a paragraph enumerating
inline (一是…；二是…；三是…) gives one point per item. Sections whose heading names both
(存在的主要问题及改进措施) are split: their numbered points are problems and the
unnumbered paragraph after them, or a point opening with a remedy verb, is a measure.
When several sections qualify, those about 绩效/预算/评价 win (a 工作中存在的问题 of a work
summary is a weaker source).
"""

from __future__ import annotations

import re

from ingestion.parsing.sections import Section, numbering_of

_PROBLEM = re.compile(r"问题|不足")
_MEASURE = re.compile(r"改进|措施|下一步|建议|整改|工作计划|工作打算|工作思路|对策")
_TOPICAL = re.compile(r"绩效|预算|评价|资金")
_INLINE = re.compile(
    r"(?:^|(?<=[；;。，,：:]))\s*(?:[一二三四五六七八九十]是|(?<![\d.])\d{1,2}[、．.](?!\d)|[（(]\d{1,2}[）)])"
)
_REMEDY = re.compile(
    r"^(?:加强|建立|完善|提高|强化|进一步|建议|下一步|今后|继续|将|健全|规范|推进|落实|细化|做好)"
)
_MIN_POINT = 4
# A label naming the points that follow it inside a sentence: …自评得分92分，存在的问题：一是…
_INLINE_PROBLEMS = re.compile(r"(?:存在的?(?:主要)?问题(?:及原因)?|主要问题|不足之处)[:：]")
_INLINE_MEASURES = re.compile(
    r"(?:下一步(?:工作)?(?:改进|整改)?(?:措施|计划|打算|建议|工作)?|(?:改进|整改)(?:措施|意见|建议))[:：]"
)
# A form's cell on a line of its own: 10, 91%, 47.9.
_FIGURE_LINE = re.compile(r"^[\d.%\s]+$")
_MAX_FIGURE_SHARE = 4  # one paragraph in this many being a bare figure makes a section a form


def is_remedy(point: str) -> bool:
    """A point worded as a remedy (加强…, 进一步…): a measure even among problems."""
    return _REMEDY.match(point) is not None


def split_points(text: str) -> list[str]:
    """One paragraph -> its points: inline enumerations split, numbering dropped.

    A paragraph that opens with a number (1.甲。2.乙。) enumerates from its first word on.
    """
    number, text = numbering_of(text.strip())
    markers = list(_INLINE.finditer(text))
    if number is not None and markers and markers[0].start() > 0:
        starts, cuts = [0] + [m.end() for m in markers], [m.start() for m in markers]
    else:
        starts, cuts = [m.end() for m in markers], [m.start() for m in markers][1:]
        if len(starts) < 2:
            return [text] if len(text) >= _MIN_POINT else []
        if markers[0].start() > 0:
            starts, cuts = [0, *starts], [markers[0].start(), *cuts]
    ends = [*cuts, len(text)]
    pieces = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    points = [p.strip().rstrip("；;，,").strip() for p in pieces]
    # A lead-in (主要问题如下：) introduces the points and is none of them.
    return [p for p in points if len(p) >= _MIN_POINT and not p.endswith(("：", ":"))]


def _section_points(section: Section) -> list[tuple[bool, str]]:
    """(was numbered, point) for each point in a section's subtree."""
    points: list[tuple[bool, str]] = []
    for paragraph in section.subtree_paragraphs():
        numbered = numbering_of(paragraph.text)[0] is not None or bool(
            re.match(r"\s*[一二三四五六七八九十]是", paragraph.text)
        )
        for point in split_points(paragraph.text):
            points.append((numbered, point))
    return points


def _is_form(section: Section) -> bool:
    """A heading that is a column header (偏差原因分析及改进措施) of a form whose cells stand as
    paragraphs: its body holds bare figures (scores, rates), which prose never does."""
    paragraphs = section.subtree_paragraphs()
    figures = sum(1 for p in paragraphs if _FIGURE_LINE.match(p.text))
    return figures >= 2 and figures * _MAX_FIGURE_SHARE >= len(paragraphs)


def _ranked(sections: list[Section], wanted: re.Pattern[str], other: re.Pattern[str]) -> list[Section]:
    chosen = [s for s in sections if wanted.search(s.title) and s.subtree_paragraphs() and not _is_form(s)]
    return sorted(chosen, key=lambda s: (not _TOPICAL.search(s.title), bool(other.search(s.title))))


def problems_and_measures(sections: list[Section]) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    measures: list[str] = []
    for section in _ranked(sections, _PROBLEM, _MEASURE):
        if _MEASURE.search(section.title):
            points = _section_points(section)
            if any(
                _PROBLEM.search(s.title) or _MEASURE.search(s.title)
                for s in sections
                if s.heading in section.subtree
            ):
                continue
            problems = [p for numbered, p in points if numbered and not is_remedy(p)]
            measures = [p for numbered, p in points if not numbered or is_remedy(p)]
        else:
            problems = [p for _, p in _section_points(section)]
        if problems:
            break
    if not problems or not measures:
        inline_problems, inline_measures = _inline_points(sections)
        problems, measures = problems or inline_problems, measures or inline_measures
    if not measures:
        for section in _ranked(sections, _MEASURE, _PROBLEM):
            if _PROBLEM.search(section.title):
                continue
            measures = [p for _, p in _section_points(section)]
            if measures:
                break
    return problems, measures


def _inline_points(sections: list[Section]) -> tuple[list[str], list[str]]:
    """Problems and measures a paragraph names inline (存在的问题：一是…下一步改进措施：一是…),
    for reports that give them no section of their own; the first paragraph naming them wins."""
    for section in sections:
        for paragraph in section.body_paragraphs():
            text = paragraph.text
            if "问题" not in text:
                continue
            problem = _INLINE_PROBLEMS.search(text)
            if problem is None:
                continue
            measure = _INLINE_MEASURES.search(text, problem.end())
            problems = split_points(text[problem.end() : measure.start() if measure else len(text)])
            measures = split_points(text[measure.end() :]) if measure else []
            if problems:
                return problems, measures
    return [], []
