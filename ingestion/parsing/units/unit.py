"""The reporting unit's name (without the region prefix) and the full names its region comes from.

Sources, strongest first: a ``单位名称：`` / ``评价单位（公章）：`` / ``委托单位：`` line or table cell
(a 项目单位 may be a public company, never a limited one); the title
before its topic (2023年度 | 某市某区青石街道办事处 | 整体支出绩效自评报告), unless it names the
facility works are on (某站提升改造项目: then any other source first); a top line that
is only the unit's name; a unit the body names with its full designation (青石街道办事处属...);
a unit quoting its own name (我单位“某中心”, ``self_named``); a unit counting its projects
(某处2023年度共有4个项目, ``counted``); the unit that says it
carried out the evaluation or picked the projects for it (某局组织开展了…自评工作, 某局选取…重点项目,
``actor``); the unit an evaluation's opening is about (我们对某县某中心某经费进行了绩效评价,
``evaluated``); the unit that issued its own notice on the work (制发《某局关于…的通知》,
``issued``); the evaluated unit answering for a third party's material (``answerable``); the
unit a project's description says carries it out (项目组织实施单位为某局, ``evaluated``), before
the office that commissioned a third party;
a short ``XX街道`` / ``XX镇`` named at least twice. A short 镇/乡 name becomes its full designation
(前山镇人民政府) when the text states it, a title's or the body's short form (某区发改委) the name
the text writes out (``short_form``),
and of an office's two names (某局（某局）) the first counts (``names``); the region prefix, and
a 人民政府 that only introduces the unit, are dropped. The title and top lines are read in
``title``.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document
from ingestion.parsing.form_fields import Field, field_values, form_fields
from ingestion.parsing.scan import anchored_search
from ingestion.parsing.text import Span
from ingestion.parsing.units.actor import evaluating_unit
from ingestion.parsing.units.answerable import answerable_unit
from ingestion.parsing.units.body import (
    alias_unit,
    announced_unit,
    commissioning_unit,
    overview_unit,
    own_rules_unit,
    repeated_designation,
    short_name,
    subject_unit,
    subordinate_subject,
)
from ingestion.parsing.units.contents import contents_unit
from ingestion.parsing.units.counted import counted_unit
from ingestion.parsing.units.evaluated import implementing_unit, opening_unit
from ingestion.parsing.units.issued import issuing_unit
from ingestion.parsing.units.names import UNIT_END, UNIT_SUFFIX, first_name, is_unit_name, strip_region
from ingestion.parsing.units.self_named import self_named_unit
from ingestion.parsing.units.short_form import written_out
from ingestion.parsing.units.signature import signature_unit
from ingestion.parsing.units.title import YEAR_PREFIX, from_title, top_line_unit, top_title_unit

# The form fields that name the reporting unit, strongest first: the unit's own name, the unit
# carrying out the project, then the supervising department.
_UNIT_FIELDS = (
    "部门(单位)名称", "单位(部门)名称", "单位名称", "部门名称", "预算部门名称", "实施单位名称",
    "项目实施单位", "实施单位", "项目单位", "项目业主单位", "项目业主", "业主单位", "项目预算单位",
    "资金使用单位", "填报单位",
    "报送单位", "编报单位", "自评单位", "评价单位", "委托单位",
)  # fmt: skip
_IMPLEMENTING_FIELDS = ("项目实施单位", "实施单位", "项目单位", "项目业主单位", "项目业主", "业主单位")
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
# A detachment named without its place (禁毒支队, 交警大队) is a part of the supervising department.
_DETACHMENT = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:支队|大队)$")


def _internal(value: str) -> bool:
    return bool(_INTERNAL_SECTION.search(value)) or (
        _DETACHMENT.match(value) is not None and strip_region(value) == value
    )


# A third party (an accounting firm, a company carrying out the works) is never the reporting unit.
_NOT_A_REPORTING_UNIT = re.compile(r"事务所|有限公司|有限责任公司|咨询|评估|评价组")
_SPACES = re.compile(r"[ \t\u3000]+")
# Works on a facility (某转运站提升改造项目, 某卫生院改扩建工程): the name is what is worked on.
_WORKS = re.compile(r"(?:提升)?(?:改造|改扩建|扩建|新建|修缮|维修)(?:提升)?(?:项目|工程)")
# An xls header's 部门：昭通市彝良县龙安镇中心卫生院 (not 主管部门, not 金额单位：元).
_DEPARTMENT_FIELD = re.compile(
    rf"(?<![\u4e00-\u9fff])(?:部门|单位)[：:]\s*(?P<name>[\u4e00-\u9fff]{{1,38}}?{UNIT_SUFFIX})(?=[\s|，,。；;]|$)"
)
_DEPARTMENT_FIELD_ANCHORS = (("部门", 0, 0), ("单位", 0, 0))


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
    # 某市某局（某市某办）: an office under two names is named by its first.
    if not UNIT_END.fullmatch(first_name(name)) or len(name) < 3:
        return None
    core = name.removesuffix("办事处").removesuffix("人民政府")
    if len(core) >= 2 and core in body:
        return name
    if _SELF_REFERENCE.search(body) and not _PUBLISHES_FOR_OTHERS.search(name):
        return name
    return None


# A news outlet (某市融媒体中心, 某县电视台) reposts other offices' news: its 来源 is no unit
# (a 广播电视局 is an office).
_MEDIA = re.compile(r"融媒|新闻中心|新闻网|报社|日报|电视台|广播台")


def could_be_unit(name: str) -> bool:
    """A portal's office name (发布机构 区水务局) that names a unit, region prefix or not."""
    bare = strip_region(_SPACES.sub("", name))
    named = len(bare) >= 3 and UNIT_END.fullmatch(first_name(bare)) is not None
    return named and not bare.startswith("政府信息") and not _MEDIA.search(bare)


def _supervising(fields: tuple[Field, ...]) -> tuple[str, Span] | None:
    for field in field_values(fields, *_SUPERVISING_FIELDS):
        if is_unit_name(field.value) and not _NOT_A_REPORTING_UNIT.search(field.value):
            return field.value, Span(field.value, field.start, field.end)
    return None


# 实施单位 某镇人民政府（本部） under 主管部门 某镇人民政府: the department carried the project out
# with its own office; the unit is the department, under the name it has.
_OWN_OFFICE = re.compile(r"[（(](?:本级|本部|机关)[）)]$")


def _department_itself(value: str, fields: tuple[Field, ...]) -> tuple[str, Span] | None:
    mark = _OWN_OFFICE.search(value)
    supervising = _supervising(fields) if mark else None
    if mark and supervising and supervising[0] == value[: mark.start()]:
        return supervising
    return None


def _field_unit(text: str) -> tuple[str, Span] | None:
    """The unit a cover-form field names (单位名称, 实施单位 ...), never a third party. The
    supervising 主管部门 stands in only where the implementing party is a company or a firm, or a
    section inside the department (某某股)."""
    fields = form_fields(text)
    for field in field_values(fields, *_UNIT_FIELDS):
        # 单位名称：2023年度某馆 (the year of a cover's next line run on): the name after the year.
        value = YEAR_PREFIX.sub("", field.value, count=1)
        named = is_unit_name(value) or _COMPANY.match(value) is not None
        internal = field.label in _IMPLEMENTING_FIELDS and _internal(value)
        if named and not _NOT_A_REPORTING_UNIT.search(value) and not internal:
            if field.label in _CLIENT_FIELDS and (supervising := _supervising(fields)):
                return supervising
            if field.label in _IMPLEMENTING_FIELDS and (itself := _department_itself(value, fields)):
                return itself
            start = field.end - len(value)
            # 单位名称：某馆（本级）: the unit's own accounts; the unit is named without the mark.
            value = _OWN_OFFICE.sub("", value)
            return value, Span(value, start, start + len(value))
    implementing = field_values(fields, *_IMPLEMENTING_FIELDS)
    if any(_NOT_A_REPORTING_UNIT.search(f.value) or _internal(f.value) for f in implementing):
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
        # 某会计师事务所（以下简称“我所”）: the firm evaluating on a client's commission.
        if named and not _NOT_A_REPORTING_UNIT.search(named[0]):
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
    worked_on = None
    if title is not None:
        titled = from_title(title.text)
        if titled and _WORKS.match(_SPACES.sub("", title.text).partition(titled)[2]):
            # 某乡某转运站提升改造项目: the title names the facility the works are on; the unit
            # carrying them out is named elsewhere, else the facility stands in.
            worked_on = (titled, title)
        elif titled:
            full = _more_complete(titled, text)
            return _full_form(strip_region(full), text), [full], title
        full_names.append(YEAR_PREFIX.sub("", _SPACES.sub("", title.text), count=1))
    named = _body_named(document, text)
    if named is None:
        for top in (top_title_unit(document, skip or set()), top_line_unit(document, skip or set())):
            if top and (worked_on is None or top[0] != worked_on[0]):
                return _full_form(strip_region(top[0]), text), [*full_names, top[0]], top[1]
    for found in (
        named,
        self_named_unit(text),
        announced_unit(text),
        counted_unit(text),
        repeated_designation(text),
        subject_unit(document),
        evaluating_unit(text),
        opening_unit(text),
        subordinate_subject(text),
        own_rules_unit(text),
        issuing_unit(text),
        answerable_unit(text),
        implementing_unit(text),
        commissioning_unit(text),
        contents_unit(text),
    ):
        if found:
            return _named_unit(found, full_names, text)
    if worked_on:
        return strip_region(worked_on[0]), [*full_names, worked_on[0]], worked_on[1]
    short = short_name(text)
    if short:
        return _full_form(short, text), full_names, None
    signed = signature_unit(document)
    return _named_unit(signed, full_names, text) if signed else (None, full_names, None)


def _named_unit(found: tuple[str, int], full_names: list[str], text: str) -> tuple[str, list[str], Span]:
    full, start = first_name(found[0]), found[1]
    full = written_out(full, text) or full
    return strip_region(full), [*full_names, full], Span(full, start, start + len(full))
