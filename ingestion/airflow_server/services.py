"""Start, watch and stop the local Airflow's four processes, each with a pid file and a log.

Each service runs in its own session (process group), so stopping it also stops what it
started: the api-server's workers, the LocalExecutor's task processes. Only the processes
named in this installation's pid files are ever signalled.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ingestion.airflow_server.environment import ADMIN_USER, LocalAirflow
from ingestion.airflow_server.metadata_db import MetadataServerUnreachable, ensure_database
from ingestion.pipeline.local_airflow import POOLS_FILE, airflow_command

log = logging.getLogger(__name__)

SERVICES = ("api-server", "scheduler", "dag-processor", "triggerer")
STARTUP_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 30.0


class AirflowStartError(RuntimeError):
    """The local Airflow could not start; the message says why and which log to read."""


@dataclass(frozen=True)
class AirflowStatus:
    running: dict[str, int]  # service -> pid of those alive
    url: str

    @property
    def all_running(self) -> bool:
        return set(self.running) == set(SERVICES)


def _pid_file(airflow: LocalAirflow, service: str) -> Path:
    return airflow.run_dir / f"{service}.pid"


def service_log(airflow: LocalAirflow, service: str) -> Path:
    return airflow.run_dir / f"{service}.log"


def _alive_pid(path: Path) -> int | None:
    try:
        pid = int(path.read_text(encoding="utf-8").strip())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    except PermissionError:
        return pid
    return pid


def status(airflow: LocalAirflow) -> AirflowStatus:
    running = {s: pid for s in SERVICES if (pid := _alive_pid(_pid_file(airflow, s))) is not None}
    return AirflowStatus(running=running, url=airflow.url)


def start(airflow: LocalAirflow, *, timeout_s: float = STARTUP_TIMEOUT_S) -> AirflowStatus:
    """Create the metadata database, migrate it, import the pools, start the four services and
    wait until the api-server answers. Services already running are left alone."""
    current = status(airflow)
    if current.all_running:
        return current
    if "api-server" not in current.running and _port_taken(airflow.port):
        raise AirflowStartError(
            f"port {airflow.port} is in use by another program: set BPW_AIRFLOW_PORT to a free port"
        )
    airflow.run_dir.mkdir(parents=True, exist_ok=True)
    airflow.password()  # before the api-server starts, so it reads the password instead of inventing one
    _ensure_metadata_database(airflow)
    _setup_command(airflow, "db", "migrate")
    _setup_command(airflow, "pools", "import", str(POOLS_FILE))
    # The api-server first: task processes report to it, so a task the scheduler starts before
    # it answers fails (and waits for its retry delay).
    if "api-server" not in current.running:
        _launch(airflow, "api-server")
    _wait_until_healthy(airflow, timeout_s, ("api-server",))
    for service in SERVICES[1:]:
        if service not in current.running:
            _launch(airflow, service)
    _wait_until_healthy(airflow, timeout_s, SERVICES)
    return status(airflow)


def _ensure_metadata_database(airflow: LocalAirflow) -> None:
    try:
        created = ensure_database(airflow.server_dsn, airflow.database)
    except MetadataServerUnreachable as error:
        raise AirflowStartError(str(error)) from error
    if created:
        log.info("created the metadata database %s", airflow.database)


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _setup_command(airflow: LocalAirflow, *args: str) -> None:
    """Run one setup command; its output goes to run/setup.log, not the terminal."""
    log_path = airflow.run_dir / "setup.log"
    with log_path.open("a", encoding="utf-8") as output:
        done = subprocess.run(
            airflow_command(*args), env=airflow.env(), stdout=output, stderr=subprocess.STDOUT, check=False
        )
    if done.returncode != 0:
        raise AirflowStartError(f"airflow {' '.join(args)} failed (exit {done.returncode}); see {log_path}")


def _launch(airflow: LocalAirflow, service: str) -> None:
    with service_log(airflow, service).open("ab") as output:
        process = subprocess.Popen(
            airflow_command(service),
            env=airflow.env(),
            cwd=airflow.home,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    _pid_file(airflow, service).write_text(f"{process.pid}\n", encoding="utf-8")
    log.info("started airflow %s (pid %d, log %s)", service, process.pid, service_log(airflow, service))


def _wait_until_healthy(airflow: LocalAirflow, timeout_s: float, services: tuple[str, ...]) -> None:
    """Until the api-server answers its health check; fails as soon as one of ``services`` died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        dead = [s for s in services if _alive_pid(_pid_file(airflow, s)) is None]
        if dead:
            logs = ", ".join(str(service_log(airflow, s)) for s in dead)
            raise AirflowStartError(f"airflow {', '.join(dead)} stopped during start-up; see {logs}")
        if _answers(f"{airflow.url}/api/v2/monitor/health"):
            return
        time.sleep(2)
    raise AirflowStartError(
        f"the api-server did not answer within {timeout_s:.0f} s; see {service_log(airflow, 'api-server')}"
    )


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def stop(airflow: LocalAirflow, *, timeout_s: float = STOP_TIMEOUT_S) -> list[str]:
    """SIGTERM each service, wait for its whole process group to end, SIGKILL what is left
    after the timeout; returns the services that were running."""
    stopped = []
    for service in SERVICES:
        path = _pid_file(airflow, service)
        pid = _alive_pid(path)
        if pid is not None:
            # The service alone: it stops its own workers (the scheduler waits for its task
            # processes; a SIGTERM to them too makes it wait for the ones that ignore it).
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            stopped.append(service)
    deadline = time.monotonic() + timeout_s
    for service in stopped:
        pid = _alive_pid(_pid_file(airflow, service))
        while pid is not None and _group_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        if pid is not None and _group_alive(pid):
            log.warning("airflow %s did not stop within %.0f s: killing it", service, timeout_s)
            _signal_group(pid, signal.SIGKILL)
    for service in SERVICES:
        _pid_file(airflow, service).unlink(missing_ok=True)
    return stopped


def _signal_group(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signum)  # the service is its session's leader: its group id is its pid


def _group_alive(pgid: int) -> bool:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pgid, os.WNOHANG)  # reap the leader if this process started it (no zombie)
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def login_line(airflow: LocalAirflow) -> str:
    return f"Airflow UI: {airflow.url}  login: {ADMIN_USER} / {airflow.password()}"
