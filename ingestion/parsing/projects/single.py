"""The one project (or fund) a project self-evaluation or a key-project evaluation is about.

Its name, from the surest source a report offers:
- the cover form's 项目名称 / 转移支付（项目）名称 / 资金名称 field, or a cover line labelling the
  project evaluated (重点评价项目某某项目);
- the title: a quoted name (关于“某补助资金”管理使用情况), a parenthesis after the report word
  (…自评报告（某经费项目）), else what the title says before its report words, without the unit
  or place that leads it before a year (某局2023年某项目支出绩效自评报告 -> 2023年某项目), else
  the fund or funds it opens with (``title_funds``: 某补助资金区域绩效目标自评表);
- a parenthesis line standing where a title would (（某维修项目）), or after the report word of a
  file name on a top line (…绩效自评报告（某排灌站工程项目）.doc);
- the opening sentence: 现将某资金自评情况报告如下, 对某项目执行情况开展了自评 (or
  对某工程资金使用情况、…等开展了自评); a sentence
  stating the project's planned investment (某桥梁改造项目计划投资3180万元), the fund's total
  (某发展资金合计3200万元), or what a higher level issued to it
  (下达我市某补助资金800万元);
- a paragraph opening with the project as its subject (某管网工程（二期）是为…);
- a top heading naming a fund (一、某发展资金（某维修经费）), when it is the only one (it names the
  fund more fully than the title does).
A trailing 支出, and a 资金 after 项目 (某项目资金 -> 某项目), are not part of the name; generic
names (专项资金, 财政项目) and references back (该项目…) name nothing. Its figures are the
report's own: the full-year budget (else the initial one) and what was executed.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.form_fields import field_values, form_fields
from ingestion.parsing.projects.headings import fund_headings
from ingestion.parsing.projects.title_funds import title_funds
from ingestion.parsing.sections import Section
from ingestion.parsing.text import Span, fold
from ingestion.parsing.units.names import UNIT_SUFFIX

_NAME_FIELDS = ("项目名称", "转移支付(项目)名称", "项目(资金)名称", "资金名称")
_QUOTED = re.compile(r"[“\"]([^”\"]{4,60})[”\"]")
_PAREN_END = re.compile(r"[（(]([^（）()]{3,60})[）)]$")
_YEAR_ONLY = re.compile(r"^\s*(?:19|20)\d{2}\s*年度?\s*$|\d\s*[月日]")
_REPORT_END = re.compile(
    r"(?:(?:(?:管理)?使用情况)?(?:支出)?(?:预算执行情况)?(?:重点)?(?:绩效)?(?:重点)?的?(?:自评价?|评价(?:自评)?|自评工作)?(?:情况)?"
    r"(?:的)?(?:报告|结果|自评表|评价表|总结|全周期跟踪问效报告|跟踪问效报告)|(?:管理)?使用情况|"
    r"绩效(?:自评|评价)情况)$"
)
# What leads the year is the unit, or a place's publisher however cut short (某区园林绿化服务2022年…).
# 某补助经费2023年度绩效自评报告: a year after a fund's or project's name is the report's period.
_TRAILING_YEAR = re.compile(r"(?<=[金费付目程助贴])(?:19|20)\d{2}年度?$")
_LEADING_UNIT = re.compile(
    rf"^.{{2,30}}?(?:{UNIT_SUFFIX}|[省市县区州旗])(?=(?:19|20)\d{{2}}年)"
    r"|^[^（）()“”\d]{0,12}?[省市县区州旗][^（）()“”\d]{2,24}?(?=(?:19|20)\d{2}年)"
)
# 关于上报某项目自评的报告: the verb of sending the report up is no part of the name.
_ABOUT = re.compile(r"^.*?关于(?:上报|报送|呈报)?")
_GENERIC = re.compile(
    r"^(?:(?:19|20)\d{2}年度?)?(?:部门|单位|财政|年度|专项|预算|中央|省级|市级|县级|上级|对地方|转移支付)*"
    r"(?:项目|资金|支出|经费)*$"
)
_OPENING = re.compile(
    # 现将某项目绩效报告公布如下: a report published as it is announced
    r"(?:现就|现将)(?P<a>[^，。；:：]{4,60}?)(?:绩效(?:目标)?)?(?:自评)?(?:情况)?报告(?:公告|公布|发布)?如下"
    # 对某工程资金使用情况、目标实现情况等开展了自评: the aspects listed after the name
    r"|对(?:(?:19|20)\d{2}年度?)?(?P<c>[^，。；:：、]{4,60}?)(?:资金)?(?:投入|使用|管理|执行|实施)情况(?:、[^，。；:：、]{2,20})*等?"
    r"(?:开展|进行)了?(?:绩效)?自评"
    r"|对(?P<b>[^，。；:：]{4,60}?)(?:执行情况|实施情况)?(?:开展|进行)了?(?:绩效)?自评"
    # 对2019-2021年某项目开展重点绩效评价: one name that says it is a project, the years it covers
    # no part of it; 对某资金使用情况进行了绩效评价: how it was used, the aspect evaluated, neither
    # 对某补贴使用情况开展了财政绩效评价: a subsidy is a fund as well; the finance office's evaluation
    r"|对(?:(?:19|20)\d{2}(?:[-—~至到](?:19|20)\d{2})?年度?)?(?P<d>[^，。；:：、]{2,58}?(?:项目|工程|资金|经费|补贴))"
    r"\s*(?:执行情况|实施情况|使用情况)?(?:开展|进行)了?(?:财政)?(?:重点|全面)?(?:绩效)?评价"
)
# The work the report is on, named as one fund or project: 开展了2024年度某补助资金绩效自评工作,
# 开展2022年、2023年某专项资金全周期跟踪问效 (the years it covers are no part of the name).
_EVALUATION_OF = re.compile(
    r"开展了?(?:(?:19|20)\d{2}年度?(?:[、和及至到—-](?:19|20)\d{2}年度?)*)?"
    r"(?P<name>[^，。；:：、“”]{4,50}?(?:资金|经费|项目|工程))"
    r"(?:的)?(?:(?:绩效)?(?:自评|评价)工作|(?:全周期)?跟踪问效)"
)
_CITED = re.compile(r"《[^《》]*》")
_PAREN_LINE = re.compile(r"^\s*[（(](?P<name>[^（）()]{4,40}(?:项目|工程|资金|经费|中心))[）)]\s*$")
# A top line naming the fund evaluated under a title that names none (…分 某发展资金绩效自评).
_SUBTITLE_LINE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{4,40}?(?:资金|经费|项目|工程))(?:绩效)?自评(?:报告)?\s*$"
)
# A cover line labelling the project evaluated, its separator often lost (重点评价项目某某改造项目,
# 评价项目：某补助资金): the whole line is the label and one name.
_EVALUATED_LINE = re.compile(
    r"^\s*(?:重点)?(?:评价|绩效评价|被评价)(?:项目|对象)\s*[:：]?\s*"
    r"(?P<name>[^\s，,。；;：:、]{4,40}?(?:项目|工程|资金|经费))\s*$"
)
_TOP_LINES = 15
_FILE_NAMED = re.compile(
    r"(?:报告|自评表|评价表)[（(](?P<name>[^（）()]{4,40}?(?:项目|工程|资金|经费))[）)]\s*\.(?:docx?|pdf|wps|xlsx?)",
    re.IGNORECASE,
)
# The fund whose total a sentence states (2021年某发展资金合计3200万元), not a part of it.
_FUND_TOTAL = re.compile(
    r"(?:^|[。；;])\s*(?:(?:19|20)\d{2}年度?)?(?P<name>[\u4e00-\u9fff（）()]{2,30}?(?:资金|经费))(?:合计|共计|总计)\d"
)
# The fund a higher level issued, named with its amount (2023年中央财政下达我市某补助资金800万元,
# 下达2023年某专项资金50万元: the year it is for is no part of its name; 下达某资金（某行动）90万元:
# the bracket that qualifies it is; 下达某某自治区2021年某资金: the place given it, before the year, is not).
_FUND_ISSUED = re.compile(
    r"(?<!共)(?<!共计)(?<!合计)(?<!累计)下达(?:给)?(?:我|本)?(?:省|市|县|区|州|旗|局|单位|镇|乡)?(?:的)?"
    r"(?:[\u4e00-\u9fff]{2,12}?(?:省|市|县|区|州|旗)(?=(?:19|20)\d{2}年))?(?:(?:19|20)\d{2}年度?)?(?P<name>[\u4e00-\u9fff（）()“”]{2,40}?(?:资金|经费)(?:[（(][\u4e00-\u9fff]{2,20}[）)])?)"
    r"(?:共计|合计|总计|共)?\d"
)
# A project that opens a paragraph as its subject (某管网工程（二期）是为…, 某管理项目为某厅的经常性项目).
_PROJECT_SUBJECT = re.compile(
    r"(?P<name>[\u4e00-\u9fff“”\d]{2,40}?(?:项目|工程)(?:[（(][^（）()]{1,8}[）)])?)(?:是|为|系|由|于|位于|属于)"
)
_SUBJECT_PARAGRAPHS = 30
# What the money is for, in a word, names no fund (下达建设资金…), though after a place or a unit it
# may end a project's name (某基地建设项目).
_BARE = re.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:建设|补助|补贴|工作|业务)+(?:项目|资金|经费)$")
# A unit before a generic fund (某中学专项资金) names no project; a report's own words are no name.
_LEADING_NAME = re.compile(rf"^.{{2,30}}?{UNIT_SUFFIX}")
# A form's 项目名称 holding a facility and 项目 alone (某县全民健身中心项目, 某文化馆工程): a building
# project, named after what it builds, though 中心 or 馆 may end a unit's name.
_FACILITY_PROJECT = re.compile(r"^(?:项目|工程)$")
_NOT_A_NAME = re.compile(r"绩效|评价|结果|通报|公告|整理|报告")
# A count or a share of projects (12个项目, 部分重点项目) is several, not one.
_SEVERAL = re.compile(r"\d+个|^(?:部分|若干|相关|有关|重点)(?:重点)?(?:项目|资金)$")
# Words that speak of all a unit's projects (对全县所有项目开展自评) in prose, though a form's
# 项目名称 may hold them (2023年全县某补助资金项目).
_ALL_OF_THEM = re.compile(r"各类|各项|所有|全部|全局|全县|全市|全区|全省")
_SELF = re.compile(r"^(?:我(?:市|县|区|省|州|局|厅|委|办|单位|镇|乡)|本(?:单位|部门|局|厅))")
# 该项目…, 此项资金…, 上述项目…, 以下项目…: a reference to a project named elsewhere, not its name.
_REFERENCE = re.compile(r"^(?:该|此|本|上述|以上|以下|下列|如下|前述|各|其)")
# The project whose planned investment a sentence states (我县2021年某桥梁改造项目计划投资3180万元).
_PROJECT_INVESTMENT = re.compile(
    r"(?:^|[。；;])\s*(?:我(?:市|县|区|镇|乡))?(?P<name>(?:(?:19|20)\d{2}年度?)?[\u4e00-\u9fff（）()]{2,40}?项目)"
    r"[,，]?(?:计划|总)投资(?:总额|额)?(?:为|共计?|合计)?\d"
)


def _clean(name: str, from_form: bool = False) -> str | None:
    name = re.sub(r"\s+", "", name).strip('“”"')
    name = _SELF.sub("", name)
    name = re.sub(r"(?<=项目)资金$|(?<=项目)支出$", "", name)
    name = re.sub(r"(?<=[资经])(金|费)支出$", r"\1", name)
    after_unit = _LEADING_NAME.sub("", name)
    built = from_form and _FACILITY_PROJECT.match(after_unit)
    generic = (
        (after_unit and not built and _GENERIC.match(after_unit)) or _GENERIC.match(name) or _BARE.match(name)
    )
    not_a_name = _NOT_A_NAME.search(name) or (not from_form and _ALL_OF_THEM.search(name))
    reference = _REFERENCE.match(name) or _SEVERAL.search(name)
    return None if len(name) < 4 or generic or not_a_name or reference else name


def _named_in_title(title: str) -> str | None:
    """A name the title sets apart: in quotes, or in a parenthesis after its report word."""
    quoted = _QUOTED.search(title)
    if quoted:
        return _clean(quoted.group(1))
    paren = _PAREN_END.search(title)
    if paren and not _YEAR_ONLY.search(paren.group(1)):
        return _clean(paren.group(1))
    return None


def _named_in_file_name(document: Document) -> tuple[str, Span] | None:
    """The project a top line's file name sets apart (…绩效自评报告（某排灌站工程项目）.doc)."""
    for line in [b for b in document.blocks[:_TOP_LINES] if isinstance(b, Paragraph)]:
        found = _FILE_NAMED.search(fold(line.text))
        if found and (name := _clean(found["name"])):
            start = line.start + found.start("name")
            return name, Span(found["name"], start, start + len(found["name"]))
    return None


def _title_core(title: str) -> str | None:
    """What the title says before its report words, without a unit leading it before a year."""
    core = _PAREN_END.sub("", fold(title)).strip()
    core = _ABOUT.sub("", core)
    core = _REPORT_END.sub("", core)
    core = _LEADING_UNIT.sub("", core)
    return _clean(_TRAILING_YEAR.sub("", core))


def _uncited(text: str) -> str:
    """The text with what a cited document's title says (《关于开展某资金绩效评价工作的通知》) blanked,
    offsets kept: the work a notice announces is the report's subject only when the report names
    no other."""
    return _CITED.sub(lambda m: "《" + "。" * (len(m.group()) - 2) + "》", text)


def _from_text(document: Document, sections: list[Section]) -> tuple[str, int] | None:
    lines = [b for b in document.blocks[:_TOP_LINES] if isinstance(b, Paragraph)]
    for line in lines:
        paren = _PAREN_LINE.match(line.text)
        if paren:
            return paren["name"], line.start + paren.start("name")
        subtitle = _SUBTITLE_LINE.search(fold(line.text))
        if subtitle and _clean(subtitle["name"]):
            return subtitle["name"], line.start + subtitle.start("name")
    cited: tuple[str, int] | None = None  # the notice's own work: the report's only when nothing else is
    for paragraph in islice(document.paragraphs(), _SUBJECT_PARAGRAPHS):
        text = fold(paragraph.text)
        evaluated = _EVALUATION_OF.search(_uncited(text))
        if evaluated is not None and _clean(evaluated["name"]):
            return evaluated["name"], paragraph.start + evaluated.start("name")
        # Without a cited title the text read whole is the text just read: nothing more to find.
        in_notice = cited is None and "《" in text and _EVALUATION_OF.search(text)
        if in_notice and _clean(in_notice["name"]):
            cited = in_notice["name"], paragraph.start + in_notice.start("name")
    for pattern in (_PROJECT_INVESTMENT, _FUND_TOTAL, _FUND_ISSUED):
        for paragraph in document.paragraphs():
            total = pattern.search(fold(paragraph.text))
            if total is not None and _clean(total["name"]):  # 下达建设资金…: no name, read on
                return total["name"], paragraph.start + total.start("name")
    for line in lines:
        opening = _OPENING.search(_uncited(fold(line.text)))
        name = opening and (opening["a"] or opening["b"] or opening["c"] or opening["d"])
        if opening and name and _clean(name):
            group = next(g for g in "abcd" if opening[g])
            return name, line.start + opening.start(group)
    for paragraph in islice(document.paragraphs(), _SUBJECT_PARAGRAPHS):
        text = fold(paragraph.text)
        lead = len(text) - len(text.lstrip())
        subject = _PROJECT_SUBJECT.match(text, lead)
        if subject is not None and _clean(subject["name"]):
            return subject["name"], paragraph.start + subject.start("name")
    return cited


def project_name(
    document: Document, title: str | None, sections: list[Section]
) -> tuple[str, Span | None] | None:
    """The name of the report's one project, and where it is stated (None for the title)."""
    for field in field_values(form_fields(document.text), *_NAME_FIELDS):
        name = _clean(field.value, from_form=True)
        if name:
            return name, Span(field.value, field.start, field.end)
    for line in [b for b in document.blocks[:_TOP_LINES] if isinstance(b, Paragraph)]:
        labelled = _EVALUATED_LINE.match(fold(line.text))
        if labelled and (name := _clean(labelled["name"])):
            return name, Span(
                labelled["name"], line.start + labelled.start("name"), line.start + labelled.end("name")
            )
    in_title = _named_in_title(title) if title else None
    if in_title:
        return in_title, None
    file_named = _named_in_file_name(document)
    if file_named:
        return file_named
    headings = fund_headings(sections)
    if len(headings) == 1:  # the one fund a transfer-payment report covers, by its full name
        return headings[0], None
    core = _title_core(title) if title else None
    if core:
        return core, None
    # 某补助资金区域绩效目标自评表, 某专项资金和某转移支付2022年度…: the fund(s) the title opens with.
    funds = _clean(title_funds(title) or "") if title else None
    if funds:
        return funds, None
    stated = _from_text(document, sections)
    if stated and (name := _clean(stated[0])):
        return name, Span(stated[0], stated[1], stated[1] + len(stated[0]))
    return None


def single_project(name: str, amounts: dict[str, Any]) -> dict[str, Any]:
    """The project record, with the report's own budget and execution as its figures."""
    budget = amounts.get("budget_full_year") or amounts.get("budget_initial")
    return {
        "name": name,
        "type": None,
        "purpose": None,
        "budget_wan": budget,
        "spent_wan": amounts.get("executed"),
    }
