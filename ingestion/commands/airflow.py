"""``python -m ingestion airflow start|stop|status|env``: the project's local Airflow in the background.

``start`` creates the PostgreSQL metadata database when missing, migrates it, imports the pools
and starts api-server, scheduler, dag-processor and triggerer (LocalExecutor), then prints the
URL and the login. ``make airflow`` and ``make airflow-stop`` call this. ``env`` prints the
``export`` lines that point the ``airflow`` CLI at this installation. With
``BPW_AIRFLOW_CELERY_WORKERS=N`` in the environment (of every action) the installation runs the
CeleryExecutor instead, with N local Celery workers on ``BPW_CELERY_BROKER_URL`` (default the
local Redis), as the compose profile ``celery`` does on real hosts (docs/scaling.md).
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
from typing import TYPE_CHECKING

from ingestion.settings import load_settings

if TYPE_CHECKING:
    from ingestion.airflow_server import LocalAirflow

log = logging.getLogger("ingestion.airflow")
DEFAULT_BROKER_URL = "redis://127.0.0.1:6379/0"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("start", "stop", "status", "env"))
    parser.add_argument("--home", help="working folder (default: $BPW_HOME or ./var)")
    parser.add_argument("--port", type=int, help="api-server port (default: $BPW_AIRFLOW_PORT or 8080)")


def run(args: argparse.Namespace) -> int:
    from ingestion.airflow_server import start, status, stop
    from ingestion.airflow_server.services import AirflowStartError, login_line, service_log

    airflow, celery_workers = _installation(args)
    if args.action == "env":
        # For `eval "$(python -m ingestion airflow env)"`: the airflow CLI then talks to this installation.
        for key, value in sorted(airflow.env().items()):
            if key.startswith(("AIRFLOW", "BPW_")):
                print(f"export {key}={shlex.quote(value)}")
        return 0
    if args.action == "stop":
        from ingestion.airflow_server.celery_workers import stop_workers

        stopped = stop_workers(airflow) + stop(airflow)
        log.info("stopped %s", ", ".join(stopped) if stopped else "nothing: no local Airflow was running")
        return 0
    if args.action == "status":
        current = status(airflow)
        for service in ("api-server", "scheduler", "dag-processor", "triggerer"):
            pid = current.running.get(service)
            state = f"running (pid {pid})" if pid else "stopped"
            log.info("%-13s %s  log: %s", service, state, service_log(airflow, service))
        return 0 if current.all_running else 1
    log.info("starting the local Airflow (metadata database %s, home %s)", airflow.database, airflow.home)
    try:
        start(airflow)
        _start_celery_workers(airflow, celery_workers)
    except AirflowStartError as error:
        log.error("airflow: %s", error)
        return 1
    log.info("%s", login_line(airflow))
    log.info("logs: %s/*.log (services), %s/logs (tasks)", airflow.run_dir, airflow.home)
    log.info("stop it with: make airflow-stop")
    return 0


def _installation(args: argparse.Namespace) -> tuple[LocalAirflow, int]:
    """The local Airflow, on the CeleryExecutor when ``BPW_AIRFLOW_CELERY_WORKERS`` asks for workers."""
    from ingestion.airflow_server import local_airflow

    airflow = local_airflow(load_settings(args.home), port=args.port)
    workers = int(os.environ.get("BPW_AIRFLOW_CELERY_WORKERS") or 0)
    if workers:
        from ingestion.airflow_server.celery_workers import with_celery

        airflow = with_celery(airflow, os.environ.get("BPW_CELERY_BROKER_URL") or DEFAULT_BROKER_URL)
    return airflow, workers


def _start_celery_workers(airflow: LocalAirflow, count: int) -> None:
    from ingestion.airflow_server.celery_workers import start_worker, worker_log

    for number in range(1, count + 1):
        name = f"local-worker-{number}"
        pid = start_worker(airflow, name)
        log.info("started celery worker %s (pid %d, log %s)", name, pid, worker_log(airflow, name))
