"""``python -m ingestion airflow start|stop|status|env``: the project's local Airflow in the background.

``start`` creates the PostgreSQL metadata database when missing, migrates it, imports the pools
and starts api-server, scheduler, dag-processor and triggerer (LocalExecutor), then prints the
URL and the login. ``make airflow`` and ``make airflow-stop`` call this. ``env`` prints the
``export`` lines that point the ``airflow`` CLI at this installation.
"""

from __future__ import annotations

import argparse
import logging
import shlex

from ingestion.settings import load_settings

log = logging.getLogger("ingestion.airflow")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("start", "stop", "status", "env"))
    parser.add_argument("--home", help="working folder (default: $BPW_HOME or ./var)")
    parser.add_argument("--port", type=int, help="api-server port (default: $BPW_AIRFLOW_PORT or 8080)")


def run(args: argparse.Namespace) -> int:
    from ingestion.airflow_server import local_airflow, start, status, stop
    from ingestion.airflow_server.services import AirflowStartError, login_line, service_log

    airflow = local_airflow(load_settings(args.home), port=args.port)
    if args.action == "env":
        # For `eval "$(python -m ingestion airflow env)"`: the airflow CLI then talks to this installation.
        for key, value in sorted(airflow.env().items()):
            if key.startswith(("AIRFLOW", "BPW_")):
                print(f"export {key}={shlex.quote(value)}")
        return 0
    if args.action == "stop":
        stopped = stop(airflow)
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
    except AirflowStartError as error:
        log.error("airflow: %s", error)
        return 1
    log.info("%s", login_line(airflow))
    log.info("logs: %s/*.log (services), %s/logs (tasks)", airflow.run_dir, airflow.home)
    log.info("stop it with: make airflow-stop")
    return 0
