"""# Budget reports, nightly

Every night at 02:00 (Asia/Shanghai): land the portal drop into the archive, parse what is new
(one mapped `parse_batch` task per `BPW_PARSE_BATCH_SIZE` documents, none on a quiet night),
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

import pendulum
from airflow.sdk import Param, dag

from ingestion.pipeline import airflow_tasks as tasks
from ingestion.settings import load_settings

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
    parse_plan, parsed = tasks.parse()
    tasks.collect() >> parse_plan
    (
        parsed
        >> tasks.load_staging("fiscal_year")
        >> tasks.build_models()
        >> tasks.validate()
        >> tasks.publish()
        >> tasks.summarize()
    )


budget_reports_nightly()
