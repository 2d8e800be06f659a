"""The steps of one pipeline run, one function each; an Airflow task or the shell calls them.

Every step takes plain arguments (settings, run id, drop, fiscal-year filter), records its result
under ``runs/<run_id>/steps/`` and returns it as a small JSON-serialisable dict (Airflow's XCom).
Heavy imports (dbt, Great Expectations, DuckDB) happen inside the step that needs them.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ingestion.pipeline.records import OK, read_step, write_step
from ingestion.pipeline.step_lock import run_step
from ingestion.progress import Progress
from ingestion.settings import Settings

if TYPE_CHECKING:
    from expectations.report import ValidationReport
    from ingestion.contract import ReportExtraction

log = logging.getLogger(__name__)


def fiscal_year_filter(value: int | str | Sequence[int | str] | None) -> list[int] | None:
    """None/empty means every year; accepts 2021, "2021", "2021,2022" or [2021, 2022]."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        value = value.split(",")
    items = value if isinstance(value, Sequence) else [value]
    return sorted({int(str(item).strip()) for item in items})


def collect(
    settings: Settings, run_id: str, drop: str, *, portals: Collection[str] | None = None
) -> dict[str, Any]:
    """Land a drop folder (path or fsspec URL), or crawl the portals of a config (*.yml), into the
    content-addressed archive; ``portals`` limits a crawl to these slugs."""
    from ingestion.landing import collect_into_archive
    from ingestion.pipeline.drop_check import drop_warnings

    with run_step(settings, run_id, "collect"):
        progress = Progress("collect")
        landed = collect_into_archive(drop, settings, portals=portals, progress=progress)
        progress.close(f"{landed.new} new, {landed.already_known} already in the archive")
        for name, reason in landed.rejected_names:
            log.warning("collect: rejected name %s: %s", name, reason)
        for uri, reason in landed.skipped:
            log.warning("collect: skipped %s: %s", uri, reason)
        for warning in landed.warnings:
            log.warning("collect: %s", warning)
        warnings = drop_warnings(drop, landed.found, landed.new, landed.known_names)
        for warning in warnings:
            log.warning("collect: %s", warning)
        return write_step(settings, run_id, "collect", {
            "status": OK,
            "drop": drop,
            "found": landed.found,
            "new": landed.new,
            "already_known": landed.already_known,
            "unchanged": landed.unchanged,
            "rejected_names": landed.rejected_names,
            "skipped": landed.skipped,
            "warnings": len(landed.warnings),
            "drop_warnings": warnings,
        })  # fmt: skip


def parse(settings: Settings, run_id: str, *, force: bool = False) -> dict[str, Any]:
    """Parse every landed document the current parser has not handled (every document with force).

    Scans the ledger once and leaves it, as parsing left it, for the later steps
    (``ledger_snapshot``).
    """
    from ingestion.landing import parse_pending
    from ingestion.pipeline.ledger_snapshot import write_snapshot

    with run_step(settings, run_id, "parse"):
        progress = Progress("parse")
        parsed = parse_pending(settings, force=force, progress=progress)
        progress.close(f"{len(parsed.quarantined)} quarantined, {parsed.up_to_date} already up to date")
        ledger = write_snapshot(settings, run_id, parsed.records)
        return write_step(settings, run_id, "parse", {
            "status": OK,
            "parser_version": parsed.parser_version,
            "parsed": len(parsed.parsed),
            "quarantined": parsed.quarantined,
            "up_to_date": parsed.up_to_date,
            "peak_worker_rss_mib": round(parsed.peak_worker_rss_kib / 1024),
            "change_report": parsed.change_report_path,
            "ledger": ledger,
        })  # fmt: skip


def staging_checks(extractions: Mapping[str, ReportExtraction]) -> dict[str, int]:
    """The report-arithmetic rules on the reports this run loads (the staging boundary), as outcome counts.

    Warnings only: a report that does not add up is still loaded; the marts boundary (validate)
    records each finding. Counting here shows a parser regression before the marts move.
    """
    from expectations import check_extractions

    return check_extractions(extractions).counts


def load_staging(
    settings: Settings, run_id: str, fiscal_years: int | str | Sequence[int | str] | None = None
) -> dict[str, Any]:
    """Upsert into raw.* the ledger rows and extractions that changed since they were last loaded.

    Only reports of ``fiscal_years`` when given. The ledger is the one the parse step left
    (``ledger_snapshot``); an unchanged document is not touched and its extraction not read (its
    fingerprint matches, ``pipeline.incremental``); nor is an unchanged registry. The reports
    loaded get the staging arithmetic (``staging_checks``) on the models just read.
    """
    from ingestion.expected import load_registry
    from ingestion.pipeline.incremental import changed_documents
    from ingestion.pipeline.ledger_snapshot import current_ledger
    from ingestion.warehouse.connection import connect
    from ingestion.warehouse.expected_tables import load_registry_tables, registry_digest
    from ingestion.warehouse.pipeline_state import read_state, write_state
    from ingestion.warehouse.staging import ensure_raw_schema, load_documents

    years = fiscal_year_filter(fiscal_years)
    with run_step(settings, run_id, "load_staging"):
        with connect(settings) as warehouse:
            ensure_raw_schema(warehouse)
            changed = changed_documents(current_ledger(settings, run_id), warehouse, years)
            loaded = load_documents(warehouse, changed.documents, changed.extractions, changed.fingerprints)
            registry = load_registry()
            digest = registry_digest(registry)
            expected: dict[str, int] = {}
            if read_state(warehouse).get("registry_sha256") != digest:
                expected = load_registry_tables(warehouse, registry)
                with warehouse.transaction():
                    write_state(warehouse, {"registry_sha256": digest})
        log.info(
            "load_staging: %d document(s) new or changed, %d unchanged%s",
            loaded.documents,
            changed.unchanged,
            ", registry reloaded" if expected else "",
        )
        return write_step(settings, run_id, "load_staging", {
            "status": OK,
            "fiscal_years": years,
            "documents": loaded.documents,
            "unchanged_documents": changed.unchanged,
            "reports": loaded.reports,
            "quarantined": loaded.quarantined,
            "registry_reloaded": bool(expected),
            "rows_by_table": {**loaded.rows_by_table, **expected},
            "staging_checks": staging_checks(changed.extractions),
        })  # fmt: skip


def build_models(settings: Settings, run_id: str, *, full_refresh: bool = False) -> dict[str, Any]:
    """One ``dbt build`` (models, seeds and tests) when something changed since the last one.

    Incremental when only documents changed, a full refresh when the dbt project changed (or with
    ``full_refresh``), none at all on a quiet night (``warehouse.build_plan``).
    """
    from ingestion.warehouse.build_plan import plan_build, record_build
    from ingestion.warehouse.dbt import dbt_log_file, run_dbt

    with run_step(settings, run_id, "build_models"):
        plan = plan_build(settings, full_refresh=full_refresh)
        if plan.dbt_args is None:
            log.info("build_models: dbt not run: %s", plan.reason)
            return write_step(settings, run_id, "build_models", {"status": OK, "skipped": plan.reason})
        result = run_dbt(settings, plan.dbt_args, target=settings.warehouse_target)
        counts = ", ".join(f"{status} {count}" for status, count in sorted(result.status_counts.items()))
        log.info("build_models: dbt %s: %s (full log: %s)", plan.reason, counts, dbt_log_file(settings))
        if not result.success:
            failed = "; ".join(f"{f.unique_id} {f.status}: {f.message}" for f in result.failures[:10])
            raise RuntimeError(f"dbt build failed ({result.status_counts}): {failed}")
        record_build(settings, plan, run_id)
        record = {"status": OK, "build": plan.reason, "dbt": result}
        return write_step(settings, run_id, "build_models", record)


def validate(settings: Settings, run_id: str, *, recheck: bool = False) -> dict[str, Any]:
    """Run the Great Expectations suites on the marts and stage the findings (publish promotes them).

    Skipped when the marts' reports have not changed since the last finished validation (its
    verdict is carried over); otherwise the arithmetic runs on the reports whose figures changed
    and the blocking rules on every mart. ``recheck``: never skipped, every report checked (the
    ``validate`` command).
    """
    return validation(settings, run_id, recheck=recheck)[0]


def validation(
    settings: Settings, run_id: str, *, recheck: bool = False
) -> tuple[dict[str, Any], ValidationReport | None]:
    """``validate``'s record and the report behind it (None when the verdict was carried over)."""
    from expectations import run_validation
    from ingestion.pipeline.incremental import carried_validation, warehouse_state
    from ingestion.warehouse.findings import stage_findings, validated_figures

    with run_step(settings, run_id, "validate"):
        state = warehouse_state(settings)
        carried = None if recheck else carried_validation(state)
        if carried is not None:
            log.info("validate: not run: %s", carried["skipped"])
            return write_step(settings, run_id, "validate", {"status": OK, **carried}), None
        # After a full refresh (a rule or model change) every report is checked again.
        build = (read_step(settings, run_id, "build_models") or {}).get("build") or ""
        everything = recheck or build.startswith("full refresh")
        known = None if everything else validated_figures(settings)
        report = run_validation(settings, run_id=run_id, known_figures=known)
        stage_findings(settings, report, report.checked_reports)
        blocking = [f for f in report.findings if f.severity == "blocking" and f.outcome == "fail"]
        return write_step(settings, run_id, "validate", {
            "status": OK,
            "facts_version": state.get("facts_version"),
            "reports_checked": sum(1 for sha in report.checked_reports.values() if sha is not None),
            "reports_removed": sum(1 for sha in report.checked_reports.values() if sha is None),
            "findings": len(report.findings),
            "counts": report.counts,
            "counts_by_rule": report.counts_by_rule,
            "blocking_failed": report.blocking_failed,
            "blocking_failures": len(blocking),
            "blocking_examples": [f"{f.rule_id}: {f.message}" for f in blocking[:5]],
            "data_docs_index": report.data_docs_index,
        }), report  # fmt: skip


def publish(settings: Settings, run_id: str) -> dict[str, Any]:
    """Publish the marts for BI, refused unless this run's validation passed every blocking rule.

    This run's findings become the mart's first (the run finished). Nothing is republished when
    no mart changed since the last publication.
    """
    from ingestion.pipeline.incremental import finish_validation, record_publication, warehouse_state
    from ingestion.warehouse.publish import check_validation, publication_unchanged, publish_marts

    with run_step(settings, run_id, "publish"):
        validation = read_step(settings, run_id, "validate")
        check_validation(validation, run_id)
        assert validation is not None  # check_validation refuses a missing one
        state = warehouse_state(settings)
        unchanged = publication_unchanged(settings, state) if validation.get("skipped") else None
        if unchanged is not None:
            log.info("publish: not republished: %s", unchanged["skipped"])
            return write_step(settings, run_id, "publish", {"status": OK, **unchanged})
        if not validation.get("skipped"):
            finish_validation(settings, run_id, validation)
        published = publish_marts(settings, validation=validation, run_id=run_id)
        record_publication(settings, state.get("marts_version"))
        return write_step(settings, run_id, "publish", {"status": OK, **published})


def summarize(
    settings: Settings, run_id: str, *, echo: bool = True, require_published: bool = True
) -> dict[str, Any]:
    """Write runs/<run_id>/summary.json, print it and release the run lock; raise RunIncomplete if
    the run did not publish.

    Returns only the status and where the summary is (the whole summary is too big for XCom).

    The error (with ``require_published``) makes the Airflow run fail when this last task runs
    after a failed step (trigger rule all_done), instead of ending green on a good summary.
    """
    from ingestion.pipeline import run_lock
    from ingestion.pipeline.summary import RunIncomplete, build_summary, render_text, write_summary

    try:
        summary = build_summary(settings, run_id)
        path = write_summary(settings, summary)
    finally:
        # The run ends here, however it went (a run locked out holds nothing to give back).
        run_lock.release(settings, run_id)
    if echo:
        logging.getLogger("ingestion.summary").info("%s", render_text(summary))
    if require_published and summary["status"] != "published":
        raise RunIncomplete(f"run {run_id} did not publish: {summary['status']}; see {path}")
    return {"run_id": run_id, "status": summary["status"], "summary": str(path)}
