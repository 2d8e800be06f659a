"""Every text value BI can see: text columns of the marts (live and published), Parquet, Data Docs."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb

from ingestion.settings import Settings
from ingestion.warehouse.publish import current_publication


def _text_values(
    connection: duckdb.DuckDBPyConnection, catalog: str, schemas: tuple[str, ...]
) -> Iterator[str]:
    columns = connection.execute(
        "select schema_name, table_name, column_name from duckdb_columns() where database_name = ? "
        "and data_type = 'VARCHAR' and schema_name in (select unnest(?))",
        [catalog, list(schemas)],
    ).fetchall()
    for schema, table, column in columns:
        for (value,) in connection.execute(
            f'select distinct "{column}" from {catalog}."{schema}"."{table}" where "{column}" is not null'
        ).fetchall():
            yield f"{schema}.{table}.{column}: {value}"


def published_texts(settings: Settings) -> Iterator[str]:
    """Text of every mart in the live warehouse (raw tables too), the BI DuckDB copy, each Parquet
    file, the extraction JSON and the Data Docs."""
    connection = duckdb.connect()
    try:
        connection.execute(f"attach '{settings.warehouse_path}' as wh (read_only)")
        yield from _text_values(connection, "wh", ("raw", "staging", "intermediate", "marts"))
        publication = current_publication(settings)
        assert publication is not None, "the run should have published"
        connection.execute(f"attach '{publication / 'budget_marts.duckdb'}' as bi (read_only)")
        yield from _text_values(connection, "bi", ("marts",))
        parquets = sorted((publication / "marts").glob("*.parquet"))
        assert parquets
        for parquet in parquets:
            view = parquet.stem
            connection.execute(
                f"create or replace view main.\"{view}\" as select * from read_parquet('{parquet}')"
            )
        yield from _text_values(connection, "memory", ("main",))
    finally:
        connection.close()
    documents = [*settings.validation_dir.rglob("*.html"), *settings.validation_dir.rglob("*.json")]
    assert documents, "the run should have written Data Docs"
    for path in [*documents, *settings.extractions_dir.rglob("*.json")]:
        yield f"{path.name}: {path.read_text(encoding='utf-8', errors='replace')}"
