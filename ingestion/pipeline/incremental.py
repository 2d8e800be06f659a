"""Doing only what changed: which documents to load, whether to validate, what a run finishes.

A rerun of the same drop finds every fingerprint unchanged and loads nothing; a new document, a
re-parse, a quarantine or a corrected sidecar is loaded alone (``warehouse.fingerprints``); the
ledger comes from the parse step (``ledger_snapshot``) and only a changed document's extraction
is read, once. The build step records which run last changed the marts
(``warehouse.build_plan``); validation runs only when the marts' reports changed since the last
finished validation, and publication only when any mart changed since the last publication
(``raw.pipeline_state``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingestion.contract import ReportExtraction
from ingestion.pipeline.ledger_snapshot import LedgerEntry
from ingestion.settings import Settings
from ingestion.warehouse.connection import Warehouse
from ingestion.warehouse.fingerprints import document_fingerprint, loaded_fingerprints


@dataclass(frozen=True)
class ChangedDocuments:
    documents: list[dict[str, Any]]
    extractions: dict[str, ReportExtraction]
    fingerprints: dict[str, str]
    unchanged: int


def changed_documents(
    ledger: Iterable[LedgerEntry], warehouse: Warehouse, years: list[int] | None
) -> ChangedDocuments:
    """Ledger rows (with extractions) that differ from what the warehouse holds, within ``years``."""
    known = loaded_fingerprints(warehouse)
    documents: list[dict[str, Any]] = []
    extractions: dict[str, ReportExtraction] = {}
    fingerprints: dict[str, str] = {}
    unchanged = 0
    for entry in ledger:
        row, sha = entry.row, entry.row["document_sha256"]
        data = None if entry.extraction_sha256 else _extraction_bytes(row)
        fingerprint = document_fingerprint(row, entry.extraction_sha256 or _sha256(data))
        if known.get(sha) == fingerprint:
            unchanged += 1
            continue
        if data is None:
            data = _extraction_bytes(row)
        extraction = None if data is None else ReportExtraction.model_validate_json(data)
        if years is not None and (extraction is None or _fiscal_year(extraction) not in years):
            continue
        documents.append(row)
        fingerprints[sha] = fingerprint
        if extraction is not None:
            extractions[sha] = extraction
    return ChangedDocuments(documents, extractions, fingerprints, unchanged)


def _extraction_bytes(row: dict[str, Any]) -> bytes | None:
    """The extraction file the row points at (None: not parsed, or the file is gone)."""
    path = row.get("extraction_path")
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None


def _sha256(data: bytes | None) -> str | None:
    # A record parsed before the ledger kept its extraction's sha256: the bytes are read here,
    # once, and reused for the model when the document changed.
    return None if data is None else hashlib.sha256(data).hexdigest()


def _fiscal_year(extraction: ReportExtraction) -> int | None:
    return extraction.report.fiscal_year


def warehouse_state(settings: Settings) -> dict[str, str]:
    """``raw.pipeline_state`` (what the last builds, validations and publications saw)."""
    from ingestion.warehouse.connection import connect
    from ingestion.warehouse.pipeline_state import read_state

    with connect(settings, read_only=True) as warehouse:
        return read_state(warehouse)


def carried_validation(state: dict[str, str]) -> dict[str, Any] | None:
    """The verdict of the finished validation of the marts' current reports; None if they changed since."""
    facts = state.get("facts_version")
    if not facts or state.get("validated_version") != facts or "validated_verdict" not in state:
        return None
    verdict: dict[str, Any] = json.loads(state["validated_verdict"])
    return {"skipped": f"the marts' reports have not changed since run {facts} built them", **verdict}


def finish_validation(settings: Settings, run_id: str, validation: dict[str, Any]) -> int:
    """Promote this run's staged findings and remember which build they validated (run finishing);
    returns the findings promoted."""
    from ingestion.warehouse.connection import connect
    from ingestion.warehouse.findings import promote_findings
    from ingestion.warehouse.pipeline_state import write_state

    promoted = promote_findings(settings, run_id)
    verdict = {
        "blocking_failed": validation["blocking_failed"],
        "counts": validation.get("counts"),
        "counts_by_rule": validation.get("counts_by_rule"),
        "data_docs_index": validation.get("data_docs_index"),
        "validated_by": run_id,
    }
    with connect(settings) as warehouse, warehouse.transaction():
        write_state(warehouse, {
            "validated_version": validation.get("facts_version"),
            "validated_verdict": json.dumps(verdict),
        })  # fmt: skip
    return promoted


def record_publication(settings: Settings, marts_version: str | None) -> None:
    from ingestion.warehouse.connection import connect
    from ingestion.warehouse.pipeline_state import write_state

    with connect(settings) as warehouse, warehouse.transaction():
        write_state(warehouse, {"published_version": marts_version})
