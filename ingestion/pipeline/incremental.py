"""Which documents a load must touch: those whose fingerprint differs from the one last loaded.

A rerun of the same drop finds every fingerprint unchanged and loads nothing; a new document, a
re-parse, a quarantine or a corrected sidecar is loaded alone (``warehouse.fingerprints``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ingestion.landing import iter_ledger, load_extraction
from ingestion.settings import Settings
from ingestion.warehouse.connection import Warehouse
from ingestion.warehouse.fingerprints import document_fingerprint, loaded_fingerprints


@dataclass(frozen=True)
class ChangedDocuments:
    documents: list[dict[str, Any]]
    extractions: dict[str, dict[str, Any]]
    fingerprints: dict[str, str]
    unchanged: int


def changed_documents(settings: Settings, warehouse: Warehouse, years: list[int] | None) -> ChangedDocuments:
    """Ledger rows (with extractions) that differ from what the warehouse holds, within ``years``."""
    known = loaded_fingerprints(warehouse)
    documents: list[dict[str, Any]] = []
    extractions: dict[str, dict[str, Any]] = {}
    fingerprints: dict[str, str] = {}
    unchanged = 0
    for row in iter_ledger(settings):
        sha = row["document_sha256"]
        fingerprint = document_fingerprint(row)
        if known.get(sha) == fingerprint:
            unchanged += 1
            continue
        extraction = load_extraction(row)
        if years is not None and (extraction is None or _fiscal_year(extraction) not in years):
            continue
        documents.append(row)
        fingerprints[sha] = fingerprint
        if extraction is not None:
            extractions[sha] = extraction
    return ChangedDocuments(documents, extractions, fingerprints, unchanged)


def _fiscal_year(extraction: dict[str, Any]) -> int | None:
    year = (extraction.get("report") or {}).get("fiscal_year")
    return int(year) if year is not None else None
