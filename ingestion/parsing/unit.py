"""The reporting unit's name (without the region prefix) and the full names its region comes from.

Sources, strongest first: a ``单位名称：`` / ``评价单位（公章）：`` / ``委托单位：`` line or table cell
(a 项目单位 may be a public company, never a limited one); the title
before its topic (2023年度 | 株洲市芦淞区建宁街道办事处 | 整体支出绩效自评报告); a top line that
is only the unit's name; a unit the body names with its full designation (董家塅街道办事处属...);
a short ``XX街道`` / ``XX镇`` named at least twice. A short 镇/乡 name becomes its full
designation (前山镇人民政府) when the text states it; the region prefix, and a 人民政府 that only
introduces the unit, are dropped.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.contents_unit import contents_unit
from ingestion.parsing.form_fields import LABELS, Field, field_values, form_fields
from ingestion.parsing.scan import anchored_search
from ingestion.parsing.sections import heading_of
from ingestion.parsing.text import Span, fold
from ingestion.parsing.unit_body import (
    UNIT_END,
    UNIT_SUFFIX,
    alias_unit,
    announced_unit,
    commissioning_unit,
    is_unit_name,
    overview_unit,
    own_rules_unit,
    repeated_designation,
    short_name,
    signature_unit,
    strip_region,
    subject_unit,
    subordinate_subject,
)
from ingestion.parsing.unit_self_named import self_named_unit
from ingestion.parsing.unit_short_form import written_out

# The form fields that name the reporting unit, strongest first: the unit's own name, the unit
# carrying out the project, then the supervising department.
_UNIT_FIELDS = (
    "部门(单位)名称", "单位(部门)名称", "单位名称", "部门名称", "预算部门名称", "实施单位名称",
    "项目实施单位", "实施单位", "项目单位", "项目业主单位", "项目业主", "资金使用单位", "填报单位",
    "报送单位", "编报单位", "自评单位", "评价单位", "委托单位",
)  # fmt: skip
_IMPLEMENTING_FIELDS = ("项目实施单位", "实施单位", "项目单位", "项目业主单位", "项目业主")
# A public company (某市城市公共汽车公司) may itself be the project's unit; a limited company is a contractor.
_COMPANY = re.compile(r"^[\u4e00-\u9fff]{4,30}公司$")
# The client who commissioned an evaluation (委托单位, often the finance office) gives way to the
# department in charge of the project (项目主管部门) when the form names one: the report is about it.
_CLIENT_FIELDS = ("委托单位",)
_SUPERVISING_FIELDS = (
    "主管部门名称", "主管部门", "项目主管部门", "县级主管部门", "市级主管部门", "省级主管部门",
)  # fmt: skip
# A section inside the supervising department (某某股) carries a project out for it; in a form
# that lost its separators the next cell runs on after it (某某发展股项目资金(万元)…).
_INTERNAL_SECTION = re.compile(r"^[\u4e00-\u9fff]{2,20}?股(?!份)")
# A third party (an accounting firm, a company carrying out the works) is never the reporting unit.
_NOT_A_REPORTING_UNIT = re.compile(r"事务所|有限公司|有限责任公司|咨询|评估|评价组")
_SPACES = re.compile(r"[ \t\u3000]+")
# The unit's own line at the top (2023年度内蒙古自治区...根河市河东街道办事处, then 目录).
_TOP_LINES = 6
_MAX_UNIT_LINE = 40
_SPECIFIC_LINE = 7
_YEAR_PREFIX = re.compile(r"^(?:关于)?(?:(?:19|20)\d{2}年度?)?")
# A sentence that reads like a title opens with its verb (现将某局关于…结果公示如下): not the unit.
_OPENING_VERB = re.compile(r"^(?:现将|现就|兹将|特将)")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}年")
# 我院, 本局, 该中心: the report's own unit unnamed (本溪县… is a place).
_SELF_NAMED = re.compile(r"^(?:我.*|[本该][\u4e00-\u9fff]{1,3})$")
# A portal's tag (【决算】) or an attachment's number (附件2：) before the title is no part of it.
_TAG = re.compile(r"^(?:[【\[][^】\]]{1,8}[】\]]|附件\s*[0-9一二三四五六七八九十]{0,3}\s*[:：.、]?)")
# An office under two names (某区综合行政执法局（某区城市管理局）): the first is the one it reports as.
_SECOND_NAME = re.compile(r"^(?P<first>.{3,}?)[（(](?P<second>[^（）()]{3,})[）)]?$")
_TITLE_TOPIC = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?(?:部门|单位)?(?:[（(]单位[）)])?"
    r"(?:整体支出|整体绩效|整体和项目|项目支出|重点项目|项目绩效|绩效|预算|决算|本级决算)"
)
# An xls header's 部门：昭通市彝良县龙安镇中心卫生院 (not 主管部门, not 金额单位：元).
_DEPARTMENT_FIELD = re.compile(
    rf"(?<![\u4e00-\u9fff])(?:部门|单位)[：:]\s*(?P<name>[\u4e00-\u9fff]{{1,38}}?{UNIT_SUFFIX})(?=[\s|，,。；;]|$)"
)
_DEPARTMENT_FIELD_ANCHORS = (("部门", 0, 0), ("单位", 0, 0))
# A title-like top line (a table cell ending in |, a title run on into its table of contents);
# a file name (…决算公开报告.doc) only when no other line names the unit.
_TITLE_LIKE = re.compile(r"报告|决算|说明|自评表|评价表|评价结果")
# A headline or file name on evaluation work (某局重点绩效评价工作积极推进, 某中心2022年度项目自评价.pdf):
# a title too when it is one bare line, no sentence, no cited document.
_HEADLINE_LIKE = re.compile(r"评价|自评")
_MAX_HEADLINE = 50
_PROSE = re.compile(r"[，。；：:、,;《]")
_FILE_NAME = re.compile(r"\.(?:docx?|xlsx?|pdf|txt|wps|et)\s*$", re.I)
_FIELD_LINE = re.compile("|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True)))
_GENERIC_AFTER_UNIT = re.compile(r"部门|单位")
_PUNCTUATION = re.compile(r"[，。；：:、,;]")
_SENTENCE = re.compile(r"[，。；,;]")  # prose, not a title run on into its contents


def _from_title(title: str) -> str | None:
    bare_title = _TAG.sub("", _SPACES.sub("", fold(title)))
    rest = _YEAR_PREFIX.sub("", _OPENING_VERB.sub("", bare_title), count=1)
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
    two_names = _SECOND_NAME.match(head)
    if two_names and is_unit_name(two_names["first"]) and is_unit_name(two_names["second"]):
        head = two_names["first"]
    candidate = UNIT_END.match(head)
    # 现将我院…报告如下: a report speaking of itself names no unit.
    if candidate is None or len(candidate.group()) < 2 or _SELF_NAMED.match(candidate.group()):
        return None
    return candidate.group()


def _top_lines(document: Document, skip: set[int], after_portal: bool = False) -> list[Paragraph]:
    """The first lines of the report proper: no portal furniture, no outline headings; with
    ``after_portal``, none above the portal block either (a site banner such as 某县人民政府)."""
    first = max((i + 1 for i in skip if i < _TOP_LINES + len(skip)), default=0) if after_portal else 0
    lines = [b for i, b in enumerate(document.blocks[first : first + _TOP_LINES]) if i + first not in skip]
    return [b for b in lines if isinstance(b, Paragraph) and heading_of(b) is None]


def _top_line_unit(document: Document, skip: set[int]) -> tuple[str, Span] | None:
    """A line at the very top that is nothing but the unit's name (with its region/year)."""
    for block in _top_lines(document, skip, after_portal=True):
        line = _SPACES.sub("", fold(block.text))
        # 主管部门    某局: a form's field on its own line names a unit, not the reporting one.
        if len(line) > _MAX_UNIT_LINE or re.search(r"[，。；：:、,;]", line) or _FIELD_LINE.match(line):
            continue
        bare = _YEAR_PREFIX.sub("", line, count=1)
        if _specific(bare) and UNIT_END.fullmatch(bare):
            return bare, Span(block.text, block.start, block.end)
    return None


def _specific(name: str) -> bool:
    """A name a line may give alone: with its region, or long enough to be a unit's own (a site's
    section such as 新闻中心 or 政务服务中心 is neither)."""
    return len(name) >= _SPECIFIC_LINE or (len(name) >= 4 and strip_region(name) != name)


def _top_title_unit(document: Document, skip: set[int]) -> tuple[str, Span] | None:
    """The unit before the topic of a title-like top line that is not a clean title line:
    ``云县统计局2023年度部门决算 |``, ``…包头市档案馆 2020年度决算公开报告 目录 第一部分…``."""
    # File names last: 2020年某市档案馆决算公开报告.doc names the unit less exactly than the text.
    paragraphs = _top_lines(document, skip)
    for block in sorted(paragraphs, key=lambda b: _FILE_NAME.search(b.text) is not None):
        line = block.text.split("|", 1)[0]
        title_word = _TITLE_LIKE.search(line) or _headline_word(line)
        # A title run on into its contents and the report: only what precedes its title word.
        if title_word is None or _SENTENCE.search(line[: title_word.end()]):
            continue
        unit = _from_title(_FILE_NAME.sub("", line[: title_word.end()]))
        if unit and not _PUNCTUATION.search(unit):
            return unit, Span(block.text, block.start, block.end)
    return None


def _headline_word(line: str) -> re.Match[str] | None:
    bare = line.strip()
    if len(bare) > _MAX_HEADLINE or _PROSE.search(bare):
        return None
    return _HEADLINE_LIKE.search(bare)


def _full_form(name: str, text: str) -> str:
    """A short 镇/乡/街道 name in its full designation when the text states it (前山镇人民政府)."""
    if not name.endswith(("镇", "乡", "街道")):
        return name
    for suffix in ("人民政府", "办事处") if not name.endswith("街道") else ("办事处",):
        if name + suffix in text:
            return name + suffix
    return name


# The report speaks of its own unit (本单位/我街道...): a publisher that is a unit is then its author.
_SELF_REFERENCE = re.compile(r"[本我](?:单位|部门|街道|镇|乡|局|委|办|中心)")
# Finance and audit offices publish other units' reports: never the unit by being the publisher.
_PUBLISHES_FOR_OTHERS = re.compile(r"财政|审计")


def publisher_unit(publisher: str, body: str) -> str | None:
    """The portal's 发布机构 as the reporting unit (without region), when the report is about it:
    the body names the publisher (枫岚街道), or speaks of its own unit and the publisher is not an
    office that publishes for others (a 财政局 posting a department's report)."""
    full = _SPACES.sub("", publisher)
    name = strip_region(full)
    if not UNIT_END.fullmatch(name) or len(name) < 3:
        return None
    core = name.removesuffix("办事处").removesuffix("人民政府")
    if len(core) >= 2 and core in body:
        return name
    if _SELF_REFERENCE.search(body) and not _PUBLISHES_FOR_OTHERS.search(name):
        return name
    return None


# A news outlet (某市融媒体中心, 某县广播电视台) reposts other offices' news: its 来源 is no unit.
_MEDIA = re.compile(r"融媒|新闻|报社|日报|广播|电视")


def could_be_unit(name: str) -> bool:
    """A portal's office name (发布机构 区水务局) that names a unit, region prefix or not."""
    bare = strip_region(_SPACES.sub("", name))
    named = len(bare) >= 3 and UNIT_END.fullmatch(bare) is not None
    return named and not bare.startswith("政府信息") and not _MEDIA.search(bare)


def _supervising(fields: tuple[Field, ...]) -> tuple[str, Span] | None:
    for field in field_values(fields, *_SUPERVISING_FIELDS):
        if is_unit_name(field.value) and not _NOT_A_REPORTING_UNIT.search(field.value):
            return field.value, Span(field.value, field.start, field.end)
    return None


def _field_unit(text: str) -> tuple[str, Span] | None:
    """The unit a cover-form field names (单位名称, 实施单位 ...), never a third party. The
    supervising 主管部门 stands in only where the implementing party is a company or a firm, or a
    section inside the department (某某股)."""
    fields = form_fields(text)
    for field in field_values(fields, *_UNIT_FIELDS):
        # 单位名称：2023年度某馆 (the year of a cover's next line run on): the name after the year.
        value = _YEAR_PREFIX.sub("", field.value, count=1)
        named = is_unit_name(value) or _COMPANY.match(value) is not None
        if named and not _NOT_A_REPORTING_UNIT.search(value):
            if field.label in _CLIENT_FIELDS and (supervising := _supervising(fields)):
                return supervising
            start = field.end - len(value)
            return value, Span(value, start, field.end)
    implementing = field_values(fields, *_IMPLEMENTING_FIELDS)
    if any(_NOT_A_REPORTING_UNIT.search(f.value) or _INTERNAL_SECTION.search(f.value) for f in implementing):
        for field in field_values(fields, *_SUPERVISING_FIELDS):
            if is_unit_name(field.value):
                return field.value, Span(field.value, field.start, field.end)
    department = anchored_search(_DEPARTMENT_FIELD, text, _DEPARTMENT_FIELD_ANCHORS)
    if department:
        full = department["name"]
        return full, Span(full, department.start("name"), department.end("name"))
    return None


def _more_complete(from_title: str, text: str) -> str:
    """The overview heading's name when it completes the title's (市政协 -> 某市政协办公室), else
    the body's written-out name of a short form (某区发改委 -> 某区发展和改革委员会)."""
    overview = overview_unit(text)
    if overview and from_title in overview[0] and len(overview[0]) > len(from_title):
        return overview[0]
    return written_out(from_title, text) or from_title


def _body_named(document: Document, text: str) -> tuple[str, int] | None:
    for named in (overview_unit(text), alias_unit(text)):
        if named:
            return named
    return None


def unit_name(
    document: Document, title: Span | None, skip: set[int] | None = None
) -> tuple[str | None, list[str], Span | None]:
    """(unit name without region, full names to take the region from, evidence span)."""
    text = document.text
    field = _field_unit(text)
    if field:
        return strip_region(field[0]), [field[0]], field[1]
    full_names = []
    if title is not None:
        from_title = _from_title(title.text)
        if from_title:
            full = _more_complete(from_title, text)
            return _full_form(strip_region(full), text), [full], title
        full_names.append(_YEAR_PREFIX.sub("", _SPACES.sub("", title.text), count=1))
    named = _body_named(document, text)
    if named is None:
        for top in (_top_title_unit(document, skip or set()), _top_line_unit(document, skip or set())):
            if top:
                return _full_form(strip_region(top[0]), text), [*full_names, top[0]], top[1]
    for found in (
        named,
        self_named_unit(text),
        announced_unit(text),
        repeated_designation(text),
        subject_unit(document),
        subordinate_subject(text),
        own_rules_unit(text),
        commissioning_unit(text),
        contents_unit(text),
    ):
        if found:
            return _named_unit(found, full_names)
    short = short_name(text)
    if short:
        return _full_form(short, text), full_names, None
    signed = signature_unit(document)
    return _named_unit(signed, full_names) if signed else (None, full_names, None)


def _named_unit(found: tuple[str, int], full_names: list[str]) -> tuple[str, list[str], Span]:
    full, start = found
    return strip_region(full), [*full_names, full], Span(full, start, start + len(full))
