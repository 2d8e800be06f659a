"""Parse what the archive holds and the current parser has not yet seen.

Reads the ARCHIVED bytes (never the portal again), writes one extraction per document and
parser version to ``extractions/<sha256>/<parser_version>.json`` and sets the ledger status.
A rejected document is quarantined with its reason and the run goes on. When a document had
an extraction from an older parser version, the facts that changed go into a change report.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingestion import errors
from ingestion.landing import ledger, quarantine
from ingestion.landing.archive import Archive, atomic_write_json
from ingestion.landing.change_report import fact_changes, write_change_report
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
    change_report_path: Path | None = None

    def summary(self) -> str:
        return (
            f"parser {self.parser_version}: parsed {len(self.parsed)}, "
            f"quarantined {len(self.quarantined)}, up to date {self.up_to_date}"
        )


def parse_pending(
    settings: Settings,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> ParseResult:
    """Parse every landed document lacking an extraction by the current parser (all with ``force``)."""
    from ingestion.parsing.version import PARSER_VERSION

    archive = Archive(settings.archive_dir)
    result = ParseResult(parser_version=PARSER_VERSION)
    changes: list[dict[str, Any]] = []
    with archive.locked():
        records = list(ledger.iter_records(archive))
        pending = [record for record in records if force or _needs_parse(record, PARSER_VERSION)]
        result.up_to_date = len(records) - len(pending)
        if progress is not None:
            progress.set_total(len(pending))
        for record in pending:
            change = _parse_one(archive, record, settings, result)
            if change is not None:
                changes.append(change)
            if progress is not None:
                progress.advance()
    if changes:
        result.change_report_path = write_change_report(settings.runs_dir, PARSER_VERSION, changes)
    return result


def _needs_parse(record: dict[str, Any], parser_version: str) -> bool:
    return bool(record["status"] == ledger.LANDED or record["parser_version"] != parser_version)


def _parse_one(
    archive: Archive, record: dict[str, Any], settings: Settings, result: ParseResult
) -> dict[str, Any] | None:
    """Parse one document, update its record; return its change-report entry, if it had an older one."""
    sha256 = record["document_sha256"]
    name = record["sightings"][0]["name"] if record["sightings"] else sha256
    previous_version, previous = _previous_extraction(record, settings, result.parser_version)
    try:
        extraction = _extract(archive, sha256, name, settings.max_document_bytes)
    except errors.DocumentRejected as rejected:
        quarantine.set_aside(
            settings.quarantine_dir, archive.object_path(sha256), record, rejected.reason, rejected.message
        )
        record.update(
            status=ledger.QUARANTINED,
            status_reason=rejected.reason,
            status_message=rejected.message,
            parser_version=result.parser_version,
        )
        ledger.write_record(archive, record)
        result.quarantined.append(QuarantinedDocument(sha256, name, rejected.reason, rejected.message))
        if previous is None:
            return None
        return {"document_sha256": sha256, "previous_parser_version": previous_version,
                "now_quarantined": rejected.reason}  # fmt: skip

    atomic_write_json(ledger.extraction_file(settings, sha256, result.parser_version), extraction)
    record.update(
        status=ledger.PARSED,
        status_reason=None,
        status_message=None,
        parser_version=result.parser_version,
        format=extraction.get("source", {}).get("format") or record["format"],
    )
    ledger.write_record(archive, record)
    quarantine.remove_copies(settings.quarantine_dir, sha256)
    result.parsed.append(sha256)
    if previous is None:
        return None
    return {"document_sha256": sha256, "previous_parser_version": previous_version,
            **fact_changes(previous, extraction)}  # fmt: skip


def _extract(archive: Archive, sha256: str, name: str, max_bytes: int) -> dict[str, Any]:
    from ingestion.documents.read import read_document
    from ingestion.parsing import extract_report

    path = archive.object_path(sha256)
    if not path.exists():
        raise errors.DocumentRejected(errors.CORRUPT, f"archived copy {path} is missing")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise errors.DocumentRejected(errors.CORRUPT, f"archived copy {path} no longer matches its sha256")
    document = read_document(data, name, max_bytes=max_bytes)
    return extract_report(document, path=name, sha256=sha256).as_json()


def _previous_extraction(
    record: dict[str, Any], settings: Settings, parser_version: str
) -> tuple[str | None, dict[str, Any] | None]:
    """The extraction an older parser version wrote for this document, when there is one."""
    previous_version = record["parser_version"]
    if record["status"] != ledger.PARSED or previous_version in (None, parser_version):
        return previous_version, None
    path = ledger.extraction_file(settings, record["document_sha256"], previous_version)
    if not path.exists():
        return previous_version, None
    previous: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return previous_version, previous
