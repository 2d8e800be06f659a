"""# Budget reports, backfill / reprocessing (manual)

Re-parse the landed archive with the current parser (no portal, no drop: the archive keeps every
document byte for byte), reload the reports of the chosen fiscal years, rebuild the marts,
validate and publish. Trigger it by hand after a parser change or to reload some years:

    airflow dags trigger budget_reports_backfill -c '{"fiscal_years": [2021, 2022]}'

An empty `fiscal_years` reloads every year. Why a DAG and not `airflow backfill create` on the
nightly DAG: docs/adr/0001-backfill.md.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pendulum
from airflow.sdk import Asset, Param, dag, task

from ingestion.settings import load_settings

WAREHOUSE_WRITER = "warehouse_writer"  # shared with the nightly DAG: one DuckDB writer at a time
PUBLISHED_MARTS = Asset(name="budget_marts", uri=load_settings().published_dir.as_uri())


@dag(
    dag_id="budget_reports_backfill",
    schedule=None,
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Shanghai"),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "data-platform", "retries": 1, "retry_delay": timedelta(minutes=5)},
    params={
        "fiscal_years": Param(
            [], type="array", items={"type": "integer"}, description="fiscal years to reload; empty = all"
        ),
    },
    tags=["budget-reports", "backfill"],
    doc_md=__doc__,
)
def budget_reports_backfill() -> None:
    @task
    def reparse(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.parse(load_settings(), context["run_id"], force=True)

    @task(pool=WAREHOUSE_WRITER)
    def load_staging(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.load_staging(load_settings(), context["run_id"], context["params"]["fiscal_years"])

    @task(pool=WAREHOUSE_WRITER)
    def build_models(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.build_models(load_settings(), context["run_id"])

    @task(pool=WAREHOUSE_WRITER)
    def validate(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.validate(load_settings(), context["run_id"])

    @task(pool=WAREHOUSE_WRITER, outlets=[PUBLISHED_MARTS], retries=0)
    def publish(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.publish(load_settings(), context["run_id"])

    @task(pool=WAREHOUSE_WRITER, trigger_rule="all_done", retries=0)
    def summarize(**context: Any) -> dict[str, Any]:
        from ingestion import pipeline

        return pipeline.summarize(load_settings(), context["run_id"])

    reparse() >> load_staging() >> build_models() >> validate() >> publish() >> summarize()


budget_reports_backfill()
