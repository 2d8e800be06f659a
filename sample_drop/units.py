"""Invented reporting units (街道办事处, 镇人民政府 ...) built from invented syllables."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sample_drop.regions import Region

# (character, pinyin): the pinyin names files and portals without a romanisation library.
_SYLLABLES = (
    ("澄", "cheng"),
    ("岚", "lan"),
    ("汀", "ting"),
    ("枫", "feng"),
    ("槐", "huai"),
    ("榆", "yu"),
    ("溪", "xi"),
    ("岭", "ling"),
    ("泉", "quan"),
    ("塘", "tang"),
    ("湾", "wan"),
    ("坪", "ping"),
    ("嘉", "jia"),
    ("禾", "he"),
    ("翠", "cui"),
    ("茗", "ming"),
    ("桂", "gui"),
    ("柳", "liu"),
    ("芷", "zhi"),
    ("荷", "he"),
    ("沐", "mu"),
    ("屏", "ping"),
    ("霞", "xia"),
    ("樟", "zhang"),
    ("楠", "nan"),
    ("棠", "tang"),
    ("渌", "lu"),
    ("湄", "mei"),
    ("砚", "yan"),
    ("鹭", "lu"),
)

# (suffix, how the unit calls itself in the body, kind slug)
_UNIT_KINDS = (
    ("街道办事处", "街道", "jd"),
    ("街道办事处", "街道", "jd"),
    ("镇人民政府", "镇", "zhen"),
    ("乡人民政府", "乡", "xiang"),
)


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # 澄岚街道办事处, as the truth's unit_name
    short: str  # 澄岚街道, how the body refers to it
    slug: str  # chenglan-jd
    region: Region

    @property
    def full_name(self) -> str:
        """With the region prefix, as on a seal line or a portal's 发布机构."""
        return f"{self.region.prefix}{self.name}"


def invent_units(rng: random.Random, region: Region, count: int) -> list[Unit]:
    """``count`` units of one district with distinct invented names."""
    units: list[Unit] = []
    seen: set[str] = set()
    while len(units) < count:
        (c1, p1), (c2, p2) = rng.sample(_SYLLABLES, 2)
        suffix, word, kind = rng.choice(_UNIT_KINDS)
        if c1 + c2 in seen:
            continue
        seen.add(c1 + c2)
        units.append(
            Unit(name=f"{c1}{c2}{suffix}", short=f"{c1}{c2}{word}", slug=f"{p1}{p2}-{kind}", region=region)
        )
    return units


def invent_place(rng: random.Random) -> str:
    """A village or community name for project titles (澄溪村, 枫岭社区)."""
    (c1, _), (c2, _) = rng.sample(_SYLLABLES, 2)
    return f"{c1}{c2}{rng.choice(('村', '社区', '片区'))}"
