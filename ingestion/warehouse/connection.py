"""One small handle over the two warehouses the project supports: DuckDB and PostgreSQL.

The loader writes plain SQL with ``?`` placeholders and schema names from ``Warehouse.schema``;
this module hides the two differences that matter to it: the parameter style and where a
layer's schema lives (``raw`` in DuckDB, ``<prefix>_raw`` in PostgreSQL, so several
deployments or test runs can share one database).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal

from ingestion.dsn import mask_dsn
from ingestion.settings import Settings

WarehouseKind = Literal["duckdb", "postgres"]


class WarehouseUnreachable(ConnectionError):
    """The PostgreSQL warehouse does not answer (or its DSN cannot be read); the DSN is masked."""


@dataclass
class Warehouse:
    """An open connection plus what the loader needs to know about its dialect."""

    kind: WarehouseKind
    connection: Any
    schema_prefix: str | None = None

    def schema(self, layer: str) -> str:
        """The schema holding ``layer`` (raw, staging, intermediate, marts) on this warehouse."""
        return layer if self.schema_prefix is None else f"{self.schema_prefix}_{layer}"

    def _sql(self, sql: str) -> str:
        # psycopg2 takes %s; the loader's SQL never holds a literal "?" or "%".
        return sql.replace("?", "%s") if self.kind == "postgres" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if self.kind == "duckdb":
            self.connection.execute(sql, list(params))
        else:
            with self.connection.cursor() as cursor:
                cursor.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(row) for row in rows]
        if not batch:
            return
        if self.kind == "duckdb":
            self.connection.executemany(sql, batch)
        else:
            with self.connection.cursor() as cursor:
                cursor.executemany(self._sql(sql), batch)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self.kind == "duckdb":
            return list(self.connection.execute(sql, list(params)).fetchall())
        with self.connection.cursor() as cursor:
            cursor.execute(self._sql(sql), tuple(params))
            return list(cursor.fetchall())

    @contextmanager
    def transaction(self) -> Iterator[Warehouse]:
        """All or nothing: commit when the block ends, roll back when it raises."""
        if self.kind == "duckdb":
            self.connection.begin()
        try:
            yield self
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def connect(settings: Settings, *, read_only: bool = False) -> Warehouse:
    """Open the warehouse that ``settings.warehouse_target`` names ("duckdb" or "postgres")."""
    if settings.warehouse_target == "duckdb":
        return _connect_duckdb(settings, read_only=read_only)
    if settings.warehouse_target == "postgres":
        return _connect_postgres(settings, read_only=read_only)
    raise ValueError(
        f"unknown warehouse target {settings.warehouse_target!r}: expected 'duckdb' or 'postgres'"
    )


def _connect_duckdb(settings: Settings, *, read_only: bool) -> Warehouse:
    import duckdb

    path = settings.warehouse_path
    if read_only and not path.exists():
        raise FileNotFoundError(f"no DuckDB warehouse at {path} to open read-only")
    path.parent.mkdir(parents=True, exist_ok=True)
    return Warehouse(kind="duckdb", connection=duckdb.connect(str(path), read_only=read_only))


def _connect_postgres(settings: Settings, *, read_only: bool) -> Warehouse:
    import psycopg2

    try:
        connection = psycopg2.connect(settings.postgres_dsn)
    except psycopg2.ProgrammingError:
        # libpq's parse error quotes the token it choked on, which may be part of the password.
        raise WarehouseUnreachable(
            f"BPW_POSTGRES_DSN is not a connection string libpq can read: {mask_dsn(settings.postgres_dsn)}"
        ) from None
    except psycopg2.OperationalError as error:
        message = mask_dsn(str(error).strip())
        server = mask_dsn(settings.postgres_dsn)
        raise WarehouseUnreachable(f"cannot connect to {server}: {message}") from None
    connection.set_session(readonly=read_only, autocommit=False)
    return Warehouse(kind="postgres", connection=connection, schema_prefix=settings.postgres_schema_prefix)
