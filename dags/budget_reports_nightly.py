"""# Budget reports, nightly

Every night at 02:00 (Asia/Shanghai): land the portal drop into the archive, parse what is new,
upsert it into the warehouse's raw layer, run one `dbt build`, validate the marts with Great
Expectations, and publish them for BI when no blocking rule failed. The last task writes the
run summary (`BPW_HOME/runs/<run_id>/summary.json`) even when a step failed.

Params: `drop` (folder or fsspec URL) and `fiscal_year` (load only that year's reports; empty =
all). The fiscal year comes from the documents or this Param, never from the run's date.
Each task calls one function of `ingestion.pipeline`; see docs/operations.md.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import pendulum
from airflow.sdk import Asset, Param, dag, task

from ingestion.settings import load_settings

WAREHOUSE_WRITER = "warehouse_writer"  # one slot: DuckDB takes one writing process at a time
PUBLISHED_MARTS = Asset(name="budget_marts", uri=load_settings().published_dir.as_uri())
DEFAULT_DROP = os.environ.get("BPW_DROP") or str(load_settings().home / "sample-drop")


@dag(
    dag_id="budget_reports_nightly",
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Shanghai"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "data-platform", "retries": 2, "retry_delay": timedelta(minutes=5)},
    params={
        "drop": Param(DEFAULT_DROP, type="string", description="drop folder or fsspec URL to collect"),
        "fiscal_year": Param(None, type=["null", "integer"], description="load only this fiscal year"),
    },
    tags=["budget-reports", "nightly"],
    doc_md=__doc__,
)
def budget_reports_nightly() -> None:
    @task
    def collect(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.collect(load_settings(), context["run_id"], context["params"]["drop"])

    @task
    def parse(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.parse(load_settings(), context["run_id"])

    @task(pool=WAREHOUSE_WRITER)
    def load_staging(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.load_staging(load_settings(), context["run_id"], context["params"]["fiscal_year"])

    @task(pool=WAREHOUSE_WRITER)
    def build_models(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.build_models(load_settings(), context["run_id"])

    @task(pool=WAREHOUSE_WRITER)
    def validate(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.validate(load_settings(), context["run_id"])

    # A refusal (a blocking rule failed) is not transient: no retries.
    @task(pool=WAREHOUSE_WRITER, outlets=[PUBLISHED_MARTS], retries=0)
    def publish(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.publish(load_settings(), context["run_id"])

    @task(pool=WAREHOUSE_WRITER, trigger_rule="all_done", retries=0)
    def summarize(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.summarize(load_settings(), context["run_id"])

    collect() >> parse() >> load_staging() >> build_models() >> validate() >> publish() >> summarize()


budget_reports_nightly()
