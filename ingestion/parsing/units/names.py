"""What a unit's name looks like: the office suffix it ends in, its region prefix, its two names.

``UNIT_END`` reads a run of text as ending in an office (某县某局, 某镇人民政府, 某局（本级）);
``strip_region`` drops the place before it; ``first_name`` keeps the first of an office's two
names (某区综合行政执法局（某区城市管理局）), the one it reports as.
"""

from __future__ import annotations

import re

from ingestion.regions import split_region_prefix

# 城乡居民, 城乡居保, 城乡建设: the word for town and country, no township (古城乡 is one).
_TOWN_AND_COUNTRY = r"(?<=城)乡(?=居|建设|规划|社区|一体|统筹|融合|低保|医疗|养老|义务|环境|公交|供水)"
# A township's central school (某镇中心校) and a government's 研究室/参事室 are units as well.
UNIT_SUFFIX = (
    r"(?:街道办事处|人民政府|(?<=[镇乡])政府|办事处|委员会|管理局|党校|局|委|办公室|(?:研究|参事)室|中心校|中心|研究院|院|所|(?<!网)站|馆|队|厅|镇|"
    rf"(?!{_TOWN_AND_COUNTRY})乡|街道|"
    r"学校|小学|中学|大学|幼儿园|医院|基地|协会|联合会|联|协|处|会|部|办|社|台|场)"
)
# 某局（本级）, 某局机关: the unit's own accounts, still the unit. 某镇政府 is short for 某镇人民政府.
OWN_LEVEL = r"(?:[（(](?:本级|机关|本部)[）)]|机关(?![\u4e00-\u9fff]*(?:局|中心|幼儿园|学校)))?"
# A suffix character that starts a common word is no unit's end (乡村, 处理, 部分, 社会, 所有, 所属).
WORD_GOES_ON = r"(?!村|理|分|会|有|属|议|计|务)"
UNIT_END = re.compile(rf"^.*{UNIT_SUFFIX}{WORD_GOES_ON}{OWN_LEVEL}")

NOT_NAME_START = set("本全各该我此两每的了在和与及对为等是由于从向将把被让给共把辖区")
# 某省委党校（某省行政学院）: a party school's joint name with its administration institute.
JOINT_NAME = re.compile(r"^[\u4e00-\u9fff]{2,30}?党校[（(][\u4e00-\u9fff]{2,20}?行政学院[）)]")
# An office under two names (某区综合行政执法局（某区城市管理局）): the first is the one it reports as.
_SECOND_NAME = re.compile(r"^(?P<first>.{3,}?)[（(](?P<second>[^（）()]{3,})[）)]?$")


def strip_region(name: str) -> str:
    """Without the region prefix, and without 人民政府 when it only introduces the unit
    (某市某区人民政府青石街道办事处 -> 青石街道办事处); a government itself keeps its place."""
    region, rest = split_region_prefix(name)
    if rest.startswith("人民政府") and len(rest) > len("人民政府") + 1:
        rest = rest[len("人民政府") :]
        # 某县人民政府某县财政局 (a banner run on into the title): the same place named again goes
        # too; another place stays (某市人民政府北京联络处).
        again, after = split_region_prefix(rest)
        if again is not None and region is not None and again.code == region.code and after:
            rest = after
    return name if rest in ("人民政府", "") else rest


# 共青团某区委员会: the youth league's name opens with 共, which otherwise starts a word (共有, 共计).
_LEAGUE = "共青团"


def is_unit_name(name: str) -> bool:
    opens_a_name = name[:1] not in NOT_NAME_START or name.startswith(_LEAGUE)
    return len(name) >= 3 and UNIT_END.fullmatch(name) is not None and opens_a_name


def first_name(name: str) -> str:
    """The first of an office's two names (某区综合行政执法局（某区城市管理局） -> the first); a
    parenthesis that is no unit's name (（本级）) stays, and so does a party school's joint name."""
    two_names = _SECOND_NAME.match(name)
    # 某省委党校（某省行政学院）: a party school and its administration institute are one body
    # under a joint name, not an office's two names.
    if JOINT_NAME.fullmatch(name):
        return name
    if two_names and is_unit_name(two_names["first"]) and is_unit_name(two_names["second"]):
        return two_names["first"]
    return name
