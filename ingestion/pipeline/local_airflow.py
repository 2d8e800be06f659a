"""Run the nightly DAG once through a local Airflow: SQLite metadata under ``BPW_HOME/airflow``.

This is what ``make run`` does (``python -m ingestion run --airflow --drop DIR``): migrate the
metadata database, create the pools from ``dags/pools.json``, then ``airflow dags test`` the
nightly DAG with the drop as its run configuration. Each command is a subprocess, so Airflow
reads this environment and not whatever the calling shell had. Migrating and importing pools
(~12 s each) run only when the Airflow version, the pools file or the metadata database changed
since they last succeeded (a stamp under ``BPW_HOME/airflow``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from ingestion.pipeline import run_lock
from ingestion.settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

NIGHTLY_DAG_ID = "budget_reports_nightly"
DAGS_FOLDER = PROJECT_ROOT / "dags"
POOLS_FILE = DAGS_FOLDER / "pools.json"


def airflow_home(settings: Settings) -> Path:
    return settings.home / "airflow"


def airflow_env(settings: Settings, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a local Airflow that runs this project's DAGs and nothing else."""
    env = dict(os.environ if base is None else base)
    env.update({
        "BPW_HOME": str(settings.home),
        "AIRFLOW_HOME": str(airflow_home(settings)),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        # The local run is one developer's machine: no telemetry, no example connections.
        "AIRFLOW__CORE__ANALYTICS_ENABLED": "False",
        "AIRFLOW__DATABASE__LOAD_DEFAULT_CONNECTIONS": "False",
    })  # fmt: skip
    return env


def airflow_command(*args: str) -> list[str]:
    """``airflow ...`` from this interpreter's environment (the project's virtualenv)."""
    return [str(Path(sys.executable).with_name("airflow")), *args]


def setup_stamp(settings: Settings, env: dict[str, str]) -> dict[str, str]:
    """What a finished set-up depended on: Airflow's version, the pools file, the metadata database."""
    from importlib.metadata import version

    default_database = f"sqlite:{airflow_home(settings) / 'airflow.db'}"
    database = env.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN") or default_database
    return {
        "airflow_version": version("apache-airflow"),
        "pools_sha256": hashlib.sha256(POOLS_FILE.read_bytes()).hexdigest(),
        "metadata_database": hashlib.sha256(database.encode("utf-8")).hexdigest(),
    }


def _set_up_already(settings: Settings, stamp: dict[str, str], stamp_path: Path) -> bool:
    if not stamp_path.is_file():
        return False
    sqlite = "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" not in airflow_env(settings)
    if sqlite and not (airflow_home(settings) / "airflow.db").is_file():
        return False  # the database was removed after the stamp was written
    done: dict[str, str] = json.loads(stamp_path.read_text(encoding="utf-8"))
    return done == stamp


def set_up_airflow(settings: Settings) -> bool:
    """Create or upgrade the metadata database and the pools the DAGs name (safe to repeat).

    Returns False, doing nothing, when the same set-up already succeeded (see the module's note).
    """
    env = airflow_env(settings)
    airflow_home(settings).mkdir(parents=True, exist_ok=True)
    stamp, stamp_path = setup_stamp(settings, env), airflow_home(settings) / "setup-stamp.json"
    if _set_up_already(settings, stamp, stamp_path):
        log.info("airflow: metadata database and pools already set up (%s)", stamp_path)
        return False
    stamp_path.unlink(missing_ok=True)
    # Their chatter ("Uploaded 1 pool(s)", migration notes) goes to a file, not the terminal.
    with (airflow_home(settings) / "setup.log").open("a", encoding="utf-8") as output:
        for command in (("db", "migrate"), ("pools", "import", str(POOLS_FILE))):
            subprocess.run(airflow_command(*command), env=env, check=True, stdout=output, stderr=output)
    stamp_path.write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return True


def run_nightly_once(settings: Settings, drop: str, fiscal_year: int | None = None) -> int:
    """``airflow dags test`` the nightly DAG on ``drop``; returns the command's exit status.

    Airflow's own output (thousands of log lines) goes to ``BPW_HOME/airflow/dags-test.log``;
    the terminal gets one line per task as it starts and ends, and each step's own line.
    """
    conf = {"drop": drop, "fiscal_year": fiscal_year}
    command = airflow_command("dags", "test", NIGHTLY_DAG_ID, "-c", json.dumps(conf))
    log_path = airflow_home(settings) / "dags-test.log"
    log.info("airflow: running %s (full log: %s)", NIGHTLY_DAG_ID, log_path)
    with (
        log_path.open("w", encoding="utf-8") as airflow_log,
        subprocess.Popen(
            command, env=airflow_env(settings), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        ) as process,
    ):
        try:
            assert process.stdout is not None  # stdout=PIPE above
            for line in process.stdout:
                airflow_log.write(line)
                progress = _task_progress(line)
                if progress:
                    log.info("airflow: %s", progress)
        finally:
            process.wait()
            # Every task ran in that one process: stopped before its summary, its run is over too.
            ended = run_lock.release_if_ended(settings, process.pid)
            if ended is not None:
                log.warning("airflow: run %s stopped before its summary: its lock is free", ended.run_id)
    return process.returncode


_TASK_EVENT = re.compile(r"\[DAG TEST\] (starting|end task) task_id=(\w+)")
# A step's own line (ingestion/progress.py, the dbt summary, drop warnings) as `dags test` logs it:
# "<time> [info     ] parse: 33 documents in 4.1 s (8.0/s) [ingestion.progress] loc=..."
_STEP_LINE = re.compile(r"\[(?:info|warning) *\] (.+?) \[ingestion\.(?:progress|pipeline\.steps)\]")


def _task_progress(line: str) -> str | None:
    match = _TASK_EVENT.search(line)
    if match is not None:
        event, task_id = match.groups()
        return f"{task_id} {'started' if event == 'starting' else 'finished'}"
    step_line = _STEP_LINE.search(line)
    return f"  {step_line.group(1)}" if step_line else None
