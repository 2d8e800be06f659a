"""Secrets never printed: a DSN's password, in either form, is masked on stdout, in logs and summaries.

The runs are real (``python -m ingestion run`` on the real PostgreSQL, trust auth: the password
is carried, never checked); afterwards no output and no file under the home holds the password.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

from ingestion.dsn import dsn_password, mask_dsn

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "../shared/seeds"
SERVER = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
SECRET = "Kv-s3cret"  # what no output may show


@pytest.mark.parametrize(
    ("dsn", "shown"),
    [
        pytest.param("postgresql://etl:pw-1@db:5432/w", "postgresql://etl:***@db:5432/w", id="url"),
        pytest.param("postgres://etl:p@ss@db/w", "postgres://etl:***@db/w", id="url, @ in the password"),
        pytest.param("postgresql://:pw@db/w", "postgresql://:***@db/w", id="url, no user"),
        pytest.param("postgresql://db/w?user=etl&password=pw&ssl=1", "postgresql://db/w?user=etl&password=***&ssl=1",
                     id="url, password in the query"),
        pytest.param("host=db password=pw user=etl", "host=db password=*** user=etl", id="key/value"),
        pytest.param("host=db password = 'two words' user=etl", "host=db password = *** user=etl",
                     id="key/value, quoted with spaces"),
        pytest.param("host=db PASSWORD='it\\'s' dbname=w", "host=db PASSWORD=*** dbname=w",
                     id="key/value, escaped quote"),
        pytest.param("postgresql://etl@db/w", "postgresql://etl@db/w", id="no password: unchanged"),
        pytest.param("at postgresql+psycopg2://a:b@h/d: no", "at postgresql+psycopg2://a:***@h/d: no",
                     id="inside a message"),
    ],
)  # fmt: skip
def test_mask_dsn(dsn: str, shown: str) -> None:
    assert mask_dsn(dsn) == shown


def test_dsn_password_for_the_airflow_log_masker() -> None:
    assert dsn_password("host=db password='two words'") == "two words"
    assert dsn_password("postgresql://etl:p%40w@db/w") == "p@w"
    assert dsn_password("postgresql://etl@db/w") is None


def _reachable() -> bool:
    try:
        psycopg2.connect(SERVER).close()
    except psycopg2.OperationalError:
        return False
    return True


@pytest.fixture
def prefix() -> Iterator[str]:
    if not _reachable():
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    prefix = f"bpw_dsn_{uuid.uuid4().hex[:10]}"
    yield prefix
    connection = psycopg2.connect(SERVER)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute("select nspname from pg_namespace where nspname like %s", (f"{prefix}\\_%",))
            for (schema,) in cursor.fetchall():
                cursor.execute(f'drop schema "{schema}" cascade')
            cursor.execute(f'drop role if exists "{prefix}_reader"')  # roles are cluster-wide
    finally:
        connection.close()


def _run(home: Path, drop: Path, dsn: str, prefix: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("BPW_")}
    env.update(BPW_HOME=str(home), BPW_WAREHOUSE_TARGET="postgres", BPW_POSTGRES_DSN=dsn,
               BPW_POSTGRES_SCHEMA_PREFIX=prefix, BPW_POSTGRES_READER_ROLE=f"{prefix}_reader")  # fmt: skip
    command = [sys.executable, "-m", "ingestion", "run", "--drop", str(drop), "--run-id", "r"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)


def _files_holding(home: Path, secret: str) -> list[str]:
    return [str(path) for path in home.rglob("*") if path.is_file() and secret.encode() in path.read_bytes()]


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    folder = tmp_path / "drop"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.mark.slow
@pytest.mark.postgres
def test_a_run_with_a_key_value_dsn_never_shows_its_password(tmp_path: Path, drop: Path, prefix: str) -> None:
    home = tmp_path / "home"
    result = _run(home, drop, f"{SERVER} password='{SECRET} x'", prefix)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads((home / "runs" / "r" / "summary.json").read_text(encoding="utf-8"))
    assert summary["status"] == "published"
    assert "password=***" in summary["paths"]["warehouse"]
    assert "password=***" in result.stderr, "the summary is printed with the DSN masked"
    assert SECRET not in result.stdout + result.stderr
    assert _files_holding(home, SECRET) == [], "summary, step records, dbt's log and target/"


@pytest.mark.parametrize(
    "dsn",
    [
        pytest.param(f"postgresql://postgres:{SECRET}@127.0.0.1:1/postgres", id="url, server down"),
        pytest.param(f"host=127.0.0.1 port=1 user=postgres password={SECRET}", id="key/value, server down"),
        pytest.param(f"host=127.0.0.1 password={SECRET} more", id="key/value libpq cannot read"),
    ],
)
def test_a_failed_connection_is_reported_with_the_password_masked(
    tmp_path: Path, drop: Path, dsn: str
) -> None:
    home = tmp_path / "home"
    result = _run(home, drop, dsn, "bpw_unused")
    assert result.returncode != 0
    summary_text = (home / "runs" / "r" / "summary.json").read_text(encoding="utf-8")
    assert json.loads(summary_text)["status"].startswith("failed at load_staging: WarehouseUnreachable")
    assert "***" in summary_text
    assert SECRET not in result.stdout + result.stderr + summary_text
    assert _files_holding(home, SECRET) == []


def test_airflow_tasks_give_the_password_to_airflows_log_masker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BPW_WAREHOUSE_TARGET", "postgres")
    monkeypatch.setenv("BPW_POSTGRES_DSN", f"host=db password='{SECRET} x' user=etl")
    from airflow.sdk._shared.secrets_masker import redact

    from ingestion.pipeline.airflow_tasks import _settings

    _settings()
    assert SECRET not in str(redact(f"a task log line quoting password='{SECRET} x' and {SECRET} x alone"))
