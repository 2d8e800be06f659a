"""Parse what the archive holds and the current parser has not yet seen.

Reads the ARCHIVED bytes (never the portal again), writes one extraction per document and
parser version to ``extractions/<sha256>/<parser_version>.json`` and sets the ledger status.
Each document is read and parsed in a worker process (``parse_workers``: memory cap, time
limit); this process is the ledger's one writer. A rejected document, or one the parser raised
on, is quarantined with its reason and the run goes on. When a document had an extraction from
an older parser version, the facts that changed go into a change report. The parser's work
comes back with the result (``ParseResult``): the ledger records as parsing left them, each
parsed one holding its extraction's sha256, so no later step scans the ledger or reads an
extraction file to learn what parsing already knew.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingestion import errors
from ingestion.landing import ledger, quarantine
from ingestion.landing.archive import Archive
from ingestion.landing.change_report import write_change_report
from ingestion.landing.parse_document import ParseJob, ParseOutcome
from ingestion.landing.parse_workers import ParseLimits, run_jobs
from ingestion.progress import Progress
from ingestion.settings import Settings


@dataclass(frozen=True)
class QuarantinedDocument:
    sha256: str
    name: str
    reason: str
    message: str


@dataclass
class ParseResult:
    parser_version: str
    parsed: list[str] = field(default_factory=list)  # sha256 of each document parsed this run
    quarantined: list[QuarantinedDocument] = field(default_factory=list)
    up_to_date: int = 0  # documents already handled by this parser version
    peak_worker_rss_kib: int = 0  # the most resident memory a parse worker added above its start
    change_report_path: Path | None = None
    records: list[dict[str, Any]] = field(default_factory=list)  # the ledger records as parsing left them


def pending_documents(settings: Settings, *, force: bool = False) -> list[str]:
    """The sha256 of every landed document the current parser must handle (all of them with ``force``).

    Disjoint slices of this list may be handed to concurrent ``parse_pending(only=...)`` calls.
    """
    return pending_in(list_records(settings), force=force)


def list_records(settings: Settings, only: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every ledger record (the one scan of the ledger), or only these sha256s' (no scan)."""
    archive = Archive(settings.archive_dir)
    with archive.locked():
        if only is None:
            return list(ledger.iter_records(archive))
        records = [ledger.read_record(archive, sha256) for sha256 in dict.fromkeys(only)]
    return [record for record in records if record is not None]


def pending_in(records: Sequence[dict[str, Any]], *, force: bool = False) -> list[str]:
    """The sha256s of ``records`` the current parser must handle (all of them with ``force``)."""
    from ingestion.parsing.version import PARSER_VERSION

    return [record["document_sha256"] for record in records if force or _needs_parse(record, PARSER_VERSION)]


def parse_pending(
    settings: Settings,
    *,
    only: Sequence[str] | None = None,
    force: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
) -> ParseResult:
    """Parse every landed document lacking an extraction by the current parser (all with ``force``).

    ``only``: just these sha256s (one batch of ``pending_documents``; their records are read, the
    ledger is not scanned). ``workers``: parse processes (default ``settings.parse_workers``). The
    archive lock is held only while the ledger is read and while each result is written, never
    while parsing, so calls on disjoint batches run side by side.
    """
    from ingestion.parsing.version import PARSER_VERSION

    archive = Archive(settings.archive_dir)
    result = ParseResult(parser_version=PARSER_VERSION)
    records = list_records(settings, only)
    pending = [record for record in records if force or _needs_parse(record, PARSER_VERSION)]
    result.up_to_date = len(records) - len(pending)
    written: dict[str, dict[str, Any]] = {}
    if progress is not None:
        progress.set_total(len(pending))
    jobs = [_job(archive, record, settings, PARSER_VERSION) for record in pending]
    changes: list[dict[str, Any]] = []
    limits = ParseLimits(
        workers or settings.parse_workers, settings.parse_memory_mb, settings.parse_timeout_s
    )
    for job, outcome in run_jobs(jobs, limits):
        record, change = _record_outcome(archive, settings, job, outcome, result)
        written[job.sha256] = record
        if change is not None:
            changes.append(change)
        if progress is not None:
            progress.advance()
    result.records = [written.get(record["document_sha256"], record) for record in records]
    order = {job.sha256: index for index, job in enumerate(jobs)}
    result.parsed.sort(key=order.__getitem__)
    result.quarantined.sort(key=lambda item: order[item.sha256])
    if changes:
        changes.sort(key=lambda change: order[change["document_sha256"]])
        with archive.locked():  # two batches finishing in the same second pick distinct names
            result.change_report_path = write_change_report(settings.runs_dir, PARSER_VERSION, changes)
    return result


def _needs_parse(record: dict[str, Any], parser_version: str) -> bool:
    # A quarantined document is retried only by a new parser version (or ``force``).
    return bool(record["status"] == ledger.LANDED or record["parser_version"] != parser_version)


def _job(archive: Archive, record: dict[str, Any], settings: Settings, parser_version: str) -> ParseJob:
    sha256 = record["document_sha256"]
    name = record["sightings"][0]["name"] if record["sightings"] else sha256
    extraction_path = ledger.extraction_file(settings, sha256, parser_version)
    previous = _previous_extraction(record, settings, parser_version)
    return ParseJob(
        sha256, name, str(archive.object_path(sha256)), settings.max_document_bytes, str(extraction_path),
        None if previous is None else str(previous),
    )  # fmt: skip


def _record_outcome(
    archive: Archive, settings: Settings, job: ParseJob, outcome: ParseOutcome, result: ParseResult
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Write one document's outcome (the parent is the ledger's one writer); return the record as
    written and the document's change entry."""
    if outcome.write_error is not None:
        raise OSError(outcome.write_error)  # the archive's disk, not the document: the step fails
    sha256 = job.sha256
    result.peak_worker_rss_kib = max(result.peak_worker_rss_kib, outcome.peak_rss_kib or 0)
    reason, message = outcome.reason or errors.PARSER_ERROR, outcome.message or ""
    with archive.locked():
        record = ledger.read_record(archive, sha256)
        if record is None:  # cannot happen: landing never removes a record
            raise RuntimeError(f"ledger record of {sha256} vanished while it was parsed")
        previous_version = record["parser_version"]
        if outcome.parsed:
            _set_status(record, ledger.PARSED, None, None, result.parser_version)
            record["format"] = outcome.format or record["format"]
            record["extraction_sha256"] = outcome.extraction_sha256
            quarantine.remove_copies(settings.quarantine_dir, sha256)
        else:
            object_path = archive.object_path(sha256)
            quarantine.set_aside(settings.quarantine_dir, object_path, record, reason, message)
            _set_status(record, ledger.QUARANTINED, reason, message, result.parser_version)
            record["extraction_sha256"] = None
        ledger.write_record(archive, record)
    if not outcome.parsed:
        result.quarantined.append(QuarantinedDocument(sha256, job.name, reason, message))
        if job.previous_extraction_path is None:
            return record, None
        return record, {"document_sha256": sha256, "previous_parser_version": previous_version,
                        "now_quarantined": reason}  # fmt: skip
    result.parsed.append(sha256)
    if outcome.changes is None:
        return record, None
    return record, {"document_sha256": sha256, "previous_parser_version": previous_version,
                    **outcome.changes}  # fmt: skip


def _set_status(
    record: dict[str, Any], status: str, reason: str | None, message: str | None, parser_version: str
) -> None:
    record.update(status=status, status_reason=reason, status_message=message, parser_version=parser_version)


def _previous_extraction(record: dict[str, Any], settings: Settings, parser_version: str) -> Path | None:
    """The extraction an older parser version wrote for this document, when there is one."""
    previous_version = record["parser_version"]
    if record["status"] != ledger.PARSED or previous_version in (None, parser_version):
        return None
    path = ledger.extraction_file(settings, record["document_sha256"], previous_version)
    return path if path.exists() else None
