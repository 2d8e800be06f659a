"""What each document looked like when it was last loaded, so a load touches only what changed.

A document's fingerprint is the sha256 of its ledger row (status, parser version, sidecar values,
where its extraction is), the sha256 of its extraction's bytes and the loader's own signature (the
raw columns and the code that builds rows). The parse step records the extraction's sha256 as it
writes the file, so fingerprinting reads no extraction. A new document, a re-parse, a quarantine or
a corrected sidecar changes it; a rerun of the same drop does not, and its documents are left
alone. A change to the loader changes every fingerprint, so the next load rewrites every document.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ingestion.warehouse import staging_rows
from ingestion.warehouse.connection import Warehouse
from ingestion.warehouse.staging_schema import all_tables, table_columns

TABLE = "document_fingerprints"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_sha256", "varchar"),
    ("fingerprint", "varchar"),
    ("loaded_at", "timestamp"),
)


@cache
def loader_signature() -> bytes:
    digest = hashlib.sha256(repr([(table, table_columns(table)) for table in all_tables()]).encode())
    digest.update(Path(staging_rows.__file__).read_bytes())
    return digest.digest()


def document_fingerprint(row: Mapping[str, Any], extraction_sha256: str | None) -> str:
    """The fingerprint of one ledger row (``iter_ledger``) and the sha256 of the extraction it points at."""
    digest = hashlib.sha256(loader_signature())
    digest.update(json.dumps(row, sort_keys=True, default=str).encode("utf-8"))
    if extraction_sha256 is not None:
        digest.update(extraction_sha256.encode("ascii"))
    return digest.hexdigest()


def create_statement(schema: str) -> str:
    columns = ", ".join(f"{name} {sql_type}" for name, sql_type in COLUMNS)
    return f"create table if not exists {schema}.{TABLE} ({columns})"


def loaded_fingerprints(warehouse: Warehouse) -> dict[str, str]:
    """document_sha256 -> fingerprint of every document loaded so far."""
    schema = warehouse.schema("raw")
    return dict(warehouse.query(f"select document_sha256, fingerprint from {schema}.{TABLE}"))
