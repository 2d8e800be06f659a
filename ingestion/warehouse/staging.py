"""The one writer of the warehouse's raw layer: upsert documents and their extracted facts.

Loading is by document and all-or-nothing: in one transaction every raw row of the given
documents is deleted (one statement per table) and their new rows inserted (one statement per
table, ``bulk``), so loading the same documents again yields the same rows, never duplicates.
Only reports' facts are loaded: a quarantined document (or one without an extraction) appears in
``raw.documents`` alone. With ``fingerprints`` the same transaction records what each document
looked like (``fingerprints``), so the next load can leave unchanged documents alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ingestion.warehouse import bulk, fingerprints, pipeline_state
from ingestion.warehouse.connection import Warehouse
from ingestion.warehouse.staging_rows import Row, document_row, fact_rows
from ingestion.warehouse.staging_schema import all_tables, create_statements, table_columns

QUARANTINED = "quarantined"


@dataclass(frozen=True)
class LoadResult:
    documents: int
    reports: int
    quarantined: int
    rows_by_table: dict[str, int] = field(default_factory=dict)


def ensure_raw_schema(warehouse: Warehouse) -> None:
    """Create the raw schema and tables if they are missing (safe to repeat)."""
    from ingestion.warehouse import expected_tables

    schema = warehouse.schema("raw")
    with warehouse.transaction():
        # The registry's tables too (empty until a load writes them), so dbt finds every source.
        statements = [
            *create_statements(schema),
            *expected_tables.create_statements(schema),
            fingerprints.create_statement(schema),
            pipeline_state.create_statement(schema),
        ]
        for statement in statements:
            warehouse.execute(statement)


def load_documents(
    warehouse: Warehouse,
    documents: list[dict[str, Any]],
    extractions: dict[str, dict[str, Any]],
    document_fingerprints: Mapping[str, str] | None = None,
) -> LoadResult:
    """Replace the raw rows of ``documents`` (ledger rows) with these and their extractions' facts.

    ``extractions`` maps document_sha256 to its report-extraction/1 dict; an extraction whose
    document is not among ``documents`` is an error (every fact needs its ledger row).
    ``document_fingerprints`` (document_sha256 -> fingerprint) are recorded with the rows.
    """
    shas = [document["document_sha256"] for document in documents]
    if len(set(shas)) != len(shas):
        raise ValueError("load_documents: a document_sha256 appears more than once in one load")
    orphans = sorted(set(extractions) - set(shas))
    if orphans:
        raise ValueError(f"load_documents: extractions without a ledger row: {', '.join(orphans)}")

    loaded_at = datetime.now(UTC).replace(tzinfo=None)
    rows: dict[str, list[Row]] = {table: [] for table in all_tables()}
    reports = quarantined = 0
    for document in documents:
        rows["documents"].append(document_row(document, loaded_at))
        sha = document["document_sha256"]
        if document.get("status") == QUARANTINED:
            quarantined += 1
            continue
        extraction = extractions.get(sha)
        if extraction is None:
            continue
        reports += 1
        for table, table_rows in fact_rows(
            sha, extraction, document.get("parser_version"), loaded_at
        ).items():
            rows[table].extend(table_rows)

    if document_fingerprints is not None:
        rows[fingerprints.TABLE] = [
            {"document_sha256": sha, "fingerprint": document_fingerprints[sha], "loaded_at": loaded_at}
            for sha in shas
        ]
    ensure_raw_schema(warehouse)
    schema = warehouse.schema("raw")
    with warehouse.transaction():
        for table, table_rows in rows.items():
            relation = f"{schema}.{table}"
            columns = fingerprints.COLUMNS if table == fingerprints.TABLE else table_columns(table)
            bulk.delete_documents(warehouse, relation, shas)
            bulk.insert_rows(warehouse, relation, table, columns, table_rows)
    return LoadResult(
        documents=len(documents),
        reports=reports,
        quarantined=quarantined,
        rows_by_table={table: len(rows[table]) for table in all_tables()},
    )
