"""What the local Airflow's processes share: one environment, one secret set, one metadata database.

Every process (api-server, scheduler, dag-processor, triggerer, and the task processes the
LocalExecutor starts) must agree on the JWT secret and the Fernet key, or tasks cannot talk to
the api-server; both are generated once and kept under AIRFLOW_HOME (git-ignored, like var/).
The metadata database is PostgreSQL, not SQLite: the scheduler and the api-server write it at
the same time, which SQLite serialises into "database is locked" errors.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ingestion.pipeline.local_airflow import airflow_env, airflow_home
from ingestion.settings import Settings

DEFAULT_PORT = 8080
DEFAULT_SERVER_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_DATABASE = "bpw_airflow"
ADMIN_USER = "admin"
PASSWORDS_FILE = "simple_auth_manager_passwords.json.generated"


@dataclass(frozen=True)
class LocalAirflow:
    """One local Airflow installation: where it lives, its port and its metadata database."""

    settings: Settings
    port: int
    server_dsn: str  # libpq URL of the PostgreSQL server (any database; used to create ours)
    database: str  # the metadata database this installation owns
    # Settings on top of the defaults below, for every process (the CeleryExecutor: celery_workers.py).
    overrides: tuple[tuple[str, str], ...] = ()

    @property
    def home(self) -> Path:
        return airflow_home(self.settings)

    @property
    def run_dir(self) -> Path:
        """Pid files and the services' own logs (task logs go to ``home/logs``)."""
        return self.home / "run"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def metadata_url(self) -> str:
        """SQLAlchemy URL of the metadata database (psycopg2 driver)."""
        base = self.server_dsn.split("://", 1)[1].rsplit("/", 1)[0]
        return f"postgresql+psycopg2://{base}/{self.database}"

    def password(self) -> str:
        """The admin password, created on first use (the simple auth manager reads this file)."""
        path = self.home / PASSWORDS_FILE
        passwords = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if ADMIN_USER not in passwords:
            passwords[ADMIN_USER] = secrets.token_urlsafe(12)
            _write_private(path, json.dumps(passwords) + "\n")
        return str(passwords[ADMIN_USER])

    def env(self) -> dict[str, str]:
        """The environment of every Airflow process of this installation."""
        keys = self._keys()
        env = airflow_env(self.settings)
        env.update({
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": self.metadata_url,
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            # Two cores here: a few task processes at a time; the warehouse pool has one slot anyway.
            "AIRFLOW__CORE__PARALLELISM": "4",
            # The nightly DAG runs on its schedule as soon as Airflow has parsed it.
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{ADMIN_USER}:admin",
            "AIRFLOW__CORE__FERNET_KEY": keys["fernet_key"],
            "AIRFLOW__API_AUTH__JWT_SECRET": keys["jwt_secret"],
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(self.port),
            "AIRFLOW__API__BASE_URL": self.url,
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.url}/execution/",
            # New DAG files show up within half a minute instead of five.
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "30",
        })  # fmt: skip
        env.update(self.overrides)
        return env

    def _keys(self) -> dict[str, str]:
        path = self.home / "secrets.json"
        if path.exists():
            keys: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
            return keys
        from cryptography.fernet import Fernet

        keys = {"fernet_key": Fernet.generate_key().decode(), "jwt_secret": secrets.token_urlsafe(32)}
        _write_private(path, json.dumps(keys) + "\n")
        return keys


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)


def local_airflow(settings: Settings, port: int | None = None, database: str | None = None) -> LocalAirflow:
    """The installation for ``settings``; ``BPW_AIRFLOW_PORT``, ``BPW_AIRFLOW_DB`` and
    ``BPW_AIRFLOW_SERVER_DSN`` override the port, the database name and the server."""
    return LocalAirflow(
        settings=settings,
        port=port or int(os.environ.get("BPW_AIRFLOW_PORT") or DEFAULT_PORT),
        server_dsn=os.environ.get("BPW_AIRFLOW_SERVER_DSN") or DEFAULT_SERVER_DSN,
        database=database or os.environ.get("BPW_AIRFLOW_DB") or DEFAULT_DATABASE,
    )
