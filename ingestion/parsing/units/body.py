"""Units the report's body names: where a page has no title or form naming the reporting unit.

Sources, each a layout national templates share:
- the overview heading of a 决算: ``第一部分 某市某局概况`` (a PDF may break it: ``概`` / ``况``),
  or the heading of its make-up: ``二、某市某联合会决算单位构成``;
- a name introduced with its short form: ``某省某联合会（以下简称“省某联”）``, ``（简称某管委会）``;
- a unit that opens a sentence as its subject: ``某县某小学校是一所…``, ``2022年以来，某市某局认真…``
  (any sentence of a paragraph: ``中华全国某联合会是…。某县某联合会是…``),
  or acts on the notice the paragraph cites (``…根据《…的通知》要求，某县某局组成评价组``)
  (with its region, a township's name or a long name of its own, so a generic 财政局 mentioned
  in passing is not taken);
- a full designation the body repeats: ``…街道办事处`` / ``…镇人民政府`` (the one named most often);
- the subject of 下设/内设 (``某县林业技术推广站下设办公室``);
- the unit whose results an announcement opens with (``现将某县水利局2023年度…情况公示如下``,
  ``现将2022年某县水利局某资金项目绩效自评报告如下``);
- a short ``XX街道`` / ``XX镇`` named at least twice;
- the unit whose own rules the report cites while speaking of itself (我厅 … 《某省某厅财务管理办法》);
- the office that commissioned a third party's evaluation (某事务所接受某县财政局的委托);
- the signature above the closing date (``signature``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.scan import anchored_finditer

# Re-exported: the name helpers lived here first and other extractors import them from here.
from ingestion.parsing.units.names import (
    NOT_NAME_START,
    OWN_LEVEL,
    UNIT_SUFFIX,
    WORD_GOES_ON,
    first_name,
    is_unit_name,
    strip_region,
)
from ingestion.regions import split_region_prefix

_FULL_DESIGNATION = re.compile(r"街道办事处|镇人民政府|乡人民政府")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff]{2,16}$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEAD_IN = re.compile(r"^.*(?:年度|年|单位是|单位为|单位系|单位)")
# Place names of towns and streets are short; 各/等/本 mark a mention of other or all units.
_MAX_PLACE_NAME = 6
_NOT_A_NAME = re.compile("[各等该本我]")
_SHORT_UNIT = re.compile(r"(?<![本全各该我此两每])(?P<name>[\u4e00-\u9fff]{2,4})(?P<kind>街道|镇)")
_SHORT_UNIT_ANCHORS = (("街道", 2, 4), ("镇", 2, 4))
_REGION_END = re.compile("[省市区县州旗]")
# 城镇, 乡镇, 村镇, 集镇 are words, not a town's name.
_NOT_A_TOWN = ("城", "乡", "村", "集", "市")
_SUBORDINATE_WORDS = ("下设", "内设")
_SUBJECT_RUN = re.compile(r"[\u4e00-\u9fff]{2,20}$")
_OVERVIEW = re.compile(
    r"(?:^|\n)[ \t\u3000]*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,2}[、.])?[：:\s]*"
    # 某馆部门（单位）概况: the template's generic word, with its alternative in brackets.
    rf"(?P<name>[\u4e00-\u9fff（）()]{{2,40}}?{OWN_LEVEL})(?:部门|单位)?(?:[（(](?:部门|单位)[）)])?(?:基本)?"
    r"(?:概[ \t\u3000]*\n?[ \t\u3000]*况|决算(?:单位)?构成)"
)
_ALIAS = re.compile(r"(?P<name>[\u4e00-\u9fff]{3,30})[（(](?:以下简称|以下称|下称|简称)")
_ALIAS_ANCHORS = (("简称", 4, 33), ("下称", 4, 33))
_SUBJECT_VERBS = (
    "是|为|系|作为|负责|成立|始建|位于|属于|属|隶属|主要|承担|内设|下设|设有|共有|现有|认真|较好|积极|坚持|"
    "围绕|始终|深入|全面|切实|严格|按照|根据|紧紧|高度|聚焦|立足|紧扣|以|"
    # 某局贯彻落实…, 某局的主要职责是…: the verbs a duties section opens with.
    "贯彻|落实|履行|统筹|牵头|致力|秉承|秉持|大力|不断|进一步|的主要职[责能]|的职[责能]|"
    # 某中心于2010年6月挂牌成立: the date it was set up (not 某财政局于2023年3月下达…, another office).
    r"于(?:19|20)\d{2}年[^。，,；;]{0,12}?(?:成立|挂牌|组建|设立)"
)
_SUBJECT = re.compile(
    r"(?:(?:截至|截止)?(?:19|20)\d{2}年(?:度|以来|底|末)?(?:12月31日)?[,，]?)?"
    rf"(?P<name>[\u4e00-\u9fff]{{3,24}}?{UNIT_SUFFIX}){OWN_LEVEL}"
    # 某县教育局（某县体育局）是…: an office under two names, the first taken.
    rf"(?:[（(][\u4e00-\u9fff]{{3,24}}?{UNIT_SUFFIX}[）)])?(?={_SUBJECT_VERBS})"
)
_SUBJECT_PARAGRAPHS = 60
_SENTENCE_END = re.compile(r"。")
# The notice a report cites (根据《某局关于…的通知》（某财〔2024〕8号）要求，): the unit acting on
# it follows; after its own 三定 rules (根据《某局职能配置和人员编制规定》，) the unit
# whose duties they set (某局主要履行以下职责).
# Several notices may be cited (根据《…》（…号）、《…》有关规定，); the unit may act with another
# office (某厅、财政厅组织…).
_CITED_NOTICE = r"《[^》]{4,80}》(?:[（(][^）)]{2,30}[）)])?"
_NOTICE_FRAME = re.compile(
    rf"(?:根据|按照|依据){_CITED_NOTICE}(?:[、和及]{_CITED_NOTICE})*(?:文件)?(?:的)?(?:有关|相关)?"
    r"(?:要求|精神|规定|安排|部署)?[，,]"
)
_ACTING = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{3,24}}?{UNIT_SUFFIX}){OWN_LEVEL}"
    rf"(?:、[\u4e00-\u9fff]{{2,20}}?{UNIT_SUFFIX})?"
    r"(?=组成|组织|成立|对|于|开展|认真|主要|负责|承担|履行)"
)
# A name this long is a unit's own, though no gazetteer knows its place (某某高新区某某管理中心).
_SPECIFIC_NAME = 12
_TOWNSHIP_UNIT = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{2,4}?(?:乡|镇|街道))"
    r"(?:中心)?(?:卫生院|学校|小学|中学|幼儿园|财政所|站|所|中心)"
)
# 城乡/乡镇/城镇/村镇: words, not a township's name.
_TOWNSHIP_WORDS = ("城乡", "乡镇", "城镇", "村镇", "集镇", "市镇")
_ANNOUNCED = re.compile(
    rf"现将(?P<name>[\u4e00-\u9fff（）()]{{3,30}}?{UNIT_SUFFIX}){OWN_LEVEL}(?=(?:关于)?(?:19|20)\d{{2}}年)"
    # 现将2022年某局某资金项目绩效自评报告如下: the year first, the unit, then the report's topic.
    rf"|现将(?:19|20)\d{{2}}年度?(?P<after_year>[\u4e00-\u9fff（）()]{{3,30}}?{UNIT_SUFFIX}){WORD_GOES_ON}{OWN_LEVEL}"
    r"(?=[^，。；,;]{2,60}?(?:报告|公示|公告|通报)如下)"
)
# 我厅, 本局: the report's self-reference, whose suffix its own unit's name ends with.
_SELF_SUFFIX = re.compile(r"[我本](?P<suffix>厅|局|委|院|校|馆|中心|站|所|办)")
_CITED_TITLE = re.compile(r"《(?P<title>[^》]{6,60})》")
_RULES_HEAD = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{3,20}}?{UNIT_SUFFIX})(?=[\u4e00-\u9fff]{{2,}}(?:办法|规定|制度|细则|规则|规程))"
)
_OTHERS_RULES = re.compile(r"财政|审计|通知|意见|决定")
_COMMISSIONED = re.compile(rf"(?:接受|受)(?P<name>[\u4e00-\u9fff]{{2,20}}?{UNIT_SUFFIX})的?委托")


def overview_unit(text: str) -> tuple[str, int] | None:
    """The unit of a 决算's overview heading (第一部分 某局概况) or make-up heading (某局决算单位构成),
    and where it is named."""
    for match in anchored_finditer(_OVERVIEW, text, (("概", 3, 70), ("构成", 5, 76))):
        # 第一部分 某中心（某办公室）概况: an office under two names, the first.
        name = first_name(match["name"].strip())
        if is_unit_name(name) and not name.startswith(("部门", "单位")):
            return name, match.start("name")
    return None


def alias_unit(text: str) -> tuple[str, int] | None:
    """A unit introduced with its short form: 某省某联合会（以下简称“省某联”）."""
    for match in anchored_finditer(_ALIAS, text, _ALIAS_ANCHORS):
        name = _LEAD_IN.sub("", match["name"])
        if is_unit_name(name):
            return name, match.end("name") - len(name)
    return None


def subject_unit(document: Document) -> tuple[str, int] | None:
    """A unit with its region that opens a paragraph as its subject (某县某小学校是一所…), or the
    clause after the notice the paragraph opens with (根据《…》要求，某县某局组成…)."""
    for block in document.blocks[:_SUBJECT_PARAGRAPHS]:
        if not isinstance(block, Paragraph):
            continue
        lead = len(block.text) - len(block.text.lstrip())
        text = block.text[lead:]
        for match in _subjects(text):
            if match is not None and _names_a_unit(match["name"]):
                return match["name"], block.start + lead + match.start("name")
    return None


def _subjects(text: str) -> Iterator[re.Match[str] | None]:
    """What may open the paragraph as its unit: each sentence's start (中华全国某联合会是…。某县某
    联合会是…), then the clause after a cited notice; read lazily, the first that names a unit wins."""
    yield _SUBJECT.match(text)
    for end in _SENTENCE_END.finditer(text):
        yield _SUBJECT.match(text, end.end())
    yield _acting_on_notice(text)


def _names_a_unit(name: str) -> bool:
    """A unit with its region, under a township's name, or with a long name of its own."""
    region, rest = split_region_prefix(name)
    specific = len(name) >= _SPECIFIC_NAME and is_unit_name(name)
    return (region is not None and is_unit_name(rest)) or _township_unit(rest) or specific


def _acting_on_notice(text: str) -> re.Match[str] | None:
    notice = _NOTICE_FRAME.search(text)
    if notice is None:
        return None
    return _ACTING.match(text, notice.end())


def _township_unit(name: str) -> bool:
    """A unit under a township's name (某某乡卫生院, 某某镇中心学校): the place is as specific as
    a county's, though no gazetteer of counties lists it."""
    match = _TOWNSHIP_UNIT.fullmatch(name)
    return (
        match is not None
        and match["place"][0] not in NOT_NAME_START
        and not match["place"].endswith(_TOWNSHIP_WORDS)
    )


def announced_unit(text: str) -> tuple[str, int] | None:
    """The unit an announcement names before the year of its results (现将某局2023年度…如下)."""
    for match in anchored_finditer(_ANNOUNCED, text, (("现将", 0, 0),)):
        group = "name" if match["name"] else "after_year"
        if is_unit_name(match[group]):
            return match[group], match.start(group)
    return None


def repeated_designation(text: str) -> tuple[str, int] | None:
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
        bare = strip_region(name).removesuffix(match.group())
        # 和/共 … open a name too (和平乡, 共和镇) where nothing comes before it in the sentence.
        opens_sentence = core == run.group() and (run.start() == 0 or not _CJK.match(text, run.start() - 1))
        joined = core[0] in NOT_NAME_START and not opens_sentence
        if not 2 <= len(bare) <= _MAX_PLACE_NAME or joined or _NOT_A_NAME.search(bare):
            continue
        counts[name] += 1
        first.setdefault(name, match.end() - len(name))
    if not counts:
        return None
    top = max(counts.values())
    name = min((n for n, c in counts.items() if c == top), key=first.__getitem__)
    return name, first[name]


def short_name(text: str) -> str | None:
    """The ``XX街道`` the body names most often (at least twice), trimmed to the name itself."""
    counts: Counter[str] = Counter()
    for match in anchored_finditer(_SHORT_UNIT, text, _SHORT_UNIT_ANCHORS):
        # 垫江县太平镇: the name starts after the county, not inside it.
        name = _REGION_END.split(match["name"])[-1]
        # 本镇, 该街道: this town, not a town's name; 城镇, 乡镇: words.
        if name[-1] in NOT_NAME_START or (match["kind"] == "镇" and name.endswith(_NOT_A_TOWN)):
            continue
        for size in range(len(name), 1, -1):
            tail = name[-size:]
            if tail[0] not in NOT_NAME_START:
                counts[tail + match["kind"]] += 1
    best = [(n, c) for n, c in counts.most_common() if c >= 2]
    if not best:
        return None
    top = max(c for _, c in best)
    longest = max((n for n, c in best if c == top), key=len)
    return longest + ("办事处" if longest.endswith("街道") else "")


def subordinate_subject(text: str) -> tuple[str, int] | None:
    """The first unit named as the subject of 下设/内设 (渠县林业技术推广站下设办公室...)."""
    for word in _SUBORDINATE_WORDS:
        at = text.find(word)
        while at >= 0:
            run = _SUBJECT_RUN.search(text, max(0, at - 20), at)
            if run:
                name = _LEAD_IN.sub("", run.group())
                if name and is_unit_name(name) and len(strip_region(name)) >= 3:
                    return name, at - len(name)
            at = text.find(word, at + 1)
    return None


def own_rules_unit(text: str) -> tuple[str, int] | None:
    """The unit whose own rules a report cites while speaking of itself (我厅 … 《某省某厅财务管理
    办法》): a unit with its region, ending as the report's self-reference does, at the head of a
    cited title that is no notice of another office (关于…, a finance or audit office)."""
    own = {match["suffix"] for match in _SELF_SUFFIX.finditer(text)}
    if not own:
        return None
    for cited in _CITED_TITLE.finditer(text):
        title = cited["title"]
        if "关于" in title or _OTHERS_RULES.search(title):
            continue
        head = _RULES_HEAD.match(title)
        if head is None or not head["name"].endswith(tuple(own)):
            continue
        region, rest = split_region_prefix(head["name"])
        if region is not None and is_unit_name(rest):
            return head["name"], cited.start("title")
    return None


def commissioning_unit(text: str) -> tuple[str, int] | None:
    """The office that commissioned a third party's evaluation (某事务所接受某县财政局的委托): the
    report is that office's."""
    for match in anchored_finditer(_COMMISSIONED, text, (("委托", 4, 30),)):
        if is_unit_name(match["name"]):
            return match["name"], match.start("name")
    return None
