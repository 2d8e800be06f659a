"""The Airflow tasks both DAGs wire: one thin task per pipeline step.

Only DAG files import this module. Each task imports ``ingestion.pipeline`` (and, behind it,
pandas, dbt and Great Expectations) when it runs, so parsing a DAG file stays cheap. The tasks
that touch the DuckDB file share the one-slot pool ``warehouse_writer`` (ADR 0002). Parsing is
mapped over batches of pending documents (``parse``; ``ingestion.pipeline.parse_batches``).
"""

from __future__ import annotations

from typing import Any

from airflow.sdk import Asset, get_current_context, task

from ingestion.settings import Settings, load_settings

WAREHOUSE_WRITER = "warehouse_writer"
PUBLISHED_MARTS = Asset(name="budget_marts", uri=load_settings().published_dir.as_uri())


@task
def collect(**context: Any) -> dict[str, Any]:
    from ingestion import pipeline

    return pipeline.collect(_settings(), context["run_id"], context["params"]["drop"])


@task
def parse_plan(force: bool = False, **context: Any) -> list[list[str]]:
    from ingestion.pipeline import parse_batches

    return parse_batches.plan(_settings(), context["run_id"], force=force)


# The batch's position and size in the UI instead of a bare map index.
@task(map_index_template="{{ batch_label }}")
def parse_batch(batch: list[str], force: bool = False, **context: Any) -> dict[str, Any]:
    from ingestion.pipeline import parse_batches

    get_current_context()["batch_label"] = f"{len(batch)} documents from {batch[0][:12]}"  # type: ignore[typeddict-unknown-key]
    return parse_batches.parse_batch(_settings(), context["run_id"], batch, force=force)


# none_failed: no batches (nothing pending) skips parse_batch, and the run still goes on.
@task(trigger_rule="none_failed")
def parse_gather(batch_results: Any = None, **context: Any) -> dict[str, Any]:
    from ingestion.pipeline import parse_batches

    return parse_batches.gather(_settings(), context["run_id"], batch_results or [])


def parse(*, force: bool = False, name: str = "parse") -> tuple[Any, Any]:
    """Wire ``<name>_plan >> <name>_batch (mapped, one per batch) >> <name>``; returns (first, last)."""
    planned = parse_plan.override(task_id=f"{name}_plan")(force=force)
    parsed = parse_batch.override(task_id=f"{name}_batch").partial(force=force).expand(batch=planned)
    return planned, parse_gather.override(task_id=name)(parsed)


@task(pool=WAREHOUSE_WRITER)
def load_staging(fiscal_years_param: str, **context: Any) -> dict[str, Any]:
    """``fiscal_years_param`` names the DAG Param holding the year filter (one year or a list)."""
    from ingestion import pipeline

    return pipeline.load_staging(_settings(), context["run_id"], context["params"][fiscal_years_param])


@task(pool=WAREHOUSE_WRITER)
def build_models(**context: Any) -> dict[str, Any]:
    from ingestion import pipeline

    return pipeline.build_models(_settings(), context["run_id"])


@task(pool=WAREHOUSE_WRITER)
def validate(**context: Any) -> dict[str, Any]:
    from ingestion import pipeline

    return pipeline.validate(_settings(), context["run_id"])


# A refusal (a blocking rule failed) is not transient: no retries.
@task(pool=WAREHOUSE_WRITER, outlets=[PUBLISHED_MARTS], retries=0)
def publish(**context: Any) -> dict[str, Any]:
    from ingestion import pipeline

    return pipeline.publish(_settings(), context["run_id"])


# Runs after a failed step too, so every run leaves a summary; it fails the run if a step failed.
@task(pool=WAREHOUSE_WRITER, trigger_rule="all_done", retries=0)
def summarize(**context: Any) -> dict[str, Any]:
    from ingestion import pipeline

    return pipeline.summarize(_settings(), context["run_id"])


def _settings() -> Settings:
    """The settings, with the warehouse password registered with Airflow's log masker, so a task
    log that quotes the DSN (in any form) shows ``***``."""
    from airflow.sdk.log import mask_secret

    from ingestion.dsn import dsn_password

    settings = load_settings()
    password = dsn_password(settings.postgres_dsn) if settings.warehouse_target == "postgres" else None
    if password:
        mask_secret(password)
    return settings
