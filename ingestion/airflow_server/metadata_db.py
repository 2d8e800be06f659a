"""The metadata database of the local Airflow: created on the PostgreSQL server when missing."""

from __future__ import annotations

import re

from ingestion.dsn import mask_dsn

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class MetadataServerUnreachable(RuntimeError):
    """The PostgreSQL server for the metadata database does not answer."""


def _checked(name: str) -> str:
    # The name goes into CREATE/DROP DATABASE, which takes no parameters: allow plain identifiers only.
    if not _NAME.match(name):
        raise ValueError(f"metadata database name {name!r}: use lower-case letters, digits and _")
    return name


def ensure_database(server_dsn: str, name: str) -> bool:
    """Create database ``name`` unless it exists; True when it was created now."""
    import psycopg2

    try:
        connection = psycopg2.connect(server_dsn)
    except psycopg2.OperationalError as error:
        reason = mask_dsn(str(error).strip().splitlines()[0])
        server = mask_dsn(server_dsn)
        raise MetadataServerUnreachable(
            f"cannot reach PostgreSQL at {server} for the metadata database ({reason}); start it, "
            "e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
        ) from error
    try:
        connection.autocommit = True  # CREATE DATABASE cannot run inside a transaction
        with connection.cursor() as cursor:
            cursor.execute("select 1 from pg_database where datname = %s", (_checked(name),))
            if cursor.fetchone() is not None:
                return False
            cursor.execute(f'create database "{name}"')
            return True
    finally:
        connection.close()


def drop_database(server_dsn: str, name: str) -> None:
    """Drop database ``name`` (closing its connections); nothing happens when it is absent."""
    import psycopg2

    connection = psycopg2.connect(server_dsn)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'drop database if exists "{_checked(name)}" with (force)')
    finally:
        connection.close()
