"""The local Airflow's shared environment and metadata database, without starting Airflow."""

from __future__ import annotations

import socket
import stat
import uuid
from pathlib import Path

import pytest

from ingestion.airflow_server.environment import DEFAULT_SERVER_DSN, PASSWORDS_FILE, local_airflow
from ingestion.airflow_server.metadata_db import drop_database, ensure_database
from ingestion.airflow_server.services import AirflowStartError, start, status
from ingestion.settings import load_settings


def test_every_process_gets_the_same_secrets_and_the_login_is_kept(tmp_path: Path) -> None:
    airflow = local_airflow(load_settings(tmp_path), port=18123, database="bpw_airflow_x")
    first, second = airflow.env(), local_airflow(load_settings(tmp_path), port=18123).env()
    for key in ("AIRFLOW__API_AUTH__JWT_SECRET", "AIRFLOW__CORE__FERNET_KEY"):
        assert first[key] and first[key] == second[key]
    assert first["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://127.0.0.1:18123/execution/"
    assert first["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].endswith("@127.0.0.1:5432/bpw_airflow_x")
    assert first["AIRFLOW__CORE__EXECUTOR"] == "LocalExecutor"
    assert airflow.password() == airflow.password()
    passwords = airflow.home / PASSWORDS_FILE
    assert stat.S_IMODE(passwords.stat().st_mode) == 0o600


def test_start_refuses_a_port_another_program_holds(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        airflow = local_airflow(load_settings(tmp_path), port=taken.getsockname()[1])
        with pytest.raises(AirflowStartError, match="BPW_AIRFLOW_PORT"):
            start(airflow)
    assert status(airflow).running == {}


@pytest.mark.postgres
def test_the_metadata_database_is_created_once() -> None:
    name = f"bpw_airflow_test_{uuid.uuid4().hex[:8]}"
    try:
        assert ensure_database(DEFAULT_SERVER_DSN, name) is True
        assert ensure_database(DEFAULT_SERVER_DSN, name) is False
    finally:
        drop_database(DEFAULT_SERVER_DSN, name)


def test_a_database_name_that_is_not_a_plain_identifier_is_refused() -> None:
    with pytest.raises(ValueError, match="lower-case letters"):
        ensure_database(DEFAULT_SERVER_DSN, 'x"; drop database postgres; --')


def test_an_unreachable_postgresql_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BPW_AIRFLOW_SERVER_DSN", "postgresql://postgres:secret@127.0.0.1:1/postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    airflow = local_airflow(load_settings(tmp_path), port=free_port)
    unreachable = r"cannot reach PostgreSQL at postgresql://postgres:\*\*\*@127\.0\.0\.1:1/postgres"
    with pytest.raises(AirflowStartError, match=unreachable) as raised:
        start(airflow)
    assert "secret" not in str(raised.value)
