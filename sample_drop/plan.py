"""Decide a drop's contents before rendering: portals, units, and which report each file holds."""

from __future__ import annotations

import dataclasses
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from sample_drop.compose import compose
from sample_drop.document import ReportDocument
from sample_drop.facts import ReportFacts
from sample_drop.invent import invent_facts
from sample_drop.portal import Portal, file_stem, published_date
from sample_drop.regions import pick_regions
from sample_drop.units import invent_units

REPORTS_PER_PORTAL = 6
_KIND_WEIGHTS = {"overall_expenditure": 6, "project_expenditure": 3, "key_projects": 2}


@dataclass(slots=True)
class PlannedReport:
    portal: Portal
    facts: ReportFacts
    doc: ReportDocument
    published: date
    stem: str
    formats: tuple[str, ...]
    republishes: PlannedReport | None = None
    republished: bool = False  # a corrected version follows


def plan_portals(rng: random.Random, reports: int) -> list[Portal]:
    regions = pick_regions(rng, max(1, math.ceil(reports / REPORTS_PER_PORTAL)))
    return [Portal(slug=f"district-{r.code}", region=r, units=invent_units(rng, r, 5)) for r in regions]


def plan_reports(
    rng: random.Random,
    portals: list[Portal],
    count: int,
    years: list[int],
    formats: list[str],
    every_format: bool,
    broken_sum_share: float,
) -> list[PlannedReport]:
    planned: list[PlannedReport] = []
    seen: set[tuple[str, str, int, str]] = set()
    for i in range(count):
        portal = portals[i % len(portals)]
        for _ in range(20):  # one report per unit, year and kind: retry a few draws
            unit, year = rng.choice(portal.units), rng.choice(years)
            kind = rng.choices(list(_KIND_WEIGHTS), weights=list(_KIND_WEIGHTS.values()))[0]
            if (portal.slug, unit.name, year, kind) not in seen:
                break
        seen.add((portal.slug, unit.name, year, kind))
        facts = invent_facts(rng, kind, unit, year, broken_sum=rng.random() < broken_sum_share)
        published = published_date(rng, year)
        chosen = tuple(formats) if every_format else (formats[i % len(formats)],)
        planned.append(
            PlannedReport(
                portal, facts, compose(rng, facts), published, file_stem(rng, facts, published), chosen
            )
        )
    return planned


def plan_republication(rng: random.Random, original: PlannedReport) -> PlannedReport:
    """The same unit, year and kind published again later with corrected figures."""
    old = original.facts
    original.republished = True
    fresh = invent_facts(rng, old.kind, old.unit, old.year)
    facts = dataclasses.replace(
        fresh,
        title=old.title,
        names_unit=old.names_unit,
        names_region=old.names_region,
        project_name=old.project_name,
    )
    published = original.published + timedelta(days=rng.randint(20, 90))
    return PlannedReport(
        original.portal,
        facts,
        compose(rng, facts),
        published,
        f"{original.stem}（更正）",
        original.formats[:1],
        republishes=original,
    )
