"""Housekeeping through the real steps: a quarantined file is stored once; a killed run's temporary
files are swept when the next run takes the lock (and only those)."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest

from ingestion.landing.archive import TEMP_PREFIX, Archive
from ingestion.landing.housekeeping import sweep_stale_temp_files
from ingestion.pipeline import steps
from ingestion.pipeline.records import read_step
from ingestion.pipeline.summary import build_summary, render_text
from ingestion.settings import Settings, load_settings

REPORT = "2022年度某某街道办事处部门整体支出绩效自评报告\n一、基本情况\n年初预算数100万元。\n".encode()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return replace(load_settings(tmp_path / "bpw"), max_document_bytes=4096)


def test_an_oversized_file_is_stored_once(settings: Settings, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    big = REPORT + b" " * 10_000  # over the 4096-byte limit of these settings
    (drop / "big.txt").write_bytes(big)
    steps.collect(settings, "r", str(drop))
    parsed = steps.parse(settings, "r")
    assert [item["reason"] for item in parsed["quarantined"]] == ["oversized"]
    [copy] = [path for path in (settings.quarantine_dir / "oversized").iterdir() if "reason" not in path.name]
    archived = Archive(settings.archive_dir).object_path(hashlib.sha256(big).hexdigest())
    assert copy.read_bytes() == archived.read_bytes() == big
    assert copy.stat().st_ino == archived.stat().st_ino, (
        "one copy on disk: the quarantine links the archive's"
    )
    stored = {
        path.stat().st_ino
        for path in settings.home.rglob("*")
        if path.is_file() and path.stat().st_size == len(big)
    }
    assert len(stored) == 1


def _leftover(folder: Path, age_s: float) -> Path:
    """A temporary file as ``atomic_write_bytes`` starts one, left by a writer killed before the rename."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix="half-written")
    os.write(handle, b"half")
    os.close(handle)
    os.utime(name, (time.time() - age_s, time.time() - age_s))
    return Path(name)


def test_a_killed_runs_temporary_files_are_swept_when_the_next_run_takes_the_lock(
    settings: Settings, tmp_path: Path
) -> None:
    archive = Archive(settings.archive_dir)
    left = [
        _leftover(archive.objects_dir / "ab", age_s=60),
        _leftover(archive.documents_dir, age_s=60),
        _leftover(settings.extractions_dir / ("ab" * 32), age_s=60),
        _leftover(settings.quarantine_dir / "oversized", age_s=60),
    ]
    kept = archive.objects_dir / "ab" / "tmp-but-not-a-temp-file"
    kept.write_bytes(b"kept")
    (tmp_path / "drop").mkdir()
    (tmp_path / "drop" / "r.txt").write_bytes(REPORT)
    steps.collect(settings, "next", str(tmp_path / "drop"))
    assert not any(path.exists() for path in left)
    assert kept.exists()
    lock = read_step(settings, "next", "lock")
    assert lock is not None and sorted(lock["swept_temp_files"]) == sorted(str(path) for path in left)
    assert "Housekeeping: removed 4 stale temporary files" in render_text(build_summary(settings, "next"))


def test_a_temporary_file_newer_than_the_lock_is_not_swept(settings: Settings) -> None:
    recent = _leftover(settings.archive_dir / "documents", age_s=0)
    old = _leftover(settings.archive_dir / "documents", age_s=120)
    assert sweep_stale_temp_files(settings, older_than=time.time() - 60) == [old]
    assert recent.exists()
