"""Where everything lives, from environment variables with local defaults.

Every path is under one working folder (``BPW_HOME``, default ``./var`` beside the project),
which is git-ignored: a fresh clone has none of it and ``make run`` creates it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Larger files are set aside unread (quarantined as "oversized"): no real report comes near it.
DEFAULT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
# Per-document parse worker limits (ingestion.landing.parse_workers): over them, quarantined
# as too_large / timeout. The largest real report parses in ~2 s at ~150 MiB.
DEFAULT_PARSE_MEMORY_MB = 1024
DEFAULT_PARSE_TIMEOUT_S = 60
# One run at a time per home (ingestion/pipeline/run_lock.py): how long a second run waits for
# the lock, and how long an Airflow run may sit between two tasks before its lock counts as stale.
DEFAULT_RUN_LOCK_WAIT_S = 10.0
DEFAULT_RUN_LOCK_STALE_S = 1800.0
# Documents per mapped parse task in the DAGs (ingestion/pipeline/parse_batches.py).
DEFAULT_PARSE_BATCH_SIZE = 200


@dataclass(frozen=True)
class Settings:
    home: Path
    # "duckdb" (embedded default) or "postgres" (team-scale target); dbt's target has the same name.
    warehouse_target: str
    postgres_dsn: str
    postgres_schema_prefix: str
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    # PostgreSQL publication (docs/operations.md): the role BI connects through and the schema it reads.
    postgres_reader_role: str = "bpw_reader"
    postgres_bi_schema: str = ""  # empty: "<prefix>_bi"
    # Parse worker processes and the memory (MiB) and wall-clock (s) limit of each document.
    parse_workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    parse_memory_mb: int = DEFAULT_PARSE_MEMORY_MB
    parse_timeout_s: int = DEFAULT_PARSE_TIMEOUT_S
    run_lock_wait_s: float = DEFAULT_RUN_LOCK_WAIT_S
    run_lock_stale_s: float = DEFAULT_RUN_LOCK_STALE_S
    parse_batch_size: int = DEFAULT_PARSE_BATCH_SIZE

    @property
    def bi_schema(self) -> str:
        """The PostgreSQL schema BI reads: validated marts, swapped in whole by ``publish``."""
        return self.postgres_bi_schema or f"{self.postgres_schema_prefix}_bi"

    @property
    def archive_dir(self) -> Path:
        """Content-addressed raw documents and their provenance, kept byte for byte."""
        return self.home / "archive"

    @property
    def extractions_dir(self) -> Path:
        """One contract JSON per document and parser version."""
        return self.home / "extractions"

    @property
    def quarantine_dir(self) -> Path:
        return self.home / "quarantine"

    @property
    def warehouse_path(self) -> Path:
        """The live DuckDB file: written by one task at a time, never read by BI."""
        return self.home / "warehouse" / "warehouse.duckdb"

    @property
    def published_dir(self) -> Path:
        """What BI reads: Parquet per mart and a read-only DuckDB copy, swapped in after validation."""
        return self.home / "published"

    @property
    def validation_dir(self) -> Path:
        """Great Expectations context, results and Data Docs."""
        return self.home / "validation"

    @property
    def runs_dir(self) -> Path:
        """One folder per pipeline run: manifests, change reports, the run summary."""
        return self.home / "runs"


def load_settings(home: str | os.PathLike[str] | None = None) -> Settings:
    root = Path(home or os.environ.get("BPW_HOME") or PROJECT_ROOT / "var").resolve()
    return Settings(
        home=root,
        warehouse_target=os.environ.get("BPW_WAREHOUSE_TARGET", "duckdb"),
        postgres_dsn=os.environ.get("BPW_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres"),
        postgres_schema_prefix=os.environ.get("BPW_POSTGRES_SCHEMA_PREFIX", "bpw"),
        max_document_bytes=_positive_int("BPW_MAX_DOCUMENT_BYTES", DEFAULT_MAX_DOCUMENT_BYTES),
        postgres_reader_role=os.environ.get("BPW_POSTGRES_READER_ROLE", "bpw_reader"),
        postgres_bi_schema=os.environ.get("BPW_POSTGRES_BI_SCHEMA", ""),
        parse_workers=_positive_int("BPW_PARSE_WORKERS", os.cpu_count() or 1, "worker processes"),
        parse_memory_mb=_positive_int("BPW_PARSE_MEMORY_MB", DEFAULT_PARSE_MEMORY_MB, "MiB"),
        parse_timeout_s=_positive_int("BPW_PARSE_TIMEOUT_S", DEFAULT_PARSE_TIMEOUT_S, "seconds"),
        run_lock_wait_s=_seconds("BPW_RUN_LOCK_WAIT_S", DEFAULT_RUN_LOCK_WAIT_S),
        run_lock_stale_s=_seconds("BPW_RUN_LOCK_STALE_S", DEFAULT_RUN_LOCK_STALE_S),
        parse_batch_size=_positive_int("BPW_PARSE_BATCH_SIZE", DEFAULT_PARSE_BATCH_SIZE, "documents"),
    )


def _positive_int(variable: str, default: int, unit: str = "bytes") -> int:
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) == 0:
        raise ValueError(f"{variable} must be a positive whole number of {unit}, not {value!r}")
    return int(value)


def _seconds(variable: str, default: float) -> float:
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise ValueError(f"{variable} must be a number of seconds (0 or more), not {value!r}")
    return seconds
