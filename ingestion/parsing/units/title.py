"""The unit a report's title or top lines name: ``2023年度 | 某街道办事处 | 整体支出绩效自评报告``.

The unit is what stands before the title's topic (its year, 整体支出, 项目支出, 决算 …) or
before 关于; a portal's tag (【决算】) or an attachment's number (附件2：) before it is no part of
it, nor is a generic 部门/单位 after it, and of an office's two names the first counts (a list of
attachments, 附件1：… 附件2：…, names others' reports, not the page's). Without a
clean title line: a title-like top line (a table cell ending in |, a title run on into its
contents, a file name, a bare headline on evaluation work), else a line that is nothing but the
unit's name (with its region, or a name long enough to be its own: a site section such as
新闻中心 is not). A title headed by a place alone (某县2023年度…) names that place's government
when the report speaks as it (我县), where nothing else names a unit.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.form_fields import LABELS
from ingestion.parsing.sections import heading_of
from ingestion.parsing.text import Span, fold
from ingestion.parsing.units.names import JOINT_NAME, UNIT_END, first_name, is_unit_name, strip_region
from ingestion.regions import split_region_prefix

_SPACES = re.compile(r"[ \t\u3000]+")
# The unit's own line at the top (2023年度某自治区...某市河西街道办事处, then 目录).
_TOP_LINES = 6
_MAX_UNIT_LINE = 40
_SPECIFIC_LINE = 7
# A portal's own sections end like offices do (政府信息公开平台, 网上办事大厅, 返回顶部).
_SITE_SECTION = re.compile(r"(?:平台|大厅|顶部|底部)$")
YEAR_PREFIX = re.compile(r"^(?:关于)?(?:(?:19|20)\d{2}年度?)?")
# A sentence that reads like a title opens with its verb (现将某局关于…结果公示如下): not the unit.
_OPENING_VERB = re.compile(r"^(?:现将|现就|兹将|特将)")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}年")
# 我院, 本局, 该中心: the report's own unit unnamed (本溪县… is a place).
_SELF_NAMED = re.compile(r"^(?:我.*|[本该][\u4e00-\u9fff]{1,3})$")
# A portal's tag (【决算】) or an attachment's number (附件2：) before the title is no part of it.
_NUMBERED_ATTACHMENT = re.compile(r"^\s*附\s*件\s*[0-9一二三四五六七八九十]{1,3}\s*[:：.、]")
_ATTACHMENT_LIST = 2
_TAG = re.compile(r"^(?:[【\[][^】\]]{1,8}[】\]]|附件\s*[0-9一二三四五六七八九十]{0,3}\s*[:：.、]?)")
_TITLE_TOPIC = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?(?:部门|单位)?(?:[（(]单位[）)])?"
    r"(?:整体支出|整体绩效|整体和项目|项目支出|重点项目|项目绩效|绩效|预算|决算|本级决算)"
)
# A title-like top line (a table cell ending in |, a title run on into its table of contents);
# a file name (…决算公开报告.doc) only when no other line names the unit.
_TITLE_LIKE = re.compile(r"报告|决算|说明|自评表|评价表|评价结果")
# A headline or file name on evaluation work (某局重点绩效评价工作有序推进, 某中心2021年度项目自评结果.pdf):
# a title too when it is one bare line, no sentence, no cited document.
_HEADLINE_LIKE = re.compile(r"评价|自评")
_MAX_HEADLINE = 50
_PROSE = re.compile(r"[，。；：:、,;《]")
_FILE_NAME = re.compile(r"\.(?:docx?|xlsx?|pdf|txt|wps|et)\s*$", re.I)
_FIELD_LINE = re.compile("|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True)))
_UNCLOSED = re.compile(r"[（(][^（）()]*$")
_GENERIC_AFTER_UNIT = re.compile(r"部门|单位")
_PUNCTUATION = re.compile(r"[，。；：:、,;]")
_SENTENCE = re.compile(r"[，。；,;]")  # prose, not a title run on into its contents


def from_title(title: str) -> str | None:
    bare_title = _TAG.sub("", _SPACES.sub("", fold(title)))
    rest = YEAR_PREFIX.sub("", _OPENING_VERB.sub("", bare_title), count=1)
    # 某局关于2023年度…的报告: the unit is what stands before 关于.
    # 某局2020年度某项目自评结果: or before the year that starts its topic.
    ends = [m.start() for m in (_TITLE_TOPIC.search(rest), _TITLE_YEAR.search(rest)) if m is not None]
    about = rest.find("关于")
    head = rest[:about] if about > 0 else rest[: min(ends)] if ends else ""
    # 东岭街道办事处部门2021年度部门决算: a generic 部门/单位 after the unit is not part of it.
    # 某局部门公交补贴重点项目: the unit ends before such a 部门 inside the head too.
    for generic in _GENERIC_AFTER_UNIT.finditer(head):
        if generic.start() >= 2 and UNIT_END.fullmatch(head[: generic.start()]):
            head = head[: generic.start()]
            break
    candidate = JOINT_NAME.match(head) or UNIT_END.match(first_name(head))
    name = candidate.group() if candidate else ""
    # 某局（含所属单位）: a name never ends inside a parenthesis; it ends before it.
    unclosed = _UNCLOSED.search(name)
    if unclosed:
        cut = UNIT_END.match(name[: unclosed.start()])
        name = cut.group() if cut else ""
    # 现将我院…报告如下: a report speaking of itself names no unit.
    if len(name) < 2 or _SELF_NAMED.match(name):
        return None
    return _under_department(name)


# 某市教育局所属某市某小学, 某市教育局-某市某小学, 某市教育局 某市某小学: a 单位's 决算 names its
# 部门 first; the 单位, named last, is the reporting unit.
_UNDER = re.compile(r"所属|下属|[-－—·]")


def _under_department(name: str) -> str:
    for mark in _UNDER.finditer(name):
        head, tail = name[: mark.start()], name[mark.end() :]
        if is_unit_name(head) and strip_region(tail) != tail and is_unit_name(strip_region(tail)):
            return _under_department(tail)
    # Run together: the department's name ends where the same place is named again (a place inside
    # it names a branch: 某市公安局某区分局 is one name).
    for cut in range(3, len(name) - 3):
        head, tail = name[:cut], name[cut:]
        if not (UNIT_END.fullmatch(head) and is_unit_name(strip_region(tail))):
            continue
        outer, inner = split_region_prefix(head)[0], split_region_prefix(tail)[0]
        if outer is not None and inner is not None and inner.code == outer.code:
            return tail
    return name


def _top_lines(document: Document, skip: set[int], after_portal: bool = False) -> list[Paragraph]:
    """The first lines of the report proper: no portal furniture, no outline headings; with
    ``after_portal``, none above the portal block either (a site banner such as 某县人民政府)."""
    first = max((i + 1 for i in skip if i < _TOP_LINES + len(skip)), default=0) if after_portal else 0
    lines = [b for i, b in enumerate(document.blocks[first : first + _TOP_LINES]) if i + first not in skip]
    return [b for b in lines if isinstance(b, Paragraph) and heading_of(b) is None]


def top_line_unit(document: Document, skip: set[int]) -> tuple[str, Span] | None:
    """A line at the very top that is nothing but the unit's name (with its region/year)."""
    for block in _top_lines(document, skip, after_portal=True):
        line = _SPACES.sub("", fold(block.text))
        # 主管部门    某局: a form's field on its own line names a unit, not the reporting one.
        if len(line) > _MAX_UNIT_LINE or re.search(r"[，。；：:、,;]", line) or _FIELD_LINE.match(line):
            continue
        bare = YEAR_PREFIX.sub("", line, count=1)
        if _specific(bare) and UNIT_END.fullmatch(bare):
            return bare, Span(block.text, block.start, block.end)
    return None


def _specific(name: str) -> bool:
    """A name a line may give alone: with its region, or long enough to be a unit's own (a site's
    section such as 新闻中心 or 政务服务中心 is neither)."""
    if _SITE_SECTION.search(name):
        return False
    return len(name) >= _SPECIFIC_LINE or (len(name) >= 4 and strip_region(name) != name)


def top_title_unit(document: Document, skip: set[int]) -> tuple[str, Span] | None:
    """The unit before the topic of a title-like top line that is not a clean title line:
    ``某县档案局2023年度部门决算 |``, ``…某市档案馆 2020年度决算公开 目录 第一部分…``."""
    # File names last: 2020年某市档案馆决算公开报告.doc names the unit less exactly than the text.
    paragraphs = _top_lines(document, skip)
    # 附件1：… 附件2：…: a list of attachments names the reports it publishes, each another's.
    listed = [b for b in paragraphs if _NUMBERED_ATTACHMENT.match(b.text)]
    if len(listed) >= _ATTACHMENT_LIST:
        paragraphs = [b for b in paragraphs if b not in listed]
    for block in sorted(paragraphs, key=lambda b: _FILE_NAME.search(b.text) is not None):
        line = block.text.split("|", 1)[0]
        title_word = _TITLE_LIKE.search(line) or _headline_word(line)
        # A title run on into its contents and the report: only what precedes its title word.
        if title_word is None or _SENTENCE.search(line[: title_word.end()]):
            continue
        unit = from_title(_FILE_NAME.sub("", line[: title_word.end()]))
        if unit and not _PUNCTUATION.search(unit):
            return unit, Span(block.text, block.start, block.end)
    return None


def _headline_word(line: str) -> re.Match[str] | None:
    bare = line.strip()
    if len(bare) > _MAX_HEADLINE or _PROSE.search(bare):
        return None
    return _HEADLINE_LIKE.search(bare)


# 某县2023年度某资金绩效自评报告 …我县…: a place heading the title, speaking of itself as 我县, reports
# as that place's government.
_PLACE_HEAD = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,20}?)(?:19|20)\d{2}年")


def titled_place(title: str, text: str) -> str | None:
    """The place alone that heads the title (某县2023年度…), when the report speaks as it (我县)."""
    head = _PLACE_HEAD.match(_TAG.sub("", _SPACES.sub("", fold(title))))
    if head is None:
        return None
    place = head["place"]
    region, rest = split_region_prefix(place)
    return place if region is not None and not rest and f"我{place[-1]}" in text else None
