"""Run dbt (the project in ``dbt_project/``) in-process against the configured warehouse.

dbt is imported inside ``run_dbt`` only: importing it costs seconds, and DAG files and the CLI
import this module. The warehouse location reaches ``profiles.yml`` through environment
variables, set for the duration of the run and restored after. Target and log folders go
under ``BPW_HOME/dbt`` so runs leave the source tree clean.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingestion.settings import PROJECT_ROOT, Settings

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
FAILED_STATUSES = frozenset({"error", "fail", "runtime error"})
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


class DbtInvocationError(RuntimeError):
    """dbt itself could not run (bad project, unreachable warehouse, bad arguments)."""


@dataclass(frozen=True)
class DbtNodeFailure:
    unique_id: str
    status: str
    message: str


@dataclass(frozen=True)
class DbtRunResult:
    success: bool
    status_counts: dict[str, int] = field(default_factory=dict)
    failures: list[DbtNodeFailure] = field(default_factory=list)


def dbt_log_file(settings: Settings) -> Path:
    """Where dbt writes its full log (every node, every query) for each invocation."""
    return settings.home / "dbt" / "logs" / "dbt.log"


def dbt_environment(settings: Settings, target: str) -> dict[str, str]:
    """The variables profiles.yml reads for ``target``, plus dbt's own output folders."""
    env = {
        "DBT_TARGET_PATH": str(settings.home / "dbt" / "target"),
        "DBT_LOG_PATH": str(dbt_log_file(settings).parent),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    if target == "duckdb":
        settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
        env["BPW_WAREHOUSE_PATH"] = str(settings.warehouse_path)
    elif target == "postgres":
        from psycopg2.extensions import parse_dsn

        dsn = parse_dsn(settings.postgres_dsn)
        for key in ("host", "port", "user", "password", "dbname"):
            if dsn.get(key):
                env[f"BPW_POSTGRES_{key.upper()}"] = str(dsn[key])
        env["BPW_POSTGRES_SCHEMA_PREFIX"] = settings.postgres_schema_prefix
    else:
        raise ValueError(f"unknown dbt target {target!r}: expected 'duckdb' or 'postgres'")
    return env


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_dbt(settings: Settings, args: list[str], target: str = "duckdb") -> DbtRunResult:
    """Run ``dbt <args>`` (e.g. ``["build"]``) and summarise what happened to each node.

    Raises ``DbtInvocationError`` when dbt could not run at all; failing models or tests are
    reported in the result instead (``success`` is False).
    """
    from dbt.cli.main import dbtRunner

    command = [
        *args,
        # The terminal and task logs get one summary line (steps.build_models); dbt's own
        # ~300 lines per build go to its log file only (dbt_log_file).
        "--quiet",
        "--project-dir", str(DBT_PROJECT_DIR),
        "--profiles-dir", str(DBT_PROJECT_DIR),
        "--target", target,
    ]  # fmt: skip
    with _environment(dbt_environment(settings, target)):
        try:
            outcome = dbtRunner().invoke(command)
        finally:
            if target == "duckdb":
                _release_duckdb_file()
    if outcome.exception is not None:
        raise DbtInvocationError(f"dbt {' '.join(args)} could not run: {outcome.exception}") from (
            outcome.exception
        )
    return _summarise(outcome.success, outcome.result)


def _release_duckdb_file() -> None:
    """Close the DuckDB instance dbt-duckdb keeps open in this process after a run.

    Left open, it holds the file: this process could then not reopen it read-only ("different
    configuration than existing connections"), e.g. to validate or publish the marts.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()


def _summarise(success: bool, result: Any) -> DbtRunResult:
    node_results = getattr(result, "results", None) or []
    counts: Counter[str] = Counter()
    failures: list[DbtNodeFailure] = []
    for node_result in node_results:
        status = str(getattr(node_result.status, "value", node_result.status))
        counts[status] += 1
        if status in FAILED_STATUSES:
            failures.append(
                DbtNodeFailure(
                    unique_id=node_result.node.unique_id,
                    status=status,
                    message=ANSI_ESCAPE.sub("", str(node_result.message or status)),
                )
            )
    return DbtRunResult(success=success, status_counts=dict(counts), failures=failures)
