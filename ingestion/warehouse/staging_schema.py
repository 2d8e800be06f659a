"""The raw tables the loader writes (docs/data-model.md, "raw"), as portable DDL.

Types are the ones DuckDB and PostgreSQL both read the same way. There are no primary keys:
the loader replaces a document's rows by delete-then-insert in one transaction, and dbt's
tests own the grain of every table.
"""

from __future__ import annotations

WAN = "decimal(18,6)"  # 万元 exactly as the report states them
POINTS = "decimal(9,3)"  # scores, weights and percentages: small exact numbers

LINEAGE = (("parser_version", "varchar"), ("loaded_at", "timestamp"))
EVIDENCE = (("evidence_text", "varchar"), ("evidence_start", "integer"), ("evidence_end", "integer"))

DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_sha256", "varchar"),
    ("source_uri", "varchar"),
    ("portal", "varchar"),
    ("format", "varchar"),
    ("size_bytes", "bigint"),
    ("collected_at", "timestamp"),
    ("published_date", "date"),
    ("listing_title", "varchar"),
    ("publisher", "varchar"),
    ("unit_hint", "varchar"),
    ("archive_path", "varchar"),
    ("status", "varchar"),
    ("status_reason", "varchar"),
    *LINEAGE,
)

# Fact tables: the columns that come from the extraction, before lineage and evidence.
FACT_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "reports": (
        ("document_sha256", "varchar"),
        ("contract", "varchar"),
        ("kind", "varchar"),
        ("title", "varchar"),
        ("unit_name", "varchar"),
        ("province", "varchar"),
        ("city", "varchar"),
        ("district", "varchar"),
        ("division_code", "varchar"),
        ("fiscal_year", "integer"),
        ("self_score", POINTS),
        ("source_format", "varchar"),
    ),
    "report_amounts": (("document_sha256", "varchar"), ("line_item", "varchar"), ("amount_wan", WAN)),
    "report_projects": (
        ("document_sha256", "varchar"),
        ("project_seq", "integer"),
        ("name", "varchar"),
        ("project_type", "varchar"),
        ("purpose", "varchar"),
        ("budget_wan", WAN),
        ("spent_wan", WAN),
    ),
    "report_indicators": (
        ("document_sha256", "varchar"),
        ("indicator_seq", "integer"),
        ("level1", "varchar"),
        ("level2", "varchar"),
        ("name", "varchar"),
        ("target", "varchar"),
        ("actual", "varchar"),
        ("weight", POINTS),
        ("score", POINTS),
        ("note", "varchar"),
    ),
    "report_budget_execution": (
        ("document_sha256", "varchar"),
        ("initial_wan", WAN),
        ("full_year_wan", WAN),
        ("executed_wan", WAN),
        ("rate_pct", POINTS),
        ("weight", POINTS),
        ("score", POINTS),
    ),
    "report_staffing": (("document_sha256", "varchar"), ("category", "varchar"), ("headcount", "integer")),
    "report_cost_control": (
        ("document_sha256", "varchar"),
        ("row_seq", "integer"),
        ("item", "varchar"),
        ("prior_final_wan", WAN),
        ("budget_wan", WAN),
        ("final_wan", WAN),
    ),
    "report_metrics": (
        ("document_sha256", "varchar"),
        ("metric_seq", "integer"),
        ("name", "varchar"),
        ("value", "varchar"),
        ("unit", "varchar"),
        ("qualifier", "varchar"),
    ),
    "report_statements": (
        ("document_sha256", "varchar"),
        ("statement_kind", "varchar"),
        ("statement_seq", "integer"),
        ("statement_text", "varchar"),
    ),
    "report_warnings": (("document_sha256", "varchar"), ("warning_seq", "integer"), ("message", "varchar")),
}

# Warnings are the parser's own remarks: there is no source snippet to cite.
TABLES_WITHOUT_EVIDENCE = frozenset({"report_warnings"})


def table_columns(table: str) -> tuple[tuple[str, str], ...]:
    """Every column of a raw table, in insert order."""
    if table == "documents":
        return DOCUMENT_COLUMNS
    evidence = () if table in TABLES_WITHOUT_EVIDENCE else EVIDENCE
    return (*FACT_COLUMNS[table], *LINEAGE, *evidence)


def all_tables() -> tuple[str, ...]:
    return ("documents", *FACT_COLUMNS)


def create_statements(schema: str) -> list[str]:
    """Idempotent DDL for the raw schema and every raw table."""
    statements = [f"create schema if not exists {schema}"]
    for table in all_tables():
        columns = ",\n    ".join(f"{name} {sql_type}" for name, sql_type in table_columns(table))
        statements.append(f"create table if not exists {schema}.{table} (\n    {columns}\n)")
    return statements


def insert_statement(schema: str, table: str) -> str:
    names = [name for name, _ in table_columns(table)]
    placeholders = ", ".join("?" for _ in names)
    return f"insert into {schema}.{table} ({', '.join(names)}) values ({placeholders})"
