"""The nightly DAG on the CeleryExecutor: the local Redis as broker, two Celery workers.

The local Airflow of ``make airflow`` (api-server, scheduler, dag-processor, triggerer on a
PostgreSQL metadata database of its own) switched to the CeleryExecutor, plus two workers with
one task slot each and distinct host names. The nightly DAG runs its latest slot on its own
(catchup=False) once both workers take tasks (it is created paused and unpaused then, so no
task runs before the second worker is up); with one document per batch its eight mapped parse
tasks must land on both workers, and the run must publish. The broker's keys carry a prefix
unique to the test, in a Redis database no other test uses, and are deleted afterwards.
"""

from __future__ import annotations

import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

from ingestion.airflow_server import services
from ingestion.airflow_server.celery_workers import start_worker, stop_workers, with_celery, worker_log
from ingestion.airflow_server.environment import DEFAULT_SERVER_DSN, LocalAirflow
from ingestion.airflow_server.metadata_db import drop_database
from ingestion.pipeline.local_airflow import airflow_command
from ingestion.settings import load_settings
from sample_drop.drop import DropOptions, write_drop

REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 11
WORKERS = ("bpw-worker-a", "bpw-worker-b")
RUN_TIMEOUT_S = 900
DAG_ID = "budget_reports_nightly"

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _redis_answers() -> bool:
    with socket.socket() as probe:
        probe.settimeout(2)
        return probe.connect_ex((REDIS_HOST, REDIS_PORT)) == 0


@pytest.fixture
def celery_airflow(tmp_path: Path) -> Iterator[LocalAirflow]:
    if not _redis_answers():
        pytest.skip(f"no Redis at {REDIS_HOST}:{REDIS_PORT}")
    import redis

    drop = tmp_path / "drop"
    write_drop(DropOptions(out=drop, reports=8, years=[2022], formats=["txt"], seed=9, progress_every=0))
    tag = uuid.uuid4().hex[:8]
    base = LocalAirflow(
        settings=load_settings(tmp_path / "bpw"),
        port=_free_port(),
        server_dsn=DEFAULT_SERVER_DSN,
        database=f"bpw_celery_test_{tag}",
        # The DAG's default drop (its scheduled run), and one document per mapped parse task.
        overrides=(
            ("BPW_DROP", str(drop)),
            ("BPW_PARSE_BATCH_SIZE", "1"),
            ("AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION", "True"),
        ),
    )
    airflow = with_celery(
        base, f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}", queue=f"bpw-{tag}", key_prefix=f"bpw-{tag}:"
    )
    try:
        yield airflow
    finally:
        stop_workers(airflow)
        services.stop(airflow)
        drop_database(DEFAULT_SERVER_DSN, airflow.database)
        client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
        keys = list(client.scan_iter(match=f"bpw-{tag}:*"))
        if keys:
            client.delete(*keys)


def _query(airflow: LocalAirflow, sql: str, *args: object) -> list[tuple[object, ...]]:
    dsn = airflow.server_dsn.rsplit("/", 1)[0] + "/" + airflow.database
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute(sql, args)
        return list(cursor.fetchall())


def _finished_run(airflow: LocalAirflow) -> tuple[str, str]:
    """The first nightly run, once it has ended: (run_id, state)."""
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while time.monotonic() < deadline:
        runs = _query(airflow, "select run_id, state from dag_run where dag_id = %s order by id", DAG_ID)
        if runs and runs[0][1] in ("success", "failed"):
            return str(runs[0][0]), str(runs[0][1])
        # A task that failed would wait minutes for its retry: stop at once and say which.
        retrying = _query(
            airflow, "select task_id, map_index from task_instance where state = 'up_for_retry'"
        )
        assert not retrying, (retrying, _task_logs(airflow))
        time.sleep(5)
    raise AssertionError(f"no finished {DAG_ID} run within {RUN_TIMEOUT_S} s: {_logs_tail(airflow)}")


def _unpause(airflow: LocalAirflow) -> None:
    """Unpause the nightly DAG as soon as the dag-processor has stored it."""
    deadline = time.monotonic() + 120
    while True:
        done = subprocess.run(
            airflow_command("dags", "unpause", DAG_ID), env=airflow.env(), cwd=airflow.home,
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode == 0:
            return
        assert time.monotonic() < deadline, done.stdout + done.stderr
        time.sleep(3)


def _task_logs(airflow: LocalAirflow) -> str:
    logs = sorted((airflow.home / "logs").glob("dag_id=*/run_id=*/task_id=*/**/attempt=*.log"))
    return "\n".join(f"--- {p}\n" + p.read_text(errors="replace")[-2000:] for p in logs)


def _logs_tail(airflow: LocalAirflow) -> str:
    return "\n".join(
        f"--- {p.name}\n" + p.read_text(errors="replace")[-3000:] for p in airflow.run_dir.glob("*.log")
    )


def test_the_nightly_dag_spreads_its_parse_batches_over_two_celery_workers(
    celery_airflow: LocalAirflow,
) -> None:
    airflow = celery_airflow
    services.start(airflow)
    for name in WORKERS:
        start_worker(airflow, name, concurrency=1)
    _unpause(airflow)

    run_id, state = _finished_run(airflow)
    instances = _query(
        airflow,
        "select task_id, map_index, hostname, state from task_instance where dag_id = %s and run_id = %s",
        DAG_ID,
        run_id,
    )
    assert state == "success", (instances, _logs_tail(airflow))
    batches = [
        (hostname, ti_state) for task_id, _, hostname, ti_state in instances if task_id == "parse_batch"
    ]
    assert len(batches) == 8 and {ti_state for _, ti_state in batches} == {"success"}
    assert {hostname for hostname, _ in batches} == set(WORKERS), (batches, _logs_tail(airflow))
    # Every task ran on a Celery worker (none in the scheduler's process).
    assert {hostname for _, _, hostname, _ in instances} <= set(WORKERS)
    for name in WORKERS:
        assert "ready." in worker_log(airflow, name).read_text(encoding="utf-8", errors="replace")
