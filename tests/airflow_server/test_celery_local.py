"""``BPW_AIRFLOW_CELERY_WORKERS=N make airflow``: the local Airflow's every process on the CeleryExecutor.

The workers themselves run in tests/airflow_server/test_celery_executor.py; this checks the
configuration every process (scheduler, api-server, workers, the ``airflow`` CLI) receives.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from ingestion.airflow_server.celery_workers import HOSTNAME_VARIABLE, worker_hostname
from ingestion.commands.airflow import DEFAULT_BROKER_URL, _installation


def _args(home: Path) -> argparse.Namespace:
    return argparse.Namespace(action="env", home=str(home), port=18080)


def test_without_workers_it_stays_on_the_local_executor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BPW_AIRFLOW_CELERY_WORKERS", raising=False)
    airflow, workers = _installation(_args(tmp_path))
    assert workers == 0 and airflow.env()["AIRFLOW__CORE__EXECUTOR"] == "LocalExecutor"


def test_workers_switch_every_process_to_celery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BPW_AIRFLOW_CELERY_WORKERS", "2")
    monkeypatch.delenv("BPW_CELERY_BROKER_URL", raising=False)
    airflow, workers = _installation(_args(tmp_path))
    env = airflow.env()
    assert workers == 2
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__CELERY__BROKER_URL"] == DEFAULT_BROKER_URL
    assert env["AIRFLOW__CELERY__RESULT_BACKEND"] == f"db+{airflow.metadata_url}"
    assert (
        env["AIRFLOW__CORE__HOSTNAME_CALLABLE"] == "ingestion.airflow_server.celery_workers.worker_hostname"
    )


def test_a_worker_reports_its_own_name_as_the_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOSTNAME_VARIABLE, "worker-7")
    assert worker_hostname() == "worker-7"
    monkeypatch.delenv(HOSTNAME_VARIABLE)
    assert worker_hostname()  # the machine's name otherwise
