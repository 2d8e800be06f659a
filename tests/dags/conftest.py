"""Airflow for the DAG tests: a throwaway home, set before anything imports Airflow.

``AIRFLOW_HOME`` is ``<session home>/airflow``, exactly where ``set_up_airflow`` (what ``make run``
uses) puts it for a project home, so the metadata database the fixtures create is the one this
process's Airflow reads. Only AIRFLOW_* variables are set globally; BPW_HOME is set per test.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ingestion.pipeline.local_airflow import DAGS_FOLDER, airflow_home
from ingestion.settings import Settings, load_settings

SESSION_HOME = Path(tempfile.mkdtemp(prefix="bpw-dag-tests-"))
os.environ["AIRFLOW_HOME"] = str(airflow_home(load_settings(SESSION_HOME)))
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS_FOLDER)
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"


@pytest.fixture(scope="session")
def airflow_settings() -> Iterator[Settings]:
    """Airflow's metadata database migrated and the pools created, as ``make run`` does."""
    from ingestion.pipeline.local_airflow import set_up_airflow

    settings = load_settings(SESSION_HOME)
    set_up_airflow(settings)
    yield settings
    shutil.rmtree(SESSION_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def dagbag() -> Any:
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS_FOLDER))
