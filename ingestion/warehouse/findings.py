"""Writing validation findings into the warehouse: ``fct_validation_finding`` in the marts schema.

A run's findings replace that run's earlier rows (same run_id) in one transaction, so a rerun
never duplicates. Findings of other runs are kept: the table is the history of validation; BI
reads ``fct_validation_finding_latest`` (a view: the findings of the run whose validation finished
last, i.e. each report's findings as they stand) or filters the history by run_id or report.
``finding_id`` is the sha256 of run_id, rule_id and report_id, so it is stable across reruns.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from expectations.report import Finding, ValidationReport
from ingestion.settings import Settings
from ingestion.warehouse.connection import connect

TABLE = "fct_validation_finding"
LATEST = "fct_validation_finding_latest"
_COLUMNS = """(
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


def finding_id(run_id: str, rule_id: str, report_id: str | None) -> str:
    # The unit separator keeps ("a", "bc") and ("ab", "c") apart.
    return hashlib.sha256("\x1f".join([run_id, rule_id, report_id or ""]).encode("utf-8")).hexdigest()


def _row(run_id: str, finding: Finding, checked_at: datetime) -> tuple[object, ...]:
    return (
        finding_id(run_id, finding.rule_id, finding.report_id),
        run_id,
        finding.rule_id,
        finding.severity,
        finding.outcome,
        finding.report_id,
        finding.stated_value,
        finding.expected_value,
        finding.difference,
        finding.message,
        checked_at,
    )


def write_findings(settings: Settings, report: ValidationReport) -> int:
    """Replace the findings of ``report.run_id`` in the warehouse; returns the number of rows written."""
    if report.run_id is None:
        raise ValueError("findings without a run_id cannot be written: use run_validation(..., run_id=...)")
    # Timestamps are stored as naive UTC, like every *_at column of the warehouse.
    checked_at = report.checked_at.astimezone(UTC).replace(tzinfo=None)
    rows = [_row(report.run_id, finding, checked_at) for finding in report.findings]
    with connect(settings) as warehouse, warehouse.transaction():
        schema = warehouse.schema("marts")
        warehouse.execute(f"create schema if not exists {schema}")
        warehouse.execute(f"create table if not exists {schema}.{TABLE} {_COLUMNS}")
        warehouse.execute(f"delete from {schema}.{TABLE} where run_id = ?", [report.run_id])
        warehouse.executemany(f"insert into {schema}.{TABLE} values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        warehouse.execute(_latest_view(schema))
    return len(rows)


def _latest_view(schema: str) -> str:
    # checked_at is one timestamp per validation run: the newest one names the last finished run.
    return (
        f"create or replace view {schema}.{LATEST} as select * from {schema}.{TABLE} "
        f"where run_id = (select run_id from {schema}.{TABLE} order by checked_at desc, run_id desc limit 1)"
    )
