"""The run summary: what one pipeline run found, loaded, set aside, validated and published.

Built from the step records of ``runs/<run_id>/steps/`` and the document ledger, saved as
``runs/<run_id>/summary.json`` and printed as text. ``python -m ingestion.pipeline.summary [RUN_ID]``
prints a saved one again (the latest run's when no id is given).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingestion.dsn import mask_dsn
from ingestion.landing.archive import atomic_write_json
from ingestion.pipeline.records import FAILED, OK, STEPS, read_step, run_dir
from ingestion.pipeline.step_lock import LOCKED
from ingestion.settings import Settings, load_settings

PUBLISHED = "published"
NOT_RUN = "not run"  # another run held the run lock
OUTCOMES = ("pass", "warn", "fail", "not_checkable")


class RunIncomplete(RuntimeError):
    """The run stopped before publishing; its summary says where and why."""


def build_summary(settings: Settings, run_id: str) -> dict[str, Any]:
    steps = {step: read_step(settings, run_id, step) for step in STEPS}
    published = steps["publish"] or {}
    validation = steps["validate"] or {}
    locked_out = _locked_out(steps)
    return {
        "run_id": run_id,
        "summarized_at": datetime.now(UTC).isoformat(),
        "status": _status(steps),
        # Another run held the home (it is named here): this one touched nothing, not even the
        # warehouse, which that run may be writing.
        "not_run_because_locked_by": (locked_out or {}).get("held_by"),
        "lock": read_step(settings, run_id, "lock"),
        # Things an operator should look at even though the run went through (an empty drop, ...).
        "warnings": list((steps["collect"] or {}).get("drop_warnings") or []),
        "steps": {step: (record or {}).get("status", "not run") for step, record in steps.items()},
        # Steps that found nothing changed since the work was last done (a quiet night), and why.
        "not_redone": {
            step: record["skipped"] for step, record in steps.items() if record and record.get("skipped")
        },
        "documents": _documents(settings, run_id, steps),
        "rows_per_mart": published.get("tables") or ({} if locked_out else _mart_row_counts(settings)),
        "validation": {
            "counts": validation.get("counts"),
            "blocking_failed": validation.get("blocking_failed"),
            "counts_by_rule": validation.get("counts_by_rule"),
            "staging_counts": (steps["load_staging"] or {}).get("staging_checks"),
        },
        "paths": {
            "warehouse": _warehouse_location(settings),
            "published": published.get("path") or published.get("marts_schema"),
            "published_current": published.get("current"),
            "bi_duckdb": published.get("bi_duckdb"),
            "data_docs_index": validation.get("data_docs_index"),
            "summary": str(summary_path(settings, run_id)),
        },
    }


def _locked_out(steps: dict[str, dict[str, Any] | None]) -> dict[str, Any] | None:
    return next((record for record in steps.values() if (record or {}).get("status") == LOCKED), None)


def _status(steps: dict[str, dict[str, Any] | None]) -> str:
    if (steps["publish"] or {}).get("status") == OK:
        return PUBLISHED
    locked_out = _locked_out(steps)
    if locked_out is not None:
        return f"{NOT_RUN}: {locked_out.get('error')}"
    for step, record in steps.items():
        if record is not None and record.get("status") == FAILED:
            return f"failed at {step}: {record.get('error')}"
    missing = [step for step, record in steps.items() if record is None]
    return f"incomplete: no result from {', '.join(missing)}"


def _documents(settings: Settings, run_id: str, steps: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    from ingestion.landing import QUARANTINED
    from ingestion.pipeline.ledger_snapshot import current_ledger

    ledger = [entry.row for entry in current_ledger(settings, run_id)]
    quarantined = [row for row in ledger if row["status"] == QUARANTINED]
    collected = steps["collect"] or {}
    parsed = steps["parse"] or {}
    loaded = steps["load_staging"] or {}
    return {
        "found_in_drop": collected.get("found"),
        "new_in_archive": collected.get("new"),
        # Refused at collect, each with its reason: unsafe names (their bytes are under
        # quarantine/<reason>/), links not followed (documents and sidecars), files not read.
        "rejected_names": collected.get("rejected_names", []),
        "skipped_in_drop": collected.get("skipped", []),
        "in_archive": len(ledger),
        "parsed_this_run": parsed.get("parsed"),
        "loaded_reports": loaded.get("reports"),
        "quarantined": len(quarantined),
        "quarantined_by_reason": dict(sorted(Counter(row["status_reason"] for row in quarantined).items())),
        "quarantined_this_run": parsed.get("quarantined", []),
    }


def _mart_row_counts(settings: Settings) -> dict[str, int]:
    """Rows per mart read from the warehouse, for a run that stopped before publishing."""
    if settings.warehouse_target == "duckdb" and not settings.warehouse_path.exists():
        return {}
    import duckdb

    from ingestion.warehouse.connection import WarehouseUnreachable, connect

    try:
        warehouse = connect(settings, read_only=True)
    except (WarehouseUnreachable, duckdb.IOException):
        return {}  # the server is down or another process holds the file: the summary still gets written
    with warehouse:
        schema = warehouse.schema("marts")
        tables = warehouse.query(
            "select table_name from information_schema.tables where table_schema = ? order by 1", [schema]
        )
        counts = {}
        for (table,) in tables:
            (count,) = warehouse.query(f'select count(*) from {schema}."{table}"')[0]
            counts[str(table)] = int(count)
    return counts


def _warehouse_location(settings: Settings) -> str:
    if settings.warehouse_target == "postgres":
        # The DSN may hold a password (either form): shown masked.
        return f"PostgreSQL {mask_dsn(settings.postgres_dsn)} (schemas {settings.postgres_schema_prefix}_*)"
    return str(settings.warehouse_path)


def summary_path(settings: Settings, run_id: str) -> Path:
    return run_dir(settings, run_id) / "summary.json"


def write_summary(settings: Settings, summary: dict[str, Any]) -> Path:
    path = summary_path(settings, summary["run_id"])
    atomic_write_json(path, summary)
    return path


def render_text(summary: dict[str, Any]) -> str:
    documents, validation, paths = summary["documents"], summary["validation"], summary["paths"]
    reasons = ", ".join(f"{reason} {n}" for reason, n in documents["quarantined_by_reason"].items())
    lines = [
        f"Run {summary['run_id']}: {summary['status']}",
        *(f"WARNING: {warning}" for warning in summary.get("warnings", [])),
        "Steps: "
        + ", ".join(f"{step} {summary['steps'][step]}" for step in STEPS if step in summary["steps"]),
        f"Documents: {_shown(documents['found_in_drop'])} found in the drop "
        f"({_shown(documents['new_in_archive'])} new), {documents['in_archive']} in the archive, "
        f"{_shown(documents['loaded_reports'])} reports loaded (new or changed), "
        f"{documents['quarantined']} quarantined",
    ]
    swept = (summary.get("lock") or {}).get("swept_temp_files") or []
    if swept:
        lines.append(f"Housekeeping: removed {len(swept)} stale temporary files a killed run left")
    for step, reason in summary.get("not_redone", {}).items():
        lines.append(f"  {step} not redone: {reason}")
    if reasons:
        lines.append(f"  quarantined by reason: {reasons}")
    for name, reason in documents.get("rejected_names", []):
        lines.append(f"  refused name {name}: {reason} (kept under quarantine/{reason}/)")
    for uri, reason in documents.get("skipped_in_drop", []):
        lines.append(f"  not collected {uri}: {reason}")
    for item in documents["quarantined_this_run"]:
        lines.append(
            f"  set aside this run: {item.get('name')}: {item.get('reason')} ({item.get('message')})"
        )
    lines.append("Rows per mart:")
    width = max((len(name) for name in summary["rows_per_mart"]), default=0)
    lines += [f"  {name:<{width}}  {rows:>8}" for name, rows in summary["rows_per_mart"].items()]
    counts = validation["counts"] or {}
    lines.append(
        "Validation: "
        + (
            ", ".join(f"{outcome} {counts[outcome]}" for outcome in OUTCOMES if outcome in counts)
            or "not run"
        )
        + f" (blocking rule failed: {_shown(validation['blocking_failed'])})"
    )
    staging = validation.get("staging_counts")
    if staging:
        shown = ", ".join(f"{outcome} {staging[outcome]}" for outcome in OUTCOMES if outcome in staging)
        lines.append(f"  report arithmetic on the reports loaded this run: {shown}")
    lines.append("  findings (report, rule, stated, expected, difference): marts.fct_validation_finding")
    lines += [
        f"Warehouse:       {paths['warehouse']}",
        f"Published marts: {_shown(paths['published_current'])} -> {_shown(paths['published'])}",
        f"BI DuckDB copy:  {_shown(paths['bi_duckdb'])}",
        f"GX Data Docs:    {_shown(paths['data_docs_index'])}",
        f"This summary:    {paths['summary']}",
    ]
    return "\n".join(lines)


def _shown(value: Any) -> str:
    return "-" if value is None else str(value)


def latest_summary_path(settings: Settings) -> Path | None:
    paths = list(settings.runs_dir.glob("*/summary.json")) if settings.runs_dir.is_dir() else []
    return max(paths, key=lambda path: path.stat().st_mtime, default=None)


def main(argv: list[str]) -> int:
    settings = load_settings()
    path = summary_path(settings, argv[0]) if argv else latest_summary_path(settings)
    if path is None or not path.exists():
        print(f"no run summary under {settings.runs_dir}", file=sys.stderr)
        return 1
    print(render_text(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
