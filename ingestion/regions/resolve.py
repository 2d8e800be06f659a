"""Find the reporting unit's own region and complete it from the gazetteer.

Evidence, strongest first: the region prefix of the unit's full name (株洲市天元区松岭街道办事处
in a title or a 单位名称 line), then the district of the portal that published it (its 发布机构
or site name), then county-level names in the body (天元区政府门户网). A body
mention of only a province or city is not enough (a unit "获评湖南省第三批..." is not thereby a
provincial unit), and names inside quotes or book-title marks (“开福区特色美食街”, 《...》)
never count, nor does a name that starts inside a word (适应城市发展 holds 应城市: rjieba's
segmentation of the words around it says where words start). An ambiguous county name (many
城关区 exist) resolves only when a province or city named in the text singles one out;
otherwise the region stays null with a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ingestion.regions.gazetteer import COUNTY, MUNICIPALITIES, PROVINCE, Division, Gazetteer, load_gazetteer

_QUOTED = re.compile(r"“[^”\n]{0,80}”|《[^》\n]{0,80}》|「[^」\n]{0,80}」|\"[^\"\n]{0,80}\"")
_NAME_ENDING = re.compile("[省市区县旗州盟]")
# Enough mentions to rank; a pathological text full of place names stops here.
_MAX_MENTIONS = 5000
# Two-letter county names (高县, 沙县) are everyday words in running text; in the body only
# names of three or more characters count.
_MIN_BODY_NAME = 3
# Characters around a body mention given to the word segmenter: enough for the words it sits in.
_WORD_CONTEXT = 8


@dataclass(frozen=True)
class Region:
    province: str | None = None
    city: str | None = None
    district: str | None = None
    division_code: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "province": self.province,
            "city": self.city,
            "district": self.district,
            "division_code": self.division_code,
        }


def region_of(division: Division, gazetteer: Gazetteer | None = None) -> Region:
    """The full region of a division: its province and city filled in from the code."""
    gazetteer = gazetteer or load_gazetteer()
    province, city = gazetteer.parent_chain(division)
    city_name = city.name if city else None
    if city_name is None and division.code[:2] in MUNICIPALITIES and province:
        city_name = province.name
    return Region(
        province=province.name if province else None,
        city=city_name,
        district=division.name if division.level == COUNTY else None,
        division_code=division.code,
    )


def _fits(child: Division, parent: Division | None) -> bool:
    if parent is None:
        return True
    if parent.level == PROVINCE:
        return child.code[:2] == parent.code[:2]
    return child.code[:4] == parent.code[:4]


@lru_cache(maxsize=4096)
def split_region_prefix(name: str) -> tuple[Division | None, str]:
    """``株洲市天元区松岭街道办事处`` -> (天元区, ``松岭街道办事处``): the most specific division named
    at the start of ``name`` (each level must sit inside the previous one) and the rest."""
    gazetteer = load_gazetteer()
    found: Division | None = None
    rest = name
    while rest:
        step = None
        for size in gazetteer.name_lengths:
            if size > len(rest) or size < 2 or rest[:size] not in gazetteer.by_name:
                continue
            fitting = [d for d in gazetteer.named(rest[:size]) if _fits(d, found)]
            if len(fitting) == 1 and (found is None or fitting[0].level > found.level):
                step = fitting[0]
                break
        if step is None:
            break
        # The name as written (红河州) may be shorter than the division's (红河哈尼族彝族自治州).
        found, rest = step, rest[size:]
    return found, rest


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def _mentions(text: str, gazetteer: Gazetteer) -> Counter[str]:
    """Names of divisions in ``text`` (longest match ending at each 省/市/区/县... character)."""
    counts: Counter[str] = Counter()
    found = 0  # counts.total(), kept as it grows
    for match in _NAME_ENDING.finditer(text):
        i = match.start()
        for size in gazetteer.lengths_by_ending.get(text[max(0, i - 1) : i + 1], ()):
            if size > i + 1:
                continue
            if size < _MIN_BODY_NAME:
                break
            candidate = text[i + 1 - size : i + 1]
            if candidate in gazetteer.by_name:
                counts[candidate] += 1
                found += 1
                break
        if found >= _MAX_MENTIONS:
            break
    return counts


def _starts_a_word(text: str, name: str) -> bool:
    """Whether some mention of ``name`` in ``text`` starts where a word starts."""
    import rjieba  # compiled with its dictionary: nothing is downloaded (ADR 0005)

    for match in re.finditer(re.escape(name), text):
        window_start = max(0, match.start() - _WORD_CONTEXT)
        offset = window_start
        for word in rjieba.cut(text[window_start : match.end() + _WORD_CONTEXT]):
            if offset == match.start():
                return True
            offset += len(word)
    return False


def _disambiguate(options: tuple[Division, ...], context: list[Division]) -> Division | None:
    if len(options) == 1:
        return options[0]
    fitting = [d for d in options if any(_fits(d, c) for c in context)]
    return fitting[0] if len(fitting) == 1 else None


def resolve_region(
    unit_names: list[str], body: str, portal_names: Sequence[str] = ()
) -> tuple[Region, list[str]]:
    """The unit's region from its full names (titles, 名称 lines), then from the district of the
    portal that published it (发布机构 株洲市天元区财政局, site 武汉市蔡甸区人民政府: a unit on a
    district's portal belongs to that district), then from the body text."""
    for name in unit_names:
        division, _ = split_region_prefix(name)
        if division is not None:
            return region_of(division), []
    for name in portal_names:
        division, _ = split_region_prefix(name)
        # A city's portal also carries its districts' reports: only a district settles it.
        if division is not None and division.level == COUNTY:
            return region_of(division), []
    gazetteer = load_gazetteer()
    text = _unquoted(body)
    counts = _mentions(text, gazetteer)
    counties = [
        (n, c)
        for n, c in counts.most_common()
        if any(d.level == COUNTY for d in gazetteer.named(n)) and _starts_a_word(text, n)
    ]
    if not counties:
        return Region(), []
    if len(counties) > 1 and counties[0][1] == counties[1][1]:
        names = "、".join(n for n, _ in counties[:3])
        return Region(), [f"region: several districts named equally often ({names}); left null"]
    name = counties[0][0]
    context = [d for n in counts for d in gazetteer.named(n) if d.level < COUNTY]
    options = tuple(d for d in gazetteer.named(name) if d.level == COUNTY)
    division = _disambiguate(options, context)
    if division is None:
        return Region(), [f"region: {name} names {len(options)} districts and the text does not say which"]
    return region_of(division), []
