"""``make airflow`` for real: four Airflow processes on PostgreSQL, a scheduled nightly run, the
documented two-year backfill, the printed login, and ``make airflow-stop``.

One test on purpose: every Airflow process start costs ~10 s of CPU. The metadata database and
the port are unique to the test; the database is dropped afterwards.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import duckdb
import psycopg2
import pytest

from ingestion.airflow_server.environment import DEFAULT_SERVER_DSN
from ingestion.airflow_server.metadata_db import drop_database
from ingestion.generate.drop import DropOptions, write_drop
from ingestion.settings import load_settings

REPO = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_S = 480

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def operator_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment an operator's shell would have, pointing at a throwaway home and database."""
    drop = tmp_path / "drop"
    write_drop(
        DropOptions(out=drop, reports=6, years=[2021, 2022], formats=["txt"], seed=3, progress_every=0)
    )
    database = f"bpw_airflow_test_{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "BPW_HOME": str(tmp_path / "bpw"),
        "BPW_AIRFLOW_PORT": str(_free_port()),
        "BPW_AIRFLOW_DB": database,
    }
    env.pop("AIRFLOW_HOME", None)  # the DAG tests' conftest sets one for this process
    yield {**env, "TEST_DROP": str(drop)}
    subprocess.run(["make", "--no-print-directory", "airflow-stop"], cwd=REPO, env=env, check=False)
    drop_database(DEFAULT_SERVER_DSN, database)


def _make(target: str, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["make", "--no-print-directory", target, *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _runs(env: dict[str, str], dag_id: str) -> list[tuple[str, str, str]]:
    dsn = DEFAULT_SERVER_DSN.rsplit("/", 1)[0] + "/" + env["BPW_AIRFLOW_DB"]
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("select run_id, run_type, state from dag_run where dag_id = %s order by id", (dag_id,))
        return [(str(a), str(b), str(c)) for a, b, c in cursor.fetchall()]


def _wait_for_run(env: dict[str, str], dag_id: str, run_type: str) -> str:
    deadline = time.monotonic() + RUN_TIMEOUT_S
    runs: list[tuple[str, str, str]] = []
    while time.monotonic() < deadline:
        runs = [run for run in _runs(env, dag_id) if run[1] == run_type]
        if runs and runs[-1][2] in ("success", "failed"):
            break
        time.sleep(5)
    assert runs and runs[-1][2] == "success", (dag_id, runs, _logs_tail(env))
    return runs[-1][0]


def _logs_tail(env: dict[str, str]) -> str:
    run_dir = Path(env["BPW_HOME"]) / "airflow" / "run"
    return "\n".join(f"--- {p.name}\n" + p.read_text(errors="replace")[-3000:] for p in run_dir.glob("*.log"))


def _token(url: str, password: str) -> str:
    request = urllib.request.Request(
        f"{url}/auth/token",
        data=json.dumps({"username": "admin", "password": password}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return str(json.load(response)["access_token"])


def _dags_when_parsed(url: str, token: str) -> dict[str, dict[str, object]]:
    request = urllib.request.Request(f"{url}/api/v2/dags", headers={"Authorization": f"Bearer {token}"})
    deadline = time.monotonic() + RUN_TIMEOUT_S
    dags: dict[str, dict[str, object]] = {}
    while len(dags) < 2 and time.monotonic() < deadline:
        with urllib.request.urlopen(request, timeout=30) as response:
            dags = {dag["dag_id"]: dag for dag in json.load(response)["dags"]}
        time.sleep(2)
    return dags


def test_make_airflow_runs_the_nightly_on_schedule_and_a_two_year_backfill(
    operator_env: dict[str, str],
) -> None:
    env = {key: value for key, value in operator_env.items() if key != "TEST_DROP"}
    started = _make("airflow", env, f"DROP={operator_env['TEST_DROP']}")
    login = re.search(r"Airflow UI: (http://127\.0\.0\.1:\d+)\s+login: admin / (\S+)", started)
    assert login, started
    url, password = login.groups()
    assert url.endswith(f":{env['BPW_AIRFLOW_PORT']}")

    # The printed login works against the api-server, which lists the DAGs once parsed.
    dags = _dags_when_parsed(url, _token(url, password))
    assert {"budget_reports_nightly", "budget_reports_backfill"} <= set(dags)
    assert dags["budget_reports_nightly"]["is_paused"] is False

    # catchup=False: once unpaused, the nightly DAG runs its latest 02:00 slot on its own.
    _wait_for_run(env, "budget_reports_nightly", "scheduled")

    # The backfill exactly as docs/operations.md writes it.
    backfill = (
        'eval "$(.venv/bin/python -m ingestion airflow env)" && '
        ".venv/bin/airflow dags trigger budget_reports_backfill -c '{\"fiscal_years\": [2021, 2022]}'"
    )
    subprocess.run(["bash", "-c", backfill], cwd=REPO, env=env, check=True, capture_output=True, timeout=300)
    run_id = _wait_for_run(env, "budget_reports_backfill", "manual")

    settings = load_settings(env["BPW_HOME"])
    steps = settings.runs_dir / re.sub(r"[^A-Za-z0-9._-]", "_", run_id) / "steps"
    assert json.loads((steps / "load_staging.json").read_text())["fiscal_years"] == [2021, 2022]
    bi_copy = settings.published_dir / "current" / "budget_marts.duckdb"
    with duckdb.connect() as marts:
        marts.execute("attach ? as bi (read_only)", [str(bi_copy)])
        years = marts.execute("select distinct fiscal_year from bi.marts.dim_report order by 1").fetchall()
    assert years == [(2021,), (2022,)]

    # Task logs get one progress line per step, no progress bars.
    logs = settings.home / "airflow" / "logs" / "dag_id=budget_reports_backfill" / f"run_id={run_id}"
    # One mapped task per batch of documents, each with its own log.
    reparse_log = next((logs / "task_id=reparse_batch").glob("map_index=*/attempt=*.log")).read_text("utf-8")
    assert re.search(r"parse: \d+/\d+ documents in [\d.]+ s \([\d.]+/s\)", reparse_log), reparse_log[-2000:]
    assert "%|" not in reparse_log and "\r" not in reparse_log

    stopped = _make("airflow-stop", env)
    assert "stopped api-server, scheduler, dag-processor, triggerer" in stopped
    assert not list((settings.home / "airflow" / "run").glob("*.pid"))
