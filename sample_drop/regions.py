"""Real districts (province, city, district, GB/T 2260 code) from cpca's bundled adcode table."""

from __future__ import annotations

import csv
import functools
import io
import random
from collections import Counter
from dataclasses import dataclass
from importlib import resources

# Provinces whose city-level rows are real prefecture cities (the four municipalities have none).
_MUNICIPALITIES = {"11", "12", "31", "50"}


@dataclass(frozen=True, slots=True)
class Region:
    province: str
    city: str
    district: str
    code: str  # six digits

    @property
    def prefix(self) -> str:
        """How a unit's full name begins: 株洲市天元区."""
        return f"{self.city}{self.district}"


@functools.cache
def load_districts() -> tuple[Region, ...]:
    """Every 区 (urban district) with a unique name whose province and city rows are in the table."""
    text = resources.files("cpca").joinpath("resources/adcodes.csv").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        names[row["adcode"][:6]] = row["name"]
    # A district named alone in a report ("…在天元区政府门户网站公开") resolves only if no other
    # district shares its name; two-character names (城区, 郊区) read as common words.
    counts = Counter(names.values())
    districts = []
    for code, name in sorted(names.items()):
        if counts[name] > 1 or len(name) < 3:
            continue
        province, city = names.get(code[:2] + "0000"), names.get(code[:4] + "00")
        if code[:2] in _MUNICIPALITIES or code.endswith("00") or not province or not city:
            continue
        if name.endswith("区") and city.endswith("市") and name != "市辖区":
            districts.append(Region(province=province, city=city, district=name, code=code))
    return tuple(districts)


def pick_regions(rng: random.Random, count: int) -> list[Region]:
    """``count`` distinct districts (fewer if the table has fewer)."""
    districts = load_districts()
    return rng.sample(districts, min(count, len(districts)))
