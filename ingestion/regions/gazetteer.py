"""The offline gazetteer of Chinese administrative divisions (GB/T 2260 codes).

Source: the ``adcodes.csv`` bundled with the ``cpca`` package, version 0.5.5 (data vintage
2021; a few later renames, e.g. counties turned districts since, are not in it). Only the
CSV is read, located with ``importlib.util.find_spec`` (``importlib.resources.files("cpca")``
would execute cpca's ``__init__``, which imports pkg_resources, jieba and pandas and costs about
a second); cpca's own API is never imported. The CSV's ``adcode`` has 12 digits: the first 6
are the GB/T 2260 code; ``XX0000`` is a province, ``XXXX00`` a prefecture-level city, anything
else a county-level division (district, county, county-level city, banner).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

DATASET_VINTAGE = "cpca 0.5.5 adcodes.csv (2021) + districts set up in 2021 (see _LATER)"
PROVINCE, CITY, COUNTY = 1, 2, 3
# Placeholder rows of the dataset that name no real place.
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
# Divisions the 2021 dataset predates (杭州 split 江干区/余杭区 in April 2021): code -> name.
_LATER = {"330113": "临平区", "330114": "钱塘区"}
# Reports shorten autonomous divisions to their place name: 红河哈尼族彝族自治州 -> 红河州,
# 景东彝族自治县 -> 景东县. The place name is the first 2-4 characters; the longer guesses
# ("红河哈州") never occur in text, so they cost nothing.
_AUTONOMOUS = ("自治州", "自治县", "自治旗")
_STEM_LENGTHS = (2, 3, 4)


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: int

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    @property
    def city_code(self) -> str | None:
        return None if self.level == PROVINCE else self.code[:4] + "00"


@dataclass(frozen=True)
class Gazetteer:
    by_code: dict[str, Division]
    by_name: dict[str, tuple[Division, ...]]
    longest_name: int
    # Lengths that names actually have, longest first, overall and by a name's last two characters:
    # scanning text for names then tries the few lengths that can match instead of every length.
    name_lengths: tuple[int, ...] = ()
    lengths_by_ending: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def named(self, name: str) -> tuple[Division, ...]:
        return self.by_name.get(name, ())

    def parent_chain(self, division: Division) -> tuple[Division | None, Division | None]:
        """(province, city) of a division; the city is None when the dataset has no real one."""
        province = self.by_code.get(division.province_code)
        city_code = division.city_code
        city = self.by_code.get(city_code) if city_code and city_code != division.code else None
        if division.level == CITY:
            city = division
        return province, city


def _level(code: str) -> int:
    if code.endswith("0000"):
        return PROVINCE
    return CITY if code.endswith("00") else COUNTY


def _adcodes_path() -> Path:
    spec = find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package (its bundled adcodes.csv) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


def _add_short_names(by_code: dict[str, Division], by_name: dict[str, list[Division]]) -> None:
    """红河州 for 红河哈尼族彝族自治州 (never shadowing a real division's name)."""
    real = set(by_name)
    for division in list(by_code.values()):
        kind = next((k for k in _AUTONOMOUS if division.name.endswith(k)), None)
        if kind is None:
            continue
        for size in _STEM_LENGTHS:
            short = division.name[:size] + kind[-1]
            if size < len(division.name) - len(kind) and short not in real:
                by_name.setdefault(short, []).append(division)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    raw = _adcodes_path().read_text(encoding="utf-8")
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for row in csv.DictReader(io.StringIO(raw)):
        code, name = row["adcode"][:6], row["name"].strip()
        if name in _PLACEHOLDERS or not name:
            continue
        division = Division(code=code, name=name, level=_level(code))
        by_code[code] = division
        by_name.setdefault(name, []).append(division)
    for code, name in _LATER.items():
        if code not in by_code:
            by_code[code] = Division(code=code, name=name, level=_level(code))
            by_name.setdefault(name, []).append(by_code[code])
    _add_short_names(by_code, by_name)
    endings: dict[str, set[int]] = {}
    for name in by_name:
        endings.setdefault(name[-2:], set()).add(len(name))
    return Gazetteer(
        by_code=by_code,
        by_name={name: tuple(items) for name, items in by_name.items()},
        longest_name=max(len(name) for name in by_name),
        name_lengths=tuple(sorted({len(name) for name in by_name}, reverse=True)),
        lengths_by_ending={end: tuple(sorted(sizes, reverse=True)) for end, sizes in endings.items()},
    )
