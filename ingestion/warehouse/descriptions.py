"""The marts' descriptions (dbt ``persist_docs``) carried into the DuckDB file BI opens.

dbt writes every mart's and column's description as a DuckDB comment in the warehouse; a table
copied with CREATE TABLE AS loses them, so the publication writes them again. Parquet files have
no place for them: BI tools that read Parquet get the descriptions from docs/data-model.md.
"""

from __future__ import annotations

from typing import Any


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def copy_comments(connection: Any, source: str, target: str, table: str) -> None:
    """Give ``target.marts.table`` the table and column comments of ``source.marts.table``."""
    rows = connection.execute(
        "select comment from duckdb_tables() where database_name = ? and schema_name = 'marts' "
        "and table_name = ? union all select comment from duckdb_views() where database_name = ? "
        "and schema_name = 'marts' and view_name = ?",
        [source, table, source, table],
    ).fetchall()
    for (comment,) in rows:
        if comment:
            connection.execute(f'comment on table {target}.marts."{table}" is {_literal(comment)}')
    columns = connection.execute(
        "select column_name, comment from duckdb_columns() where database_name = ? "
        "and schema_name = 'marts' and table_name = ?",
        [source, table],
    ).fetchall()
    for column, comment in columns:
        if comment:
            qualified = f'{target}.marts."{table}"."{column}"'
            connection.execute(f"comment on column {qualified} is {_literal(comment)}")
