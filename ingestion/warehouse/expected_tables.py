"""The registry of expected documents in the raw layer: two small tables, replaced on every load.

``raw.expected_documents`` holds one row per listed (unit, kind, fiscal year);
``raw.expected_rules`` one row per report kind (due date, carried forward or not). dbt's
``fct_expected_document`` combines them with the reports (docs/data-model.md).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from ingestion.expected import Registry
from ingestion.warehouse.connection import Warehouse

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "expected_documents": (
        ("unit_name", "varchar"),
        ("division_code", "varchar"),
        ("report_kind", "varchar"),
        ("fiscal_year", "integer"),
        ("loaded_at", "timestamp"),
    ),
    "expected_rules": (
        ("report_kind", "varchar"),
        ("due_month", "integer"),
        ("due_day", "integer"),
        ("is_carried_forward", "boolean"),
        ("loaded_at", "timestamp"),
    ),
}


def registry_digest(registry: Registry) -> str:
    """A sha256 of what the tables would hold, so an unchanged registry is not written again."""
    content = repr((list(registry.expected_rows()), [
        (rule.report_kind, rule.due_month, rule.due_day, rule.is_carried_forward) for rule in registry.rules
    ]))  # fmt: skip
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def load_registry_tables(warehouse: Warehouse, registry: Registry) -> dict[str, int]:
    """Replace both tables with ``registry`` in one transaction; rows written per table."""
    schema = warehouse.schema("raw")
    loaded_at = datetime.now(UTC).replace(tzinfo=None)
    rows: dict[str, list[tuple[object, ...]]] = {
        "expected_documents": [(*row, loaded_at) for row in registry.expected_rows()],
        "expected_rules": [
            (rule.report_kind, rule.due_month, rule.due_day, rule.is_carried_forward, loaded_at)
            for rule in registry.rules
        ],
    }
    with warehouse.transaction():
        for statement in create_statements(schema):
            warehouse.execute(statement)
        for table, columns in TABLES.items():
            warehouse.execute(f"delete from {schema}.{table}")
            placeholders = ", ".join("?" for _ in columns)
            warehouse.executemany(f"insert into {schema}.{table} values ({placeholders})", rows[table])
    return {table: len(table_rows) for table, table_rows in rows.items()}


def create_statements(schema: str) -> list[str]:
    """Idempotent DDL for both tables (the raw schema exists already: ensure_raw_schema)."""
    statements = []
    for table, columns in TABLES.items():
        listed = ", ".join(f"{name} {kind}" for name, kind in columns)
        statements.append(f"create table if not exists {schema}.{table} ({listed})")
    return statements
