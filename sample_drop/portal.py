"""Portals of a drop: one folder per district's government site, file names, dates and sidecars."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

from sample_drop.facts import ReportFacts
from sample_drop.regions import Region
from sample_drop.render_html import PageInfo
from sample_drop.truth import page_title
from sample_drop.units import Unit


@dataclass(slots=True)
class Portal:
    slug: str  # the drop's sub-folder, e.g. district-430203
    region: Region
    units: list[Unit]

    @property
    def site_name(self) -> str:
        return f"{self.region.prefix}人民政府"

    def url(self, file_name: str, published: date) -> str:
        return f"https://{self.slug}.gov.example/zwgk/czyjs/{published:%Y%m}/{quote(file_name)}"


def published_date(rng: random.Random, fiscal_year: int) -> date:
    """Reports on year Y appear between April and October of Y+1."""
    return date(fiscal_year + 1, 4, 1) + timedelta(days=rng.randint(0, 210))


def file_stem(rng: random.Random, facts: ReportFacts, published: date) -> str:
    """A Chinese title-like name, or the numeric names portal CMSs give attachments."""
    if rng.random() < 0.35:
        return f"P0{published:%Y%m%d}{rng.randint(100000, 999999)}"
    return page_title(facts).replace("/", "／")


def page_info(rng: random.Random, portal: Portal, facts: ReportFacts, published: date) -> PageInfo:
    return PageInfo(
        site_name=portal.site_name,
        title=page_title(facts),
        publisher=facts.unit.full_name,
        published_date=published.isoformat(),
        index_number=f"{portal.region.code}00-0-02-{published:%Y}-{rng.randint(1, 9999):04d}",
        phone=f"0{rng.randint(710, 799)}-{rng.randint(22000000, 28999999)}",
    )


def sidecar(portal: Portal, facts: ReportFacts, file_name: str, published: date) -> dict[str, Any]:
    return {
        "title": page_title(facts),
        "url": portal.url(file_name, published),
        "published_date": published.isoformat(),
        "unit": facts.unit.full_name,
        "publisher": facts.unit.full_name,
    }
