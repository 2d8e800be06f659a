"""Validation findings in the warehouse: ``fct_validation_finding`` holds each finding once.

One row per rule and report (a rule-wide pass has no report), with the run that produced it:
revalidating a report replaces its rows, an unchanged report keeps the rows of the run that
checked it, so a rerun never duplicates. ``finding_id`` is the sha256 of rule_id and report_id.

BI sees only findings of runs that finished. The validate step *stages* its findings in
``raw.validation_findings_pending`` (with the reports it checked, in ``raw.validation_checked_pending``);
the run's last step (publish) *promotes* them into the mart in one transaction. A run killed in
between leaves only staged rows, which the next validation throws away (it checks those reports
again: ``raw.validated_reports`` moves only at promotion). ``fct_validation_finding_latest`` is
kept as a view of the whole table for readers of the earlier layout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime

from expectations.report import Finding, ValidationReport
from ingestion.settings import Settings
from ingestion.warehouse import bulk
from ingestion.warehouse.connection import Warehouse, connect

TABLE = "fct_validation_finding"
LATEST = "fct_validation_finding_latest"
PENDING = "validation_findings_pending"
CHECKED_PENDING = "validation_checked_pending"
VALIDATED = "validated_reports"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("finding_id", "varchar"),
    ("run_id", "varchar"),
    ("rule_id", "varchar"),
    ("severity", "varchar"),
    ("outcome", "varchar"),
    ("report_id", "varchar"),
    ("stated_value", "decimal(20, 6)"),
    ("expected_value", "decimal(20, 6)"),
    ("difference", "decimal(20, 6)"),
    ("message", "varchar"),
    ("checked_at", "timestamp"),
)
_MART_DDL = """(
    finding_id varchar primary key,
    run_id varchar not null,
    rule_id varchar not null,
    severity varchar not null,
    outcome varchar not null,
    report_id varchar,
    stated_value decimal(20, 6),
    expected_value decimal(20, 6),
    difference decimal(20, 6),
    message varchar not null,
    checked_at timestamp not null
)"""
# report_id -> sha256 of the figures checked; NULL: the report left the marts, its findings go.
_CHECKED_COLUMNS = (("run_id", "varchar"), ("report_id", "varchar"), ("figures_sha256", "varchar"))


def finding_id(rule_id: str, report_id: str | None) -> str:
    # The unit separator keeps ("a", "bc") and ("ab", "c") apart.
    return hashlib.sha256("\x1f".join([rule_id, report_id or ""]).encode("utf-8")).hexdigest()


def _row(run_id: str, finding: Finding, checked_at: datetime) -> dict[str, object]:
    return {
        "finding_id": finding_id(finding.rule_id, finding.report_id),
        "run_id": run_id,
        "rule_id": finding.rule_id,
        "severity": finding.severity,
        "outcome": finding.outcome,
        "report_id": finding.report_id,
        "stated_value": finding.stated_value,
        "expected_value": finding.expected_value,
        "difference": finding.difference,
        "message": finding.message,
        "checked_at": checked_at,
    }


def _ensure_tables(warehouse: Warehouse) -> tuple[str, str]:
    raw, marts = warehouse.schema("raw"), warehouse.schema("marts")
    for schema in (raw, marts):
        warehouse.execute(f"create schema if not exists {schema}")
    warehouse.execute(f"create table if not exists {marts}.{TABLE} {_MART_DDL}")
    warehouse.execute(f"create or replace view {marts}.{LATEST} as select * from {marts}.{TABLE}")
    columns = ", ".join(f"{name} {sql_type}" for name, sql_type in COLUMNS)
    warehouse.execute(f"create table if not exists {raw}.{PENDING} ({columns})")
    for table in (CHECKED_PENDING, VALIDATED):
        checked = ", ".join(f"{name} {sql_type}" for name, sql_type in _CHECKED_COLUMNS)
        warehouse.execute(f"create table if not exists {raw}.{table} ({checked})")
    return raw, marts


def validated_figures(settings: Settings) -> dict[str, str]:
    """report_id -> sha256 of the figures a finished run last validated (empty before the first)."""
    with connect(settings) as warehouse, warehouse.transaction():
        raw, _ = _ensure_tables(warehouse)
        rows = warehouse.query(f"select report_id, figures_sha256 from {raw}.{VALIDATED}")
    return {str(report_id): str(sha) for report_id, sha in rows}


def stage_findings(settings: Settings, report: ValidationReport, checked: Mapping[str, str | None]) -> int:
    """Stage ``report``'s findings and the reports it checked; earlier staged rows (any run) go."""
    if report.run_id is None:
        raise ValueError("findings without a run_id cannot be written: use run_validation(..., run_id=...)")
    # Timestamps are stored as naive UTC, like every *_at column of the warehouse.
    checked_at = report.checked_at.astimezone(UTC).replace(tzinfo=None)
    rows = [_row(report.run_id, finding, checked_at) for finding in report.findings]
    checked_rows = [
        {"run_id": report.run_id, "report_id": report_id, "figures_sha256": sha}
        for report_id, sha in checked.items()
    ]
    with connect(settings) as warehouse, warehouse.transaction():
        raw, _ = _ensure_tables(warehouse)
        warehouse.execute(f"delete from {raw}.{PENDING}")
        warehouse.execute(f"delete from {raw}.{CHECKED_PENDING}")
        bulk.insert_rows(warehouse, f"{raw}.{PENDING}", PENDING, COLUMNS, rows)
        bulk.insert_rows(
            warehouse, f"{raw}.{CHECKED_PENDING}", CHECKED_PENDING, _CHECKED_COLUMNS, checked_rows
        )
    return len(rows)


def promote_findings(settings: Settings, run_id: str) -> int:
    """Make ``run_id``'s staged findings the mart's (the run finished); returns the rows promoted.

    Blocking rules check every mart each time: their rows are replaced whole (when the run has
    any). Warning rows are
    replaced for the reports this run checked, and dropped for reports that left the marts.
    """
    with connect(settings) as warehouse, warehouse.transaction():
        raw, marts = _ensure_tables(warehouse)
        (promoted,) = warehouse.query(f"select count(*) from {raw}.{PENDING} where run_id = ?", [run_id])[0]
        (checked_count,) = warehouse.query(
            f"select count(*) from {raw}.{CHECKED_PENDING} where run_id = ?", [run_id]
        )[0]
        if promoted == 0 and checked_count == 0:
            return 0
        checked = f"select report_id from {raw}.{CHECKED_PENDING} where run_id = ?"
        names = ", ".join(name for name, _ in COLUMNS)
        warehouse.execute(
            f"delete from {marts}.{TABLE} where severity = 'blocking' and exists "
            f"(select 1 from {raw}.{PENDING} where run_id = ? and severity = 'blocking')",
            [run_id],
        )
        warehouse.execute(f"delete from {marts}.{TABLE} where report_id in ({checked})", [run_id])
        warehouse.execute(
            f"delete from {marts}.{TABLE} where finding_id in "
            f"(select finding_id from {raw}.{PENDING} where run_id = ?)",
            [run_id],
        )
        warehouse.execute(
            f"insert into {marts}.{TABLE} ({names}) select {names} from {raw}.{PENDING} where run_id = ?",
            [run_id],
        )
        warehouse.execute(f"delete from {raw}.{VALIDATED} where report_id in ({checked})", [run_id])
        warehouse.execute(
            f"insert into {raw}.{VALIDATED} select run_id, report_id, figures_sha256 "
            f"from {raw}.{CHECKED_PENDING} where run_id = ? and figures_sha256 is not null",
            [run_id],
        )
        warehouse.execute(f"delete from {raw}.{PENDING}")
        warehouse.execute(f"delete from {raw}.{CHECKED_PENDING}")
    return int(promoted)


def write_findings(settings: Settings, report: ValidationReport) -> int:
    """Stage and promote at once, every finding's report counted as checked (tests that need findings
    in the mart). The ``validate`` command goes the pipeline's way: ``steps.validate`` stages, the
    run's end (``incremental.finish_validation``) promotes."""
    checked: dict[str, str | None] = {f.report_id: "" for f in report.findings if f.report_id is not None}
    written = stage_findings(settings, report, checked)
    promote_findings(settings, report.run_id or "")
    return written
