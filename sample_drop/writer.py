"""The state composers share while writing one report: the document, its numbering, the unit's name."""

from __future__ import annotations

import random
from decimal import Decimal

from sample_drop.document import Heading, Paragraph, ReportDocument, Table
from sample_drop.facts import ReportFacts
from sample_drop.numbering import STYLES, Numbering

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def points(value: Decimal) -> str:
    """A score or weight as tables write it: 20, 8.5."""
    return f"{value.normalize():f}"


def percent(value: Decimal) -> str:
    return f"{points(value)}%"


class Writer:
    def __init__(self, rng: random.Random, facts: ReportFacts) -> None:
        self.rng = rng
        self.facts = facts
        self.numbering = Numbering(rng.choice(STYLES), rng)
        self.region_named = False
        # Some reports are typed with full-width digits (２８４６.２７); readers fold them (NFKC).
        self.fullwidth_digits = rng.random() < 0.08
        title = facts.title
        lines = [title] if title else []
        if title and len(title) > 18 and rng.random() < 0.3:
            # Printed reports break a long title over two lines.
            cut = title.index("整体") if "整体" in title else len(title) // 2
            lines = [title[:cut], title[cut:]]
        self.doc = ReportDocument(title_lines=lines)
        if title and facts.names_region and facts.unit.region.district in title:
            self.region_named = True

    @property
    def self_name(self) -> str:
        """How the body names the unit: its name when the report states it, else 本单位."""
        facts = self.facts
        if not facts.names_unit:
            return self.rng.choice(("本单位", "我单位"))
        if facts.names_region and self.rng.random() < 0.3:
            self.region_named = True
            return facts.unit.full_name
        return facts.unit.name

    def heading(self, level: int, text: str) -> None:
        self.doc.add(Heading(level=level, label=self.numbering.label(level), text=text))

    def para(self, *texts: str) -> None:
        if self.fullwidth_digits:
            texts = tuple(text.translate(_FULLWIDTH) for text in texts)
        self.doc.add(*(Paragraph(text) for text in texts))

    def table(self, table: Table) -> None:
        self.doc.add(table)

    def numbered(self, items: list[str], end: str = "。") -> None:
        """A list as reports write one: 1、 lines, （一） lines, or 一是…；二是… inline."""
        style = self.rng.choice(("arabic", "paren", "inline"))
        if style == "inline" and len(items) > 1:
            marks = [f"{'一二三四五六七八九'[i]}是" for i in range(len(items))]
            self.para("；".join(m + item for m, item in zip(marks, items, strict=True)) + end)
        elif style == "paren":
            self.para(*(f"（{'一二三四五六七八九'[i]}）{item}{end}" for i, item in enumerate(items)))
        else:
            self.para(*(f"{i}、{item}{end}" for i, item in enumerate(items, start=1)))
