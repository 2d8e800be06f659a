"""The document ledger: one JSON file per document under ``archive/documents/``.

A record keeps every sighting of the document (portal, URL, listing title, dates) and its
status: ``landed`` -> ``parsed`` or ``quarantined`` (with a reason code from
``ingestion.errors``). ``superseded`` is not decided here: dbt decides it across documents.
``iter_ledger`` flattens records into the rows the warehouse loader copies into raw.documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

from ingestion.collect.model import CollectedFile
from ingestion.contract import ReportExtraction
from ingestion.landing.archive import Archive, atomic_write_json
from ingestion.settings import Settings

LANDED = "landed"
PARSED = "parsed"
QUARANTINED = "quarantined"

LEDGER_COLUMNS = (
    "document_sha256", "source_uri", "portal", "format", "size_bytes", "collected_at",
    "published_date", "listing_title", "publisher", "unit_hint", "archive_path", "status",
    "status_reason", "parser_version", "extraction_path",
)  # fmt: skip
_SIDECAR_FIELDS = ("listing_title", "published_date", "publisher", "unit_hint")


def record_path(archive: Archive, sha256: str) -> Path:
    return archive.documents_dir / f"{sha256}.json"


def read_record(archive: Archive, sha256: str) -> dict[str, Any] | None:
    path = record_path(archive, sha256)
    if not path.exists():
        return None
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return record


def write_record(archive: Archive, record: dict[str, Any]) -> None:
    atomic_write_json(record_path(archive, record["document_sha256"]), record)


def iter_records(archive: Archive) -> Iterator[dict[str, Any]]:
    if not archive.documents_dir.is_dir():
        return
    for path in sorted(archive.documents_dir.glob("*.json")):
        record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        yield record


def new_record(sha256: str, size_bytes: int, fmt: str | None) -> dict[str, Any]:
    return {
        "document_sha256": sha256,
        "size_bytes": size_bytes,
        "format": fmt,
        "status": LANDED,
        "status_reason": None,
        "status_message": None,
        "parser_version": None,
        "sightings": [],
    }


def add_sighting(record: dict[str, Any], collected: CollectedFile) -> bool:
    """Record where ``collected`` was seen; False when this portal and URL were already known.

    A repeat sighting keeps its first ``collected_at`` and takes the newer sidecar values, so a
    corrected sidecar wins on the next run.
    """
    seen = collected.provenance
    seen_at = seen.collected_at.astimezone(UTC).isoformat()
    sighting = {
        "name": collected.name,
        "portal": seen.portal,
        "source_uri": seen.source_uri,
        "listing_title": seen.listing_title,
        "published_date": seen.published_date.isoformat() if seen.published_date else None,
        "publisher": seen.publisher,
        "unit_hint": seen.unit_hint,
        "collected_at": seen_at,
        "last_seen_at": seen_at,
        "warnings": list(collected.warnings),
    }
    for known in record["sightings"]:
        if (known["portal"], known["source_uri"]) == (seen.portal, seen.source_uri):
            first_collected_at = known["collected_at"]
            known.update(sighting, collected_at=first_collected_at)
            return False
    record["sightings"].append(sighting)
    return True


def ledger_row(record: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """One row for raw.documents: the first sighting's address, the latest sidecar values."""
    sha256 = record["document_sha256"]
    by_first_seen = sorted(record["sightings"], key=lambda sighting: sighting["collected_at"])
    by_last_seen = sorted(record["sightings"], key=lambda sighting: sighting["last_seen_at"])
    first = by_first_seen[0] if by_first_seen else {}
    row: dict[str, Any] = {
        "document_sha256": sha256,
        "source_uri": first.get("source_uri"),
        "portal": first.get("portal"),
        "format": record["format"],
        "size_bytes": record["size_bytes"],
        "collected_at": first.get("collected_at"),
        "archive_path": str(Archive(settings.archive_dir).object_path(sha256)),
        "status": record["status"],
        "status_reason": record["status_reason"],
        "parser_version": record["parser_version"],
        "extraction_path": _extraction_path(record, settings),
    }
    for field in _SIDECAR_FIELDS:
        values = [sighting[field] for sighting in by_last_seen if sighting[field] is not None]
        row[field] = values[-1] if values else None
    return {column: row[column] for column in LEDGER_COLUMNS}


def extraction_file(settings: Settings, sha256: str, parser_version: str) -> Path:
    return settings.extractions_dir / sha256 / f"{parser_version}.json"


def _extraction_path(record: dict[str, Any], settings: Settings) -> str | None:
    if record["status"] != PARSED or not record["parser_version"]:
        return None
    return str(extraction_file(settings, record["document_sha256"], record["parser_version"]))


def iter_ledger(settings: Settings) -> Iterator[dict[str, Any]]:
    """Every document in the archive, in sha256 order, as a row with exactly LEDGER_COLUMNS."""
    for record in iter_records(Archive(settings.archive_dir)):
        yield ledger_row(record, settings)


def load_extraction(row: dict[str, Any]) -> ReportExtraction | None:
    """The extraction a ledger row points at, or None when it has none (not parsed). A file that
    breaks the contract raises ``pydantic.ValidationError`` naming the key."""
    path = row.get("extraction_path")
    if not path or not Path(path).exists():
        return None
    return ReportExtraction.model_validate_json(Path(path).read_bytes())
