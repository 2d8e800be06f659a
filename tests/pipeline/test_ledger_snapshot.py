"""The ledger the parse step hands on: read by the later steps of its run, never once it is stale."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingestion.collect.model import CollectedFile, Provenance
from ingestion.landing import land
from ingestion.landing.parse import list_records
from ingestion.pipeline.ledger_snapshot import current_ledger, read_snapshot, updated, write_snapshot
from ingestion.settings import Settings, load_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "bpw")


def _land(settings: Settings, name: str, text: str) -> None:
    seen_at = datetime(2024, 5, 1, tzinfo=UTC)
    seen = Provenance("p", f"https://p.example/{name}", None, None, None, None, seen_at)
    land([CollectedFile(name, text.encode(), seen)], settings)


def test_the_snapshot_is_the_ledger_until_the_ledger_is_written_again(settings: Settings) -> None:
    _land(settings, "a.txt", "某单位2023年绩效自评报告 甲\n")
    write_snapshot(settings, "run-1", list_records(settings))
    [entry] = current_ledger(settings, "run-1")
    assert entry.row["status"] == "landed" and entry.extraction_sha256 is None
    assert read_snapshot(settings, "run-1") is not None

    # Another run lands a document afterwards: run-1's snapshot no longer describes the ledger.
    _land(settings, "b.txt", "某单位2023年绩效自评报告 乙\n")
    assert read_snapshot(settings, "run-1") is None
    assert len(current_ledger(settings, "run-1")) == 2, "scanned again"

    # Gathering the batches' records updates the plan's snapshot (written since, by design).
    [record_b] = [r for r in list_records(settings) if r["document_sha256"] != entry.row["document_sha256"]]
    record_b["extraction_sha256"] = "f" * 64
    updated(settings, "run-1", [record_b])
    entries = {item.row["document_sha256"]: item for item in current_ledger(settings, "run-1")}
    assert set(entries) == {entry.row["document_sha256"], record_b["document_sha256"]}
    assert entries[record_b["document_sha256"]].extraction_sha256 == "f" * 64
    assert read_snapshot(settings, "run-1") is not None, "current again"


def test_a_run_without_a_snapshot_scans_and_creates_nothing(settings: Settings) -> None:
    assert current_ledger(settings, "locked-out") == []
    assert not settings.archive_dir.exists()
