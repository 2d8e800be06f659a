"""The ledger as the parse step left it: what ``load_staging`` and the summary read, not the archive.

The parse step scans the ledger once (to find what is pending) and holds every record it then
rewrote, so it writes them all to ``runs/<run_id>/ledger.jsonl``: one line per document, its
ledger row (``ledger_row``) and the sha256 of its extraction as parsing wrote it. Under Airflow
the plan task writes its scan and the gather task re-reads the records of the planned batches
(by sha256, not a scan). Nothing else writes the ledger while the run holds the run lock, so the
file stays true for the rest of the run. A step that finds none (it ran without a parse step in
this run), or finds the ledger written since (a task of an old run cleared days later: another
run went in between), scans the ledger itself. Every ledger write renames a file into
``archive/documents/``, which moves that folder's modification time: the snapshot's first line
keeps the time it saw.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingestion.landing.archive import Archive, atomic_write_bytes
from ingestion.landing.ledger import iter_records, ledger_row
from ingestion.pipeline.records import run_dir
from ingestion.settings import Settings


@dataclass(frozen=True)
class LedgerEntry:
    row: dict[str, Any]  # exactly LEDGER_COLUMNS: what raw.documents holds
    # Of the extraction file's bytes; None if not parsed (or parsed before the ledger kept it).
    extraction_sha256: str | None


def snapshot_path(settings: Settings, run_id: str) -> Path:
    return run_dir(settings, run_id) / "ledger.jsonl"


def entries_of(settings: Settings, records: Iterable[dict[str, Any]]) -> list[LedgerEntry]:
    entries = [
        LedgerEntry(ledger_row(record, settings), record.get("extraction_sha256")) for record in records
    ]
    return sorted(entries, key=lambda entry: str(entry.row["document_sha256"]))


def write_snapshot(settings: Settings, run_id: str, records: Iterable[dict[str, Any]]) -> Path:
    return _write(settings, run_id, entries_of(settings, records))


def _ledger_written_at(settings: Settings) -> int | None:
    try:
        return Archive(settings.archive_dir).documents_dir.stat().st_mtime_ns
    except FileNotFoundError:
        return None


def _write(settings: Settings, run_id: str, entries: Iterable[LedgerEntry]) -> Path:
    path = snapshot_path(settings, run_id)
    header = json.dumps({"ledger_written_at_ns": _ledger_written_at(settings)})
    lines = (
        json.dumps({"row": entry.row, "extraction_sha256": entry.extraction_sha256}, ensure_ascii=False)
        for entry in entries
    )
    atomic_write_bytes(path, "".join(f"{line}\n" for line in (header, *lines)).encode("utf-8"))
    return path


def read_snapshot(settings: Settings, run_id: str, *, current: bool = True) -> list[LedgerEntry] | None:
    """The run's snapshot; None when there is none or (``current``) the ledger was written since."""
    path = snapshot_path(settings, run_id)
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as lines:
        header = json.loads(next(lines))
        if current and header["ledger_written_at_ns"] != _ledger_written_at(settings):
            return None
        return [LedgerEntry(item["row"], item["extraction_sha256"]) for item in map(json.loads, lines)]


def updated(settings: Settings, run_id: str, records: Sequence[dict[str, Any]]) -> Path:
    """Replace the snapshot's entries of ``records`` (rewritten since it was written) and keep it."""
    from ingestion.landing.parse import list_records

    planned = read_snapshot(settings, run_id, current=False)  # the batches wrote since, of course
    if planned is None:  # no plan snapshot to update (a gather run alone): scan
        return write_snapshot(settings, run_id, list_records(settings))
    known = {entry.row["document_sha256"]: entry for entry in planned}
    for entry in entries_of(settings, records):
        known[entry.row["document_sha256"]] = entry
    return _write(settings, run_id, [entry for _, entry in sorted(known.items())])


def current_ledger(settings: Settings, run_id: str) -> list[LedgerEntry]:
    """The run's snapshot, else the ledger scanned now (a step run without this run's parse).

    The scan takes no archive lock and creates nothing: a run locked out by another still gets
    its summary without waiting on, or touching, the archive that run writes.
    """
    snapshot = read_snapshot(settings, run_id)
    if snapshot is not None:
        return snapshot
    return entries_of(settings, iter_records(Archive(settings.archive_dir)))
