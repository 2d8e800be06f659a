"""The parse step split for Airflow: plan batches, parse each batch as its own task, then gather.

``plan`` lists the pending documents and cuts them into batches of ``settings.parse_batch_size``;
the DAGs map one ``parse_batch`` task over each batch (``.expand()``), so more Airflow workers
(Celery: more machines) parse more batches at once. ``gather`` then writes the run's one
``parse`` record, as ``steps.parse`` does in one process: a single change report and the ledger
snapshot the later steps read (``ledger_snapshot``: the plan's one scan, updated with the records
the batches rewrote). No batches (nothing pending) is a normal, quiet night.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ingestion.pipeline.records import OK, to_jsonable, write_step
from ingestion.pipeline.step_lock import run_step
from ingestion.settings import Settings

STEP = "parse"


def plan(settings: Settings, run_id: str, *, force: bool = False) -> list[list[str]]:
    """The sha256s to parse this run, in batches; records how many and how they were cut."""
    from ingestion.landing.parse import list_records, pending_in
    from ingestion.pipeline.ledger_snapshot import write_snapshot

    with run_step(settings, run_id, STEP):
        records = list_records(settings)
        pending = pending_in(records, force=force)
        size = settings.parse_batch_size
        batches = [pending[start : start + size] for start in range(0, len(pending), size)]
        landed = len(records)
        write_snapshot(settings, run_id, records)
        write_step(settings, run_id, "parse_plan", {
            "status": OK,
            "pending": len(pending),
            "up_to_date": landed - len(pending),
            "batch_size": size,
            "batches": len(batches),
        })  # fmt: skip
        return batches


def parse_batch(settings: Settings, run_id: str, batch: list[str], *, force: bool = False) -> dict[str, Any]:
    """Parse one batch; returns what ``gather`` needs (small enough for XCom).

    One parse process per task: Airflow's task slots are the parallelism here, so a worker with
    N slots runs N batches side by side rather than N x N processes.
    """
    from ingestion.landing import parse_pending
    from ingestion.progress import Progress

    with run_step(settings, run_id, STEP), _children_allowed():
        progress = Progress(STEP)
        parsed = parse_pending(settings, only=batch, force=force, workers=1, progress=progress)
        progress.close(f"{len(parsed.quarantined)} quarantined, {parsed.up_to_date} already up to date")
        result: dict[str, Any] = to_jsonable({
            "documents": batch,  # gather re-reads their records (a retried batch's too)
            "parser_version": parsed.parser_version,
            "parsed": parsed.parsed,
            "quarantined": parsed.quarantined,
            "up_to_date": parsed.up_to_date,
            "change_report": parsed.change_report_path,
        })  # fmt: skip
        return result


@contextmanager
def _children_allowed() -> Iterator[None]:
    """Let this process start the parse worker even when it counts as a daemonic process.

    Celery's prefork pool runs tasks in daemonic processes, and Airflow's task process, forked
    from one, inherits the flag; multiprocessing then refuses to start any child ("daemonic
    processes are not allowed to have children"). The rule guards against orphans: the parse
    worker is stopped before ``parse_pending`` returns and exits by itself if this process dies.
    """
    config = multiprocessing.current_process()._config  # type: ignore[attr-defined]
    daemon = config.get("daemon")
    config["daemon"] = False
    try:
        yield
    finally:
        if daemon is None:
            config.pop("daemon", None)
        else:
            config["daemon"] = daemon


def gather(settings: Settings, run_id: str, batch_results: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The run's ``parse`` record from every batch's result (none when nothing was pending)."""
    from ingestion.landing.parse import list_records
    from ingestion.parsing.version import PARSER_VERSION
    from ingestion.pipeline.ledger_snapshot import updated
    from ingestion.pipeline.records import read_step

    with run_step(settings, run_id, STEP):
        results = list(batch_results)
        parsed = [sha for result in results for sha in result["parsed"]]
        planned = read_step(settings, run_id, "parse_plan") or {}
        rewritten = list_records(settings, [sha for result in results for sha in result["documents"]])
        ledger = updated(settings, run_id, rewritten)
        return write_step(settings, run_id, STEP, {
            "status": OK,
            "parser_version": PARSER_VERSION,
            "parsed": len(parsed),
            "quarantined": [item for result in results for item in result["quarantined"]],
            # Planned as up to date, plus any a batch found done already (a retried batch).
            "up_to_date": planned.get("up_to_date", 0) + sum(result["up_to_date"] for result in results),
            "batches": len(results),
            "change_report": _one_change_report(settings, [r["change_report"] for r in results]),
            "ledger": ledger,
        })  # fmt: skip


def _one_change_report(settings: Settings, paths: list[str | None]) -> str | None:
    """Merge the batches' change reports into one for the run, and remove the pieces."""
    from ingestion.landing.change_report import write_change_report

    pieces = [Path(path) for path in paths if path]
    if len(pieces) <= 1:
        return str(pieces[0]) if pieces else None
    reports = [json.loads(piece.read_text(encoding="utf-8")) for piece in pieces]
    documents = [document for report in reports for document in report["documents"]]
    merged = write_change_report(settings.runs_dir, reports[0]["parser_version"], documents)
    for piece in pieces:
        piece.unlink(missing_ok=True)
    return str(merged)
