"""The reporting unit's name (without the region prefix) and the full names its region comes from.

Sources, strongest first: a ``单位名称：`` / ``评价单位（公章）：`` line or table cell; the title
before its topic (2023年度 | 株洲市芦淞区建宁街道办事处 | 整体支出绩效自评报告); a top line that
is only the unit's name; a unit the body names with its full designation (董家塅街道办事处属...);
a short ``XX街道`` / ``XX镇`` named at least twice. A short 镇/乡 name becomes its full
designation (前山镇人民政府) when the text states it; the region prefix, and a 人民政府 that only
introduces the unit, are dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.scan import anchored_finditer, anchored_search
from ingestion.parsing.sections import heading_of
from ingestion.parsing.text import Span, fold
from ingestion.regions import split_region_prefix

_NAME_FIELD = re.compile(
    r"(?:(?:部门|单位|预算部门|主管部门|实施单位)(?:[（(](?:单位|部门)[）)])?名称[：:\s]*|"
    r"(?:评价|填报|报送|编报|自评|项目实施|实施)单位\s*[（(]?(?:公章|盖章)?[）)]?\s*[：:|\t]\s*)"
    r"(?P<name>[\u4e00-\u9fff（）()]{3,40}?)(?:[（(](?:盖章|公章)[）)]|[。；;，,]|\s|$)",
    re.M,
)
# Every 名称 field holds 名称 2-8 characters after its start; every 评价单位 field holds 单位 2-4 after.
_NAME_FIELD_ANCHORS = (("名称", 2, 8), ("单位", 2, 4))
_SPACES = re.compile(r"[ \t\u3000]+")
# The unit's own line at the top (2023年度内蒙古自治区...根河市河东街道办事处, then 目录).
_TOP_LINES = 6
_MAX_UNIT_LINE = 40
_YEAR_PREFIX = re.compile(r"^(?:关于)?(?:(?:19|20)\d{2}年度?)?")
_TITLE_TOPIC = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?(?:部门|单位)?(?:[（(]单位[）)])?"
    r"(?:整体支出|整体绩效|项目支出|重点项目|项目绩效|绩效|预算|决算)"
)
UNIT_SUFFIX = (
    r"(?:街道办事处|人民政府|办事处|委员会|管理局|局|委|办公室|中心|研究院|院|所|站|馆|队|厅|镇|乡|街道|"
    r"学校|医院|协会|联合会|处|会|部|办|社|台|场)"
)
_UNIT_END = re.compile(rf"^.*{UNIT_SUFFIX}")
# An xls header's 部门：昭通市彝良县龙安镇中心卫生院 (not 主管部门, not 金额单位：元).
_DEPARTMENT_FIELD = re.compile(
    rf"(?<![\u4e00-\u9fff])(?:部门|单位)[：:]\s*(?P<name>[\u4e00-\u9fff]{{1,38}}?{UNIT_SUFFIX})(?=[\s|，,。；;]|$)"
)
_DEPARTMENT_FIELD_ANCHORS = (("部门", 0, 0), ("单位", 0, 0))
# A title-like top line (a table cell ending in |, a title run on into its table of contents);
# a file name (…决算公开报告.doc) only when no other line names the unit.
_TITLE_LIKE = re.compile(r"报告|决算|说明|自评表|评价表|评价结果")
_FILE_NAME = re.compile(r"\.(?:docx?|xlsx?|pdf|txt|wps|et)\s*$", re.I)
_PUNCTUATION = re.compile(r"[，。；：:、,;]")
_SENTENCE = re.compile(r"[，。；,;]")  # prose, not a title run on into its contents
# 渠县林业技术推广站下设办公室: the unit, named as the subject of its own structure.
_SUBORDINATE_WORDS = ("下设", "内设")
_SUBJECT_RUN = re.compile(r"[\u4e00-\u9fff]{2,20}$")
# A unit with its full designation named in the body (2021年，嘉茗街道办事处在...; 我单位系
# 前山镇人民政府); the name is the run of Chinese characters before the designation, after the
# last lead-in word (a year, 我单位是 ...).
_FULL_DESIGNATION = re.compile(r"街道办事处|镇人民政府|乡人民政府")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff]{2,16}$")
_LEAD_IN = re.compile(r"^.*(?:年度|年|单位是|单位为|单位系|单位)")
# Place names of towns and streets are short; 各/等/本 mark a mention of other or all units.
_MAX_PLACE_NAME = 6
_NOT_A_NAME = re.compile("[各等该本我]")
_SHORT_UNIT = re.compile(r"(?<![本全各该我此两每])(?P<name>[\u4e00-\u9fff]{2,4})(?P<kind>街道|镇)")
_SHORT_UNIT_ANCHORS = (("街道", 2, 4), ("镇", 2, 4))
_REGION_END = re.compile("[省市区县州旗]")
_NOT_NAME_START = set("本全各该我此两每的了在和与及对为等是由于从向将把被让给共把辖区")


def _strip_region(name: str) -> str:
    """Without the region prefix, and without 人民政府 when it only introduces the unit
    (杭州市钱塘区人民政府前进街道办事处 -> 前进街道办事处; 景东县人民政府驻外办事联络处)."""
    _, rest = split_region_prefix(name)
    if rest.startswith("人民政府") and len(rest) > len("人民政府") + 1:
        rest = rest[len("人民政府") :]
    return rest or name


def _from_title(title: str) -> str | None:
    rest = _YEAR_PREFIX.sub("", _SPACES.sub("", fold(title)), count=1)
    topic = _TITLE_TOPIC.search(rest)
    head = rest[: topic.start()] if topic else ""
    # 东岭街道办事处部门2021年度部门决算: a generic 部门/单位 after the unit is not part of it.
    bare = head.removesuffix("部门").removesuffix("单位")
    if bare != head and _UNIT_END.fullmatch(bare):
        head = bare
    candidate = _UNIT_END.match(head)
    return candidate.group() if candidate and len(candidate.group()) >= 2 else None


def _body_unit(text: str) -> tuple[str, int] | None:
    """The full-designation unit (XX街道办事处 / XX镇人民政府) the body names most often, and where
    it is first named; mentions of other units (各街道办事处, 本镇人民政府) do not count."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for match in _FULL_DESIGNATION.finditer(text):
        run = _NAME_RUN.search(text, max(0, match.start() - 16), match.start())
        if run is None:
            continue
        core = _LEAD_IN.sub("", run.group())
        name = core + match.group()
        bare = _strip_region(name).removesuffix(match.group())
        if not 2 <= len(bare) <= _MAX_PLACE_NAME or core[0] in _NOT_NAME_START or _NOT_A_NAME.search(bare):
            continue
        counts[name] += 1
        first.setdefault(name, match.end() - len(name))
    if not counts:
        return None
    top = max(counts.values())
    name = min((n for n, c in counts.items() if c == top), key=first.__getitem__)
    return name, first[name]


def _short_name(text: str) -> str | None:
    """The ``XX街道`` the body names most often (at least twice), trimmed to the name itself."""
    counts: Counter[str] = Counter()
    for match in anchored_finditer(_SHORT_UNIT, text, _SHORT_UNIT_ANCHORS):
        # 垫江县太平镇: the name starts after the county, not inside it.
        name = _REGION_END.split(match["name"])[-1]
        for size in range(len(name), 1, -1):
            tail = name[-size:]
            if tail[0] not in _NOT_NAME_START:
                counts[tail + match["kind"]] += 1
    best = [(n, c) for n, c in counts.most_common() if c >= 2]
    if not best:
        return None
    top = max(c for _, c in best)
    longest = max((n for n, c in best if c == top), key=len)
    return longest + ("办事处" if longest.endswith("街道") else "")


def _top_line_unit(document: Document, skip: set[int]) -> tuple[str, Span] | None:
    """A line at the very top that is nothing but the unit's name (with its region/year)."""
    lines = [b for i, b in enumerate(document.blocks[: _TOP_LINES + len(skip)]) if i not in skip]
    for block in lines[:_TOP_LINES]:
        if not isinstance(block, Paragraph):
            return None
        line = _SPACES.sub("", fold(block.text))
        if len(line) > _MAX_UNIT_LINE or re.search(r"[，。；：:、,;]", line):
            continue
        if heading_of(block) is not None:
            return None
        bare = _YEAR_PREFIX.sub("", line, count=1)
        if len(bare) >= 4 and _UNIT_END.fullmatch(bare):
            return bare, Span(block.text, block.start, block.end)
    return None


def _top_title_unit(document: Document, skip: set[int]) -> tuple[str, Span] | None:
    """The unit before the topic of a title-like top line that is not a clean title line:
    ``云县统计局2023年度部门决算 |``, ``…包头市档案馆 2020年度决算公开报告 目录 第一部分…``."""
    lines = [b for i, b in enumerate(document.blocks[: _TOP_LINES + len(skip)]) if i not in skip]
    paragraphs = [b for b in lines[:_TOP_LINES] if isinstance(b, Paragraph)]
    # File names last: 2020年某市档案馆决算公开报告.doc names the unit less exactly than the text.
    for block in sorted(paragraphs, key=lambda b: _FILE_NAME.search(b.text) is not None):
        line = block.text.split("|", 1)[0]
        if not _TITLE_LIKE.search(line) or _SENTENCE.search(line):
            continue
        unit = _from_title(_FILE_NAME.sub("", line))
        if unit and not _PUNCTUATION.search(unit):
            return unit, Span(block.text, block.start, block.end)
    return None


def _subject_unit(text: str) -> tuple[str, int] | None:
    """The first unit named as the subject of 下设/内设 (渠县林业技术推广站下设办公室...)."""
    for word in _SUBORDINATE_WORDS:
        at = text.find(word)
        while at >= 0:
            run = _SUBJECT_RUN.search(text, max(0, at - 20), at)
            if run:
                name = _LEAD_IN.sub("", run.group())
                if (
                    name
                    and name[0] not in _NOT_NAME_START
                    and _UNIT_END.fullmatch(name)
                    and len(_strip_region(name)) >= 3
                ):
                    return name, at - len(name)
            at = text.find(word, at + 1)
    return None


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
    name = _strip_region(full)
    if not _UNIT_END.fullmatch(name) or len(name) < 3:
        return None
    core = name.removesuffix("办事处").removesuffix("人民政府")
    if len(core) >= 2 and core in body:
        return name
    if _SELF_REFERENCE.search(body) and not _PUBLISHES_FOR_OTHERS.search(name):
        return name
    return None


def unit_name(
    document: Document, title: Span | None, skip: set[int] | None = None
) -> tuple[str | None, list[str], Span | None]:
    """(unit name without region, full names to take the region from, evidence span)."""
    text = document.text
    field = anchored_search(_NAME_FIELD, text, _NAME_FIELD_ANCHORS)
    if field:
        full = field["name"].strip()
        return _strip_region(full), [full], Span(full, field.start("name"), field.end("name"))
    department = anchored_search(_DEPARTMENT_FIELD, text, _DEPARTMENT_FIELD_ANCHORS)
    if department:
        full = department["name"]
        return _strip_region(full), [full], Span(full, department.start("name"), department.end("name"))
    full_names = []
    if title is not None:
        from_title = _from_title(title.text)
        if from_title:
            return _full_form(_strip_region(from_title), text), [from_title], title
        full_names.append(_YEAR_PREFIX.sub("", _SPACES.sub("", title.text), count=1))
    for top in (_top_title_unit(document, skip or set()), _top_line_unit(document, skip or set())):
        if top:
            return _full_form(_strip_region(top[0]), text), [*full_names, top[0]], top[1]
    for named in (_body_unit(text), _subject_unit(text)):
        if named:
            full, start = named
            return _strip_region(full), [*full_names, full], Span(full, start, start + len(full))
    short = _short_name(text)
    return (_full_form(short, text) if short else None), full_names, None
