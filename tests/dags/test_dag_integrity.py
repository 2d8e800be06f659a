"""Every DAG file parses cleanly, cheaply and by the project's rules (STYLE.md, Airflow 3 idioms)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ingestion.pipeline.local_airflow import POOLS_FILE, airflow_home
from ingestion.settings import Settings

REPO = Path(__file__).resolve().parents[2]
DAG_FILES = sorted((REPO / "dags").glob("*.py"))
HEAVY_MODULES = ("pandas", "great_expectations", "dbt", "duckdb", "psycopg2", "pdfplumber", "docx")
WAREHOUSE_WRITERS = {"load_staging", "build_models", "validate", "publish"}


def test_dag_files_import_without_errors(dagbag: Any) -> None:
    assert dagbag.import_errors == {}


@pytest.mark.parametrize("dag_file", [pytest.param(path, id=path.name) for path in DAG_FILES])
def test_each_file_holds_one_dag_named_like_the_file(dagbag: Any, dag_file: Path) -> None:
    in_file = [dag for dag in dagbag.dags.values() if Path(dag.fileloc).resolve() == dag_file.resolve()]
    assert [dag.dag_id for dag in in_file] == [dag_file.stem]


@pytest.mark.parametrize("dag_file", [pytest.param(path, id=path.name) for path in DAG_FILES])
def test_dag_files_stay_short(dag_file: Path) -> None:
    assert len(dag_file.read_text(encoding="utf-8").splitlines()) <= 100


def test_every_dag_has_tags_owner_retries_docs_and_no_cycle(dagbag: Any) -> None:
    from airflow.utils.dag_cycle_tester import check_cycle

    assert dagbag.dags
    for dag in dagbag.dags.values():
        check_cycle(dag)
        assert dag.tags, dag.dag_id
        assert dag.doc_md and dag.doc_md.startswith("# "), dag.dag_id
        assert dag.max_active_runs == 1 and dag.catchup is False, dag.dag_id
        assert dag.default_args["owner"] and dag.default_args["retries"] >= 1, dag.dag_id
        for task in dag.tasks:
            assert task.owner == dag.default_args["owner"], task.task_id


def test_every_task_that_touches_the_warehouse_takes_the_one_writer_slot(dagbag: Any) -> None:
    for dag in dagbag.dags.values():
        writers = [task for task in dag.tasks if task.task_id in WAREHOUSE_WRITERS]
        assert {task.task_id for task in writers} == WAREHOUSE_WRITERS, dag.dag_id
        assert {task.pool for task in writers} == {"warehouse_writer"}, dag.dag_id


def test_the_nightly_dag_runs_at_two_in_shanghai_and_takes_drop_and_fiscal_year(dagbag: Any) -> None:
    dag = dagbag.dags["budget_reports_nightly"]
    assert dag.schedule == "0 2 * * *"
    assert dag.timetable.expression == "0 2 * * *"
    assert str(dag.timetable.timezone.name) == "Asia/Shanghai"
    assert [task.task_id for task in _in_order(dag)] == [
        "collect", "parse_plan", "parse_batch", "parse", "load_staging", "build_models", "validate",
        "publish", "summarize",
    ]  # fmt: skip
    assert dag.params["fiscal_year"] is None and dag.params["drop"]
    (outlet,) = dag.get_task("publish").outlets
    assert outlet.name == "budget_marts" and outlet.uri.startswith("file://")
    assert outlet.uri.endswith("/published")


def test_the_backfill_dag_is_manual_and_reparses_the_archive(dagbag: Any) -> None:
    dag = dagbag.dags["budget_reports_backfill"]
    assert dag.schedule is None
    assert [task.task_id for task in _in_order(dag)][:4] == [
        "reparse_plan", "reparse_batch", "reparse", "load_staging",
    ]  # fmt: skip
    assert dag.get_task("reparse_batch").partial_kwargs["op_kwargs"] == {"force": True}
    assert dag.params["fiscal_years"] == []


@pytest.mark.parametrize(
    ("dag_id", "name"), [("budget_reports_nightly", "parse"), ("budget_reports_backfill", "reparse")]
)
def test_parsing_is_mapped_over_the_planned_batches(dagbag: Any, dag_id: str, name: str) -> None:
    from airflow.sdk.definitions.mappedoperator import MappedOperator

    dag = dagbag.dags[dag_id]
    batch = dag.get_task(f"{name}_batch")
    assert isinstance(batch, MappedOperator)
    assert batch.upstream_task_ids == {f"{name}_plan"}
    # The gathering task runs when there were no batches (zero mapped tasks: skipped).
    assert dag.get_task(name).trigger_rule == "none_failed"
    assert dag.get_task(name).upstream_task_ids == {f"{name}_batch"}


def _in_order(dag: Any) -> list[Any]:
    return list(dag.topological_sort())


def test_the_pools_the_dags_name_exist_after_setup(dagbag: Any, airflow_settings: Settings) -> None:
    from airflow.models.pool import Pool

    pools = {pool.pool: pool.slots for pool in Pool.get_pools()}
    used = {task.pool for dag in dagbag.dags.values() for task in dag.tasks}
    assert used <= set(pools)
    assert pools["warehouse_writer"] == 1
    assert set(json.loads(POOLS_FILE.read_text(encoding="utf-8"))) <= set(pools)
    # `make run` keeps Airflow's setup chatter off the terminal: it is in the setup log.
    assert "Uploaded 1 pool(s)" in (airflow_home(airflow_settings) / "setup.log").read_text(encoding="utf-8")


def test_parsing_the_dag_files_imports_nothing_heavy() -> None:
    # A fresh interpreter: this one has imported much more by now.
    probe = (
        "import runpy, sys\n"
        "for path in sys.argv[1:]:\n"
        "    runpy.run_path(path)\n"
        f"    print(path, *[m for m in {HEAVY_MODULES!r} if m in sys.modules])\n"
    )
    files = [str(path) for path in DAG_FILES]
    loaded = subprocess.run([sys.executable, "-c", probe, *files], check=True, capture_output=True, text=True)
    assert loaded.stdout.split("\n")[:-1] == files
