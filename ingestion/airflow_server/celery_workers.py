"""The local Airflow on the CeleryExecutor: a Redis broker and Celery workers beside the services.

``with_celery`` turns a ``LocalAirflow`` into one whose scheduler queues tasks on a Redis broker
(results in the metadata database); ``start_worker`` runs ``airflow celery worker`` under a name
of its own, with a pid file and a log in the run folder like the other services. Two workers on
one machine would report the same host for their task instances, so each worker process tells
Airflow its name through ``worker_hostname`` (``[core] hostname_callable``).
The docker-compose profile ``celery`` is the same layout on real hosts (docs/scaling.md).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from ingestion.airflow_server.environment import LocalAirflow
from ingestion.airflow_server.services import AirflowStartError, _alive_pid, _group_alive, _signal_group
from ingestion.pipeline.local_airflow import airflow_command

HOSTNAME_VARIABLE = "BPW_WORKER_HOSTNAME"
WORKER_STARTUP_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 30.0


def worker_hostname() -> str:
    """The host a task instance records: the worker's own name when it has one, else the FQDN."""
    return os.environ.get(HOSTNAME_VARIABLE) or socket.getfqdn()


def with_celery(
    airflow: LocalAirflow, broker_url: str, *, queue: str = "default", key_prefix: str = ""
) -> LocalAirflow:
    """``airflow`` on the CeleryExecutor with ``broker_url``; tasks go to ``queue``.

    ``key_prefix`` prefixes every key the broker writes, so installations sharing one Redis
    database (tests, developers) never see each other's messages.
    """
    overrides = {
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CELERY__BROKER_URL": broker_url,
        "AIRFLOW__CELERY__RESULT_BACKEND": f"db+{airflow.metadata_url}",
        "AIRFLOW__OPERATORS__DEFAULT_QUEUE": queue,
        "AIRFLOW__CORE__HOSTNAME_CALLABLE": f"{__name__}.worker_hostname",
    }
    if key_prefix:
        overrides["AIRFLOW__CELERY_BROKER_TRANSPORT_OPTIONS__GLOBAL_KEYPREFIX"] = key_prefix
    return dataclasses.replace(airflow, overrides=(*airflow.overrides, *overrides.items()))


def _pid_file(airflow: LocalAirflow, name: str) -> Path:
    return airflow.run_dir / f"celery-worker-{name}.pid"


def worker_log(airflow: LocalAirflow, name: str) -> Path:
    return airflow.run_dir / f"celery-worker-{name}.log"


def start_worker(
    airflow: LocalAirflow, name: str, *, concurrency: int = 1, timeout_s: float = WORKER_STARTUP_TIMEOUT_S
) -> int:
    """Start worker ``name`` on the queue of ``airflow``; returns its pid once it takes tasks."""
    env = airflow.env()
    env[HOSTNAME_VARIABLE] = name
    queue = env.get("AIRFLOW__OPERATORS__DEFAULT_QUEUE", "default")
    # No log server (its port would clash between workers on one host); no mingle/gossip chatter.
    command = airflow_command(
        "celery", "worker", "--celery-hostname", name, "--queues", queue, "--concurrency", str(concurrency),
        "--skip-serve-logs", "--without-mingle", "--without-gossip",
    )  # fmt: skip
    airflow.run_dir.mkdir(parents=True, exist_ok=True)
    log_path = worker_log(airflow, name)
    with log_path.open("ab") as output:
        process = subprocess.Popen(
            command, env=env, cwd=airflow.home, stdin=subprocess.DEVNULL, stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    _pid_file(airflow, name).write_text(f"{process.pid}\n", encoding="utf-8")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AirflowStartError(f"celery worker {name} stopped during start-up; see {log_path}")
        # Celery's own line once the worker consumes: "celery@<name> ready."
        if " ready." in log_path.read_text(encoding="utf-8", errors="replace"):
            return process.pid
        time.sleep(1)
    raise AirflowStartError(f"celery worker {name} not ready within {timeout_s:.0f} s; see {log_path}")


def stop_workers(airflow: LocalAirflow, *, timeout_s: float = STOP_TIMEOUT_S) -> list[str]:
    """Stop every worker started for ``airflow`` (SIGTERM, then SIGKILL after the timeout)."""
    stopped = {}
    for path in sorted(airflow.run_dir.glob("celery-worker-*.pid")):
        pid = _alive_pid(path)
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            stopped[path.stem.removeprefix("celery-worker-")] = pid
    deadline = time.monotonic() + timeout_s
    for pid in stopped.values():
        while _group_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        if _group_alive(pid):
            _signal_group(pid, signal.SIGKILL)
    for path in airflow.run_dir.glob("celery-worker-*.pid"):
        path.unlink(missing_ok=True)
    return list(stopped)
