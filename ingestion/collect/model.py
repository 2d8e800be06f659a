"""What a collector hands to landing: the bytes of one file and where they were seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Provenance:
    """One sighting of a file: which portal, at which address, under which listing title."""

    portal: str
    source_uri: str
    listing_title: str | None
    published_date: date | None
    publisher: str | None
    unit_hint: str | None
    collected_at: datetime  # timezone-aware UTC


@dataclass(frozen=True)
class CollectedFile:
    """A file as collected. ``name`` is untrusted (it came from a portal or a drop folder)."""

    name: str
    data: bytes
    provenance: Provenance
    # Problems with the metadata around the file (e.g. a malformed sidecar); the file still lands.
    warnings: tuple[str, ...] = ()
