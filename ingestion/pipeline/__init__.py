"""The pipeline's steps as plain functions: what each Airflow task calls, and the shell composes.

``collect -> parse -> load_staging -> build_models -> validate -> publish``, then ``summarize``.
``run_pipeline`` runs them in order in one process (``python -m ingestion run``);
``run_through_airflow`` runs the nightly DAG once through a local Airflow (``run --airflow``).
"""

from ingestion.pipeline.records import new_run_id
from ingestion.pipeline.steps import (
    build_models,
    collect,
    fiscal_year_filter,
    load_staging,
    parse,
    publish,
    summarize,
    validate,
)
from ingestion.pipeline.whole_run import run_pipeline

__all__ = [
    "build_models",
    "collect",
    "fiscal_year_filter",
    "load_staging",
    "new_run_id",
    "parse",
    "publish",
    "run_pipeline",
    "summarize",
    "validate",
]
