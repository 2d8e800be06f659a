"""The one writer of the warehouse's raw layer: upsert documents and their extracted facts.

Loading is by document and all-or-nothing: in one transaction every raw row of each given
document is deleted and its new rows inserted, so loading the same documents again yields the
same rows, never duplicates. Only reports' facts are loaded: a quarantined document (or one
without an extraction) appears in ``raw.documents`` alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ingestion.contract import ReportExtraction
from ingestion.warehouse.connection import Warehouse
from ingestion.warehouse.staging_rows import Row, document_row, fact_rows
from ingestion.warehouse.staging_schema import all_tables, create_statements, insert_statement

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
        for statement in [*create_statements(schema), *expected_tables.create_statements(schema)]:
            warehouse.execute(statement)


def load_documents(
    warehouse: Warehouse, documents: list[dict[str, Any]], extractions: Mapping[str, ReportExtraction]
) -> LoadResult:
    """Replace the raw rows of ``documents`` (ledger rows) with these and their extractions' facts.

    ``extractions`` maps document_sha256 to its ``ReportExtraction``; an extraction whose
    document is not among ``documents`` is an error (every fact needs its ledger row).
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

    ensure_raw_schema(warehouse)
    schema = warehouse.schema("raw")
    with warehouse.transaction():
        for table in all_tables():
            warehouse.executemany(
                f"delete from {schema}.{table} where document_sha256 = ?", [(sha,) for sha in shas]
            )
            warehouse.executemany(insert_statement(schema, table), rows[table])
    return LoadResult(
        documents=len(documents),
        reports=reports,
        quarantined=quarantined,
        rows_by_table={table: len(table_rows) for table, table_rows in rows.items()},
    )
