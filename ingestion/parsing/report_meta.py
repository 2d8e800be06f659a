"""The report's identity: title, kind, fiscal year, reporting unit and region.

Read from the body first (title line, form fields, units the text names), then from the portal
block around it (名称/标题, 发布机构), the page <title> and the site's banner (欢迎来到某县政协网站);
see ``meta`` and ``units.unit``.
"""

from __future__ import annotations

import re
from typing import Any

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing import kind
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.fiscal_year import fiscal_year
from ingestion.parsing.portal_fields import BYLINE_OFFICE, breadcrumb_items, portal_fields
from ingestion.parsing.preamble import without_portal_lines
from ingestion.parsing.text import Span
from ingestion.parsing.title import find_title, page_title_parts, portal_title
from ingestion.parsing.units import names, unit
from ingestion.parsing.units.short_form import same_office
from ingestion.parsing.units.title import titled_place
from ingestion.regions import Region, resolve_region

# Where portals name the office behind a page, most specific first.
_PUBLISHER_FIELDS = (
    "发布机构",
    "发文机关",
    "发文机构",
    "所属机构",
    "责任部门",
    "公开责任部门",
    "信息来源",
    "来源",
    BYLINE_OFFICE,
)
_SPACES = re.compile(r"[ \t\u3000]+")
_ABBREVIATION = 3
_BANNERS = (
    re.compile(r"欢迎(?:来到|访问|光临)(?P<name>[\u4e00-\u9fff]{3,20}?)(?:官方)?(?:门户)?(?:网站|官网)"),
    # 某县统计局门户网站 / 某县统计局欢迎您: a line that is only the site's name or greeting.
    re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{3,20}?)(?:官方)?(?:门户)?(?:网站|官网|欢迎您)\s*[!！]?\s*$"),
)
_BANNER_LINES = 3

EMPTY_REPORT: dict[str, Any] = {
    "kind": "unknown",
    "title": None,
    "unit_name": None,
    "region": Region().as_dict(),
    "fiscal_year": None,
}


def _same_unit(name: str, publisher: str) -> bool:
    """The portal's 发布机构 (东湖区大院街道) is the reporting unit itself (大院街道办事处)."""
    core = name.removesuffix("办事处").removesuffix("人民政府")
    return len(core) >= 2 and core in publisher


def _title(document: Document, skip: set[int], fields: dict[str, str]) -> Span | None:
    """The body's title line, else the portal block's 名称, else the report part of the page <title>."""
    found = find_title(document, skip)
    if found:
        return Span(*found)
    page_title, _ = page_title_parts(document.metadata.get("page_title", ""))
    stated = portal_title(fields) or page_title
    return Span(stated, 0, 0) if stated else None


def _publisher(fields: dict[str, str], document: Document) -> str:
    """The office the portal names as the page's publisher or source (发布机构, 所属机构, 来源 ...)."""
    named = [_SPACES.sub("", fields.get(key, "")) for key in _PUBLISHER_FIELDS]
    units = [value for value in named if value and unit.could_be_unit(value)]
    # A three-letter 发布机构 (某管委) abbreviates the name another field (信息来源) writes out.
    full = [value for value in units if len(value) > _ABBREVIATION]
    return (full or units or [document.metadata.get("publisher", "")])[0]


def _portal_unit(publisher: str, body: str, crumbs: list[str]) -> str | None:
    """Without a unit in the text: the publisher when the report is about it, else the unit a
    breadcrumb names (部门信息公开 > 某县某局), else whoever published it (a finance office's own
    announcement names no other unit). A crumb that shortens the publisher's name (市应急局) is
    the publisher's section: its full name counts."""
    about_publisher = unit.publisher_unit(publisher, body) if publisher else None
    if about_publisher:
        return publisher
    for crumb in reversed(crumbs):
        if unit.could_be_unit(crumb) and len(crumb) >= 4:
            named = publisher and unit.could_be_unit(publisher) and same_office(crumb, publisher)
            return publisher if named else crumb
    return publisher if publisher and unit.could_be_unit(publisher) else None


def _banner_unit(document: Document) -> str | None:
    """The unit whose own site the page is on (欢迎来到某县政协网站, 某县统计局门户网站): a
    government's portal (某县人民政府) publishes every department's reports, so it names no unit."""
    for block in document.blocks[:_BANNER_LINES]:
        if not isinstance(block, Paragraph):
            continue
        for banner in _BANNERS:
            found = banner.search(block.text)
            name = found["name"] if found else ""
            if names.is_unit_name(name) and not name.endswith("政府"):
                return name
    return None


def _unit_and_region(
    document: Document, skip: set[int], title: Span | None, fields: dict[str, str], body: str
) -> tuple[str | None, Span | None, Region, list[str]]:
    """The unit (from the text, else from the portal around it) and its region."""
    name, full_names, name_span = unit.unit_name(document, title, skip)
    publisher = _publisher(fields, document)
    if name is None:
        portal = _portal_unit(publisher, body, breadcrumb_items(document, skip)) or _banner_unit(document)
        if portal:
            name = names.strip_region(portal)
            full_names.append(portal)
        elif title and (place := titled_place(title.text, body)):
            name = place
    elif publisher and _same_unit(name, publisher):
        full_names.append(publisher)
    _, site_names = page_title_parts(document.metadata.get("page_title", ""))
    portal_names = [n for n in (publisher, *site_names) if n]
    region, warnings = resolve_region(full_names, body, portal_names)
    return name, name_span, region, warnings


def report_meta(
    document: Document, skip: set[int], evidence: Evidence, warnings: list[str]
) -> dict[str, Any]:
    """The contract's ``report`` object: kind, title, unit (without region), region, fiscal year."""
    fields = portal_fields(document, skip)
    title = _title(document, skip, fields)
    body = without_portal_lines(document, skip)
    published = " ".join(v for k, v in fields.items() if "时间" in k or "日期" in k)
    year, year_warnings = fiscal_year(title.text if title else None, body, published)
    name, name_span, region, region_warnings = _unit_and_region(document, skip, title, fields, body)
    warnings.extend(year_warnings + region_warnings)
    if title and title.end > title.start:
        cite(evidence, "/report/title", Span(document.text[title.start : title.end], title.start, title.end))
    if name_span:
        cite(
            evidence,
            "/report/unit_name",
            Span(document.text[name_span.start : name_span.end], name_span.start, name_span.end),
        )
    return {
        "kind": kind.report_kind(title.text if title else None, body),
        "title": title.text if title else None,
        "unit_name": name,
        "region": region.as_dict(),
        "fiscal_year": year,
    }
