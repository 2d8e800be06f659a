"""Publish on PostgreSQL: write-audit-publish into the schema BI reads, for a read-only role.

dbt builds the marts into ``<prefix>_marts`` and validation audits them there; BI never reads
that schema. Publishing (only after no blocking rule failed, ``publish.check_validation``) copies
every mart, with its table and column comments, into a fresh ``<bi>_next`` schema, grants the
reader role USAGE and SELECT on it, and swaps it in for ``<bi>`` by two schema renames, all in
one transaction: a BI session sees the previous publication or the new one, never a half-built
or failed one. The previous publication stays as ``<bi>_previous`` (no reader access) for rollback.

The reader role is created here when missing (NOLOGIN: BI logins are granted membership in it),
and its grants are given anew at every publication, so no rebuild can drop them.
"""

from __future__ import annotations

from typing import Any

from ingestion.settings import Settings
from ingestion.warehouse.connection import Warehouse, connect

_ROLE_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def _identifier(name: str) -> str:
    """A role or schema name the project writes into SQL itself: lower-case letters, digits, _."""
    if not name or not set(name) <= _ROLE_NAME_CHARS or name[0].isdigit():
        raise ValueError(f"{name!r} is not a plain lower-case SQL identifier")
    return name


def ensure_reader_role(warehouse: Warehouse, role: str) -> None:
    """Create the NOLOGIN reader role unless it exists (roles are cluster-wide: never dropped here)."""
    role = _identifier(role)
    if not warehouse.query("select 1 from pg_roles where rolname = ?", [role]):
        warehouse.execute(f"create role {role} nologin")


def _marts(warehouse: Warehouse, schema: str) -> list[str]:
    rows = warehouse.query(
        "select table_name from information_schema.tables where table_schema = ? order by table_name",
        [schema],
    )
    if not rows:
        raise RuntimeError(f"schema {schema} holds no marts: run build_models first")
    return [str(name) for (name,) in rows]


def _comment_statements(warehouse: Warehouse, source: str, target: str, table: str) -> list[tuple[str, str]]:
    """COMMENT statements (with their text) that give ``target.table`` the comments of ``source.table``."""
    relation = f"{source}.{table}"
    statements: list[tuple[str, str]] = []
    for (comment,) in warehouse.query("select obj_description(?::regclass, 'pg_class')", [relation]):
        if comment:
            statements.append((f"comment on table {target}.{table} is %s", comment))
    columns = warehouse.query(
        "select attname, col_description(attrelid, attnum) from pg_attribute "
        "where attrelid = ?::regclass and attnum > 0 and not attisdropped",
        [relation],
    )
    for column, comment in columns:
        if comment:
            statements.append((f'comment on column {target}.{table}."{column}" is %s', comment))
    return statements


def bi_schema_exists(settings: Settings) -> bool:
    with connect(settings, read_only=True) as warehouse:
        query = "select 1 from information_schema.schemata where schema_name = ?"
        return bool(warehouse.query(query, [_identifier(settings.bi_schema)]))


def publish_postgres(settings: Settings) -> dict[str, Any]:
    """Swap the audited marts into the BI schema for the reader role; returns rows per mart."""
    bi, role = _identifier(settings.bi_schema), _identifier(settings.postgres_reader_role)
    staged, previous = f"{bi}_next", f"{bi}_previous"
    with connect(settings) as warehouse, warehouse.transaction():
        source = warehouse.schema("marts")
        ensure_reader_role(warehouse, role)
        warehouse.execute(f"drop schema if exists {staged} cascade")
        warehouse.execute(f"create schema {staged}")
        counts: dict[str, int] = {}
        for table in _marts(warehouse, source):
            warehouse.execute(f"create table {staged}.{table} as select * from {source}.{table}")
            with warehouse.connection.cursor() as cursor:
                for statement, comment in _comment_statements(warehouse, source, staged, table):
                    cursor.execute(statement, (comment,))
            counts[table] = int(warehouse.query(f"select count(*) from {staged}.{table}")[0][0])
        warehouse.execute(f"grant usage on schema {staged} to {role}")
        warehouse.execute(f"grant select on all tables in schema {staged} to {role}")
        warehouse.execute(f"drop schema if exists {previous} cascade")
        if warehouse.query("select 1 from information_schema.schemata where schema_name = ?", [bi]):
            warehouse.execute(f"alter schema {bi} rename to {previous}")
            warehouse.execute(f"revoke usage on schema {previous} from {role}")
        warehouse.execute(f"alter schema {staged} rename to {bi}")
    return {"target": "postgres", "bi_schema": bi, "reader_role": role, "tables": counts}
