"""# Budget reports, backfill / reprocessing (manual)

Re-parse the landed archive with the current parser (no portal, no drop: the archive keeps every
document byte for byte; one mapped `reparse_batch` task per `BPW_PARSE_BATCH_SIZE` documents),
reload the reports of the chosen fiscal years, rebuild the marts, validate and publish. Trigger it
by hand after a parser change or to reload some years:

    airflow dags trigger budget_reports_backfill -c '{"fiscal_years": [2021, 2022]}'

An empty `fiscal_years` reloads every year. Why a DAG and not `airflow backfill create` on the
nightly DAG: docs/adr/0001-backfill.md.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Param, dag

from ingestion.pipeline import airflow_tasks as tasks


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
    _, reparsed = tasks.parse(force=True, name="reparse")
    (
        reparsed
        >> tasks.load_staging("fiscal_years")
        >> tasks.build_models()
        >> tasks.validate()
        >> tasks.publish()
        >> tasks.summarize()
    )


budget_reports_backfill()
