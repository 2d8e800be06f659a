"""Publish the marts for BI: Parquet per mart and a DuckDB copy older readers can open.

BI never reads the live warehouse file (one writer holds it during a run, and DuckDB 2.0 files
cannot be opened by DuckDB < 2.0, which most BI drivers bundle). A publication is written into a
hidden ``.<stamp>.partial`` folder, renamed to ``<stamp>`` when complete, and only then does the
``current`` symlink switch to it with one ``os.replace``: a reader sees the previous publication
or the new one, never half of one. The last ``keep`` publications stay on disk for rollback.

Layout under ``settings.published_dir``::

    current -> 20261122T020312123456Z      the one BI reads
    20261122T020312123456Z/
        marts/<table>.parquet              one per table or view of schema ``marts``
        budget_marts.duckdb                the same tables with their descriptions, storage v1.4.0, read-only
        manifest.json                      stamp, run id, row counts
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingestion.settings import Settings
from ingestion.warehouse.descriptions import copy_comments

CURRENT = "current"
KEEP_PUBLICATIONS = 3
BI_DATABASE = "budget_marts.duckdb"
# DuckDB 1.4 is the oldest reader that can open this storage version; 2.0 files are unreadable before 2.0.
BI_STORAGE_VERSION = "v1.4.0"
_READ_ONLY = 0o444


class PublishRefused(RuntimeError):
    """Publishing would expose marts that have not passed this run's blocking rules."""


def check_validation(validation: Mapping[str, Any] | None, run_id: str) -> None:
    """Raise PublishRefused unless ``validation`` is this run's result with no blocking failure."""
    if validation is None:
        raise PublishRefused(f"run {run_id} has no validation result: run the validate step before publish")
    if validation.get("run_id") != run_id:
        raise PublishRefused(
            f"the validation result belongs to run {validation.get('run_id')!r}, not to run {run_id!r}"
        )
    if validation.get("status") != "ok":
        raise PublishRefused(f"run {run_id}: the validate step did not finish ({validation.get('error')})")
    if validation.get("blocking_failed") is not False:
        examples = "; ".join(validation.get("blocking_examples") or [])
        raise PublishRefused(
            f"run {run_id}: {validation.get('blocking_failures', 'some')} blocking validation finding(s) "
            f"failed, the marts stay unpublished ({examples}); see marts.fct_validation_finding"
        )


def publish_marts(
    settings: Settings, *, validation: Mapping[str, Any] | None, run_id: str, keep: int = KEEP_PUBLICATIONS
) -> dict[str, Any]:
    """Export every mart of the DuckDB warehouse and make it the current publication."""
    check_validation(validation, run_id)
    if settings.warehouse_target != "duckdb":
        from ingestion.warehouse.publish_postgres import publish_postgres

        return publish_postgres(settings)
    root = settings.published_dir
    root.mkdir(parents=True, exist_ok=True)
    _remove_partials(root)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    partial = root / f".{stamp}.partial"
    try:
        row_counts = _export(settings.warehouse_path, partial)
        manifest = {
            "stamp": stamp,
            "run_id": run_id,
            "tables": row_counts,
            "storage_version": BI_STORAGE_VERSION,
        }
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    for path in partial.rglob("*"):
        if path.is_file():
            path.chmod(_READ_ONLY)
    final = root / stamp
    partial.rename(final)
    _point_current_at(root, stamp)
    removed = _prune(root, keep)
    return {
        "target": "duckdb",
        "stamp": stamp,
        "path": str(final),
        "current": str(root / CURRENT),
        "bi_duckdb": str(final / BI_DATABASE),
        "tables": row_counts,
        "removed": removed,
    }


def _export(warehouse_path: Path, folder: Path) -> dict[str, int]:
    """Copy each mart to Parquet and into the v1.4.0 DuckDB file; return rows per mart."""
    import duckdb

    if not warehouse_path.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse_path}: run load_staging and build_models first")
    (folder / "marts").mkdir(parents=True)
    connection = duckdb.connect()
    try:
        connection.execute("attach ? as wh (read_only)", [str(warehouse_path)])
        tables = _mart_tables(connection)
        connection.execute(
            f"attach ? as bi (storage_version '{BI_STORAGE_VERSION}')", [str(folder / BI_DATABASE)]
        )
        connection.execute("create schema bi.marts")
        counts: dict[str, int] = {}
        for table in tables:
            connection.execute(f'create table bi.marts."{table}" as select * from wh.marts."{table}"')
            copy_comments(connection, "wh", "bi", table)
            parquet = folder / "marts" / f"{table}.parquet"
            connection.execute(f"copy bi.marts.\"{table}\" to '{parquet}' (format parquet)")
            row = connection.execute(f'select count(*) from bi.marts."{table}"').fetchone()
            counts[table] = int(row[0]) if row else 0
        connection.execute("detach bi")
    finally:
        connection.close()
    return counts


def _mart_tables(connection: Any) -> list[str]:
    rows = connection.execute(
        "select table_name from information_schema.tables "
        "where table_catalog = 'wh' and table_schema = 'marts' order by table_name"
    ).fetchall()
    if not rows:
        raise RuntimeError("the warehouse has no schema 'marts' or it is empty: run build_models first")
    return [str(name) for (name,) in rows]


def _point_current_at(root: Path, stamp: str) -> None:
    # A relative link keeps the folder movable (a container mounts it elsewhere).
    link = root / f".{CURRENT}.{stamp}.tmp"
    link.unlink(missing_ok=True)
    os.symlink(stamp, link)
    os.replace(link, root / CURRENT)


def publication_unchanged(settings: Settings, state: Mapping[str, str]) -> dict[str, Any] | None:
    """The publication BI reads, when no mart changed since it was made; None when one is due.

    ``state`` is ``raw.pipeline_state``: ``marts_version`` names the build that last changed a
    mart, ``published_version`` the one last published.
    """
    marts_version = state.get("marts_version")
    if not marts_version or state.get("published_version") != marts_version:
        return None
    if settings.warehouse_target != "duckdb":
        from ingestion.warehouse.publish_postgres import bi_schema_exists

        if not bi_schema_exists(settings):
            return None
        reason = f"no mart changed since the build of run {marts_version} was published"
        return {"target": "postgres", "skipped": reason, "bi_schema": settings.bi_schema}
    current = current_publication(settings)
    if current is None or not (current / "manifest.json").is_file():
        return None
    manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
    return {
        "target": "duckdb",
        "skipped": f"no mart changed since publication {manifest['stamp']} (run {manifest['run_id']})",
        "stamp": manifest["stamp"],
        "path": str(current),
        "current": str(settings.published_dir / CURRENT),
        "bi_duckdb": str(current / BI_DATABASE),
        "tables": manifest["tables"],
    }


def current_publication(settings: Settings) -> Path | None:
    """The folder ``current`` points at, or None before the first publication."""
    link = settings.published_dir / CURRENT
    return link.resolve() if link.is_symlink() else None


def _publications(root: Path) -> list[Path]:
    folders = (path for path in root.iterdir() if path.is_dir() and not path.is_symlink())
    return sorted(path for path in folders if not path.name.startswith("."))


def _prune(root: Path, keep: int) -> list[str]:
    current = (root / CURRENT).resolve()
    stale = [path for path in _publications(root)[: -max(keep, 1)] if path != current]
    for path in stale:
        shutil.rmtree(path)
    return [path.name for path in stale]


def _remove_partials(root: Path) -> None:
    # Left by a crashed publish; the one-writer pool means no other publish is writing now.
    for path in root.glob(".*.partial"):
        shutil.rmtree(path)
