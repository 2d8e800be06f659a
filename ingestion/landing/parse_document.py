"""Read and parse ONE archived document; what a parse worker process runs.

Never raises for a bad document: the extraction is written to its own file and every outcome, good
or bad, comes back as a small ``ParseOutcome`` that the parent (the ledger's one writer) records.
The worker holds the extraction, so it also hands back what the parent would otherwise read the file
again for: the sha256 of the bytes written (the warehouse fingerprint) and, on a re-parse, the facts
that changed. A ``DocumentRejected`` keeps its specific reason (but ``corrupt`` near the memory cap
is ``too_large``: a reader that got no memory calls the file unreadable). A ``MemoryError``, or
any exception raised once the worker came close to its address-space cap (``memory_cap``), is
``too_large``; any other exception is a parser defect on this document, ``parser_error``, and
must not stop the run.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingestion import errors
from ingestion.landing.archive import atomic_write_bytes, json_bytes
from ingestion.landing.change_report import fact_changes
from ingestion.landing.memory_cap import near_cap


@dataclass(frozen=True)
class ParseJob:
    sha256: str
    name: str  # the first sighting's name: the readers' tie-breaker for the format
    object_path: str
    max_bytes: int
    extraction_path: str  # where the worker writes the extraction (one file per document and version)
    previous_extraction_path: str | None = None  # an older parser version's, to report what changed


@dataclass(frozen=True)
class ParseOutcome:
    sha256: str
    parsed: bool = False  # the extraction is at the job's extraction_path
    format: str | None = None  # the format the reader found, when parsed
    reason: str | None = None  # set when rejected: a code from ingestion.errors
    message: str | None = None
    peak_rss_kib: int | None = None  # the worker's peak resident set so far, above what it started with
    write_error: str | None = None  # the extraction could not be written: the run, not the document
    extraction_sha256: str | None = None  # of the bytes written at extraction_path
    changes: dict[str, Any] | None = None  # facts added/changed/removed since the previous extraction


def rejected(sha256: str, reason: str, message: str) -> ParseOutcome:
    return ParseOutcome(sha256, reason=reason, message=message)


def parse_document(job: ParseJob) -> ParseOutcome:
    """The extraction of ``job``'s document, or why it was set aside; never raises ``Exception``."""
    from ingestion.parsing.version import PARSER_VERSION

    try:
        extraction = extract(job)
    except errors.DocumentRejected as exc:
        if exc.reason == errors.CORRUPT and near_cap():
            return rejected(job.sha256, errors.TOO_LARGE, f"{exc.message} (out of memory while reading)")
        return rejected(job.sha256, exc.reason, exc.message)
    except MemoryError:
        return rejected(job.sha256, errors.TOO_LARGE, f"{job.name}: ran out of memory while parsing")
    except Exception as exc:  # isolation: one document's defect never stops the run
        detail = " ".join(str(exc).split())[:500]
        if near_cap():  # a C library's way of saying it got no memory
            message = f"{job.name}: ran out of memory while parsing ({type(exc).__name__}: {detail})"
            return rejected(job.sha256, errors.TOO_LARGE, message)
        return rejected(
            job.sha256,
            errors.PARSER_ERROR,
            f"{job.name}: {type(exc).__name__}: {detail} (parser {PARSER_VERSION})",
        )
    data = json_bytes(extraction)
    try:  # here, not in the parent: serialising and syncing it is a share of the work
        atomic_write_bytes(Path(job.extraction_path), data)
    except OSError as exc:
        return ParseOutcome(job.sha256, write_error=f"cannot write {job.extraction_path}: {exc}")
    return ParseOutcome(
        job.sha256,
        parsed=True,
        format=(extraction.get("source") or {}).get("format"),
        extraction_sha256=hashlib.sha256(data).hexdigest(),
        changes=_changes(job, extraction),
    )


def _changes(job: ParseJob, content: dict[str, Any]) -> dict[str, Any] | None:
    if job.previous_extraction_path is None:
        return None
    try:
        previous = json.loads(Path(job.previous_extraction_path).read_bytes())
    except (OSError, ValueError) as exc:  # the old file, not this document: say so in the report
        return {"previous_unreadable": f"{type(exc).__name__}: {exc}"}
    return fact_changes(previous, content)


def extract(job: ParseJob) -> dict[str, Any]:
    from ingestion.documents.read import read_document
    from ingestion.parsing import parse_report

    path = Path(job.object_path)
    if not path.exists():
        raise errors.DocumentRejected(errors.CORRUPT, f"archived copy {path} is missing")
    size = path.stat().st_size
    if size > job.max_bytes:  # refused before reading it into memory
        raise errors.DocumentRejected(
            errors.OVERSIZED, f"{job.name} is {size} bytes, over the {job.max_bytes}-byte limit"
        )
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != job.sha256:
        raise errors.DocumentRejected(errors.CORRUPT, f"archived copy {path} no longer matches its sha256")
    document = read_document(data, job.name, max_bytes=job.max_bytes)
    return parse_report(document, path=job.name, sha256=job.sha256).as_json()
