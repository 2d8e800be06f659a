"""The report's title: the first line near the top that reads as one.

A title ends in a report word (报告, 决算, 自评表, 评价结果, 总结, 通报, 绩效自评情况 …), possibly
followed by a parenthesis (``…自评报告（某培训经费项目）``), names a budget topic, and is no sentence. Titles
broken over lines are joined again: up to two short lines just above it (the unit, a year, a
topic cut short), and a line below that is only a parenthesis (``（2024年度）``); a title that
opens with its year and names its unit after it takes no line above. A portal line
between two lines keeps them apart (a site banner is no part of the title). A title run on into
the table of contents (a flattened PDF) is cut at its report word; an attachment list's first
report (``附件：1.某局2020年度…报告``) is the title only where nothing else is. A portal's label on
the title's line (``标 题``, ``公告：``) is no part of it; a bare report word that opens a clause
(``评价结果将报送…``) is no title.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.preamble import portal_lines
from ingestion.parsing.sections import heading_of
from ingestion.parsing.units.names import UNIT_SUFFIX
from ingestion.parsing.units.title import from_title

_PAREN = r"(?:[（(][^（）()]{1,40}[）)])"
_REPORT_WORD = (
    r"(?:报告|(?:自评|评价)(?:情况|结果)的?(?:说明|公开)|评价结果|自评结果|(?:绩效)?(?:目标)?自评表|绩效评价表|决算|决算公开(?:文档)?|"
    r"(?:决算|公开|决算公开|决算情况|预算情况|决算编制)说明|总结|通报|公告|公示|绩效(?:自评|评价)情况)"
)
_TITLE_WORD = re.compile(rf"{_REPORT_WORD}{_PAREN}?$")
_TITLE_WORD_IN = re.compile(_REPORT_WORD)
# A line above the title line belongs to it when it ends as a title's head does: the unit,
# the year, or a topic cut short (2021年某市交通运输局整体支出 / 绩效自评报告).
_TITLE_HEAD_END = re.compile(
    rf"(?:{UNIT_SUFFIX}|(?:19|20)\d{{2}}年度?|支出|部门|单位|整体|项目|关于){_PAREN}?$"
)
_SPACES = re.compile(r"[ \t\u3000]+")
# 监督索引号11010000100001000, page furniture: never part of a title.
_CODE = re.compile(r"\d{5,}")
_TITLE_TOPIC = re.compile(r"绩效|决算|预算|支出|评价|资金|自评")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_LED = re.compile(r"^(?:19|20)\d{2}年")
# Page furniture that is never part of a title, even right above one.
_NAV_WORDS = re.compile(r"^(?:目录|正文|首页|返回|打印|关闭)$")
_SENTENCE_MARKS = re.compile(r"[，。；：:,;]")
_MAX_TITLE_LINE = 60
# What a run-on title runs on into (contents, the report) is longer than a stray word or two.
_RUN_ON = 10
_TITLE_SCAN = 25
# 附件：1.某报告 / 2.某报告: an attachment list, not the document's own title.
_LISTED = re.compile(r"^\s*(?:附\s*件\s*\d*\s*[:：]?\s*)?\d{1,2}\s*[.、．]\s*|^\s*附\s*件\s*\d*\s*[:：]?\s*")
# A parenthesis line that belongs to the title: a project's name or the year (not a date).
_PAREN_LINE = re.compile(r"^\s*[（(][^（）()月日]{1,40}[）)]\s*$")
_FILE_NAME = re.compile(r"\.(?:docx?|xlsx?|pdf|txt|wps|et)\W{0,3}(?:由|$)", re.I)
_NOTE_END = re.compile(r"[，。；：:,;)）|《“]")


# 10个部门整体支出绩效评价结果：评为优的8个: a result line of an announcement's body, counted;
# a title names its unit or topic first, never a count.
_COUNT_LED = re.compile(r"^\d+个")
# 评价结果 alone at a clause's start (…，评价结果将报送市里): the clause's subject,
# naming no report (alone on its own line it may end a title broken over lines).
_BARE_REPORT_WORD = re.compile(rf"(?:绩效)?{_REPORT_WORD}")


def title_candidate(text: str) -> bool:
    text = _SPACES.sub("", text)
    about = "关于" in text and text.endswith("情况")  # 某局关于某资金管理使用情况
    return (
        len(text) <= _MAX_TITLE_LINE
        and not _COUNT_LED.match(text)
        and (_TITLE_WORD.search(text) is not None or about)
        and _TITLE_TOPIC.search(text) is not None
        and _SENTENCE_MARKS.search(text) is None
    )


def _short_line(text: str) -> bool:
    return (
        0 < len(text) <= 40
        and _SENTENCE_MARKS.search(text) is None
        and not _CODE.search(text)
        and heading_of(Paragraph(text, 0, 0)) is None
        and not title_candidate(text)
    )


def _joins(above: tuple[int, Paragraph], below: tuple[int, Paragraph], title_so_far: str) -> bool:
    """``above`` is the part of the title just before ``below`` (no portal line between them): it
    ends as a title's head does, or the title so far has no year and so lacks its head."""
    if above[0] + 1 != below[0]:
        return False
    text = _SPACES.sub("", above[1].text)
    if not _short_line(text) or _NAV_WORDS.match(text) or text.startswith("欢迎"):  # a site banner
        return False
    # 2023年度某医院单位决算 under the site's banner lines (某培训基地): a title that opens with its
    # year and names its unit after it is whole; what stands above is no head of it.
    if _YEAR_LED.match(title_so_far) and from_title(title_so_far):
        return False
    return _TITLE_HEAD_END.search(text) is not None or _YEAR.search(title_so_far) is None


def _title_at(lines: list[tuple[int, Paragraph]], position: int) -> tuple[str, int, int]:
    # The same title twice (the page's heading, then the document's): the second carries on.
    while (
        position + 1 < len(lines)
        and lines[position + 1][0] == lines[position][0] + 1
        and _SPACES.sub("", lines[position + 1][1].text) == _SPACES.sub("", lines[position][1].text)
    ):
        position += 1
    first = position
    joined = _SPACES.sub("", lines[position][1].text)
    while first > 0 and position - first < 2 and _joins(lines[first - 1], lines[first], joined):
        first -= 1
        joined = _SPACES.sub("", lines[first][1].text) + joined
    parts = [p for _, p in lines[first : position + 1]]
    if position + 1 < len(lines) and lines[position + 1][0] == lines[position][0] + 1:
        below = lines[position + 1][1]
        if _PAREN_LINE.match(below.text):
            parts.append(below)
    return _SPACES.sub("", "".join(p.text for p in parts)), parts[0].start, parts[-1].end


def _run_on_title(paragraph: Paragraph) -> tuple[str, int, int] | None:
    """The title at the start of a long line that runs on into the contents or the report (what
    stands before it, up to a clause mark or a closing bracket, is a note, not the title)."""
    text = paragraph.text
    word = _TITLE_WORD_IN.search(text, 0, _MAX_TITLE_LINE * 2)
    if word is None:
        return None
    end = word.end()
    if len(text) - end < _RUN_ON or text.lstrip().startswith("欢迎"):  # a short line or a site banner
        return None
    if text.startswith("数", end):  # 较2020年度决算数减少…: a figure compared, no title
        return None
    paren = re.match(rf"\s*{_PAREN}", text[end:])
    if paren and (not re.search(r"\d", paren.group()) or re.search(r"年度?\s*[)）]", paren.group())):
        end += paren.end()
    listed = _LISTED.match(text)
    begin = listed.end() if listed else 0
    for mark in _NOTE_END.finditer(text, begin, word.start()):
        begin = mark.end()
    begin += len(text[begin:end]) - len(text[begin:end].lstrip())
    head = text[begin:end]
    if not title_candidate(head) or _BARE_REPORT_WORD.fullmatch(head):
        return None
    return _SPACES.sub("", head), paragraph.start + begin, paragraph.start + end


_DIGITS = re.compile(r"\d+")


def _own_first_page(paragraph: Paragraph, file_named: tuple[str, int, int]) -> tuple[str, int, int] | None:
    """A document-sharing site's preview of page 1 (``1、`` then the document's own title run on
    into its text) states the title the uploaded file's name copies: where the two differ only
    in their digits (the file named 2022年度, the document heading 2023年度), the document's own."""
    own = _run_on_title(paragraph)
    if own is None or own[0] == file_named[0]:
        return None
    return own if _DIGITS.sub("", own[0]) == _DIGITS.sub("", file_named[0]) else None


# A portal's label before the title on its line (标 题 某局…报告, 公告：某局…决算): no part of it.
_LINE_LABEL = re.compile(
    r"^[ \t\u3000]*(?:标[ \t\u3000]*题[ \t\u3000:：]*|(?:公告|公示|通知|通报)[ \t\u3000]*[:：][ \t\u3000]*)"
)


def _unlabelled(paragraph: Paragraph) -> Paragraph:
    label = _LINE_LABEL.match(paragraph.text)
    if label is None or label.end() == len(paragraph.text):
        return paragraph
    return Paragraph(paragraph.text[label.end() :], paragraph.start + label.end(), paragraph.end)


def find_title(document: Document, skip: set[int] | None = None) -> tuple[str, int, int] | None:
    """(title, start, end) of the report's title, or None; ``skip``: portal lines' block indexes."""
    skip = portal_lines(document) if skip is None else skip
    lines = [
        (i, _unlabelled(b))
        for i, b in enumerate(document.blocks[:_TITLE_SCAN])
        if isinstance(b, Paragraph) and i not in skip
    ]
    listed: tuple[str, int, int] | None = None
    file_named: tuple[str, int, int] | None = None
    for position, (_, paragraph) in enumerate(lines):
        heading = heading_of(paragraph)
        if heading is not None and heading[0] is not None:
            break
        if _LISTED.match(paragraph.text):
            stripped = _LISTED.sub("", paragraph.text)
            if listed is None and title_candidate(stripped):
                listed = (_SPACES.sub("", stripped), paragraph.end - len(stripped), paragraph.end)
            elif listed is not None and listed is file_named:
                listed = _own_first_page(paragraph, file_named) or listed
            continue
        if _FILE_NAME.search(paragraph.text):  # a download's file name names the report less exactly
            if listed is None and (run_on := _run_on_title(paragraph)):
                listed = file_named = run_on
            continue
        if title_candidate(paragraph.text):
            return _title_at(lines, position)
        if run_on := _run_on_title(paragraph):
            return run_on
    return listed


def portal_title(fields: dict[str, str]) -> str | None:
    """The title a portal block states (``名称: | X |``), when it reads like a report title."""
    for key in ("名称", "标题", "信息名称"):
        value = _SPACES.sub("", fields.get(key, ""))
        if value and title_candidate(value):
            return value
    return None


# A page <title> is the report's title and the site's name (标题-武汉市蔡甸区人民政府).
_PAGE_TITLE_SEPARATOR = re.compile(r"\s*(?:[-_|—–]+|\s{2,})\s*")


def page_title_parts(page_title: str) -> tuple[str | None, list[str]]:
    """(the part of a page <title> that reads like a report title, the other parts: site names)."""
    title, others = None, []
    for part in _PAGE_TITLE_SEPARATOR.split(page_title.strip()):
        part = _SPACES.sub("", part)
        if title is None and title_candidate(part):
            title = part
        elif part:
            others.append(part)
    return title, others
