"""A run reads each extraction file at most once and scans the ledger once.

The parse step hands what it knows to the next steps (``ledger_snapshot``: the ledger as it left
it, each extraction's sha256) instead of each step scanning the archive again. Counted through
real runs on a generated drop with an audit hook on every ``open`` in this process (the parse
workers only write). The first night reads each extraction once (load_staging loads it); a rerun
of the same drop, and a re-parse that yields the same extractions, read none.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ingestion.pipeline import run_pipeline
from ingestion.pipeline.records import read_step
from ingestion.settings import Settings, load_settings
from sample_drop.drop import DropOptions, write_drop

pytestmark = pytest.mark.slow
_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT
_counting: list[Counter[str]] = []  # the counter of the run being watched; empty when none is


def _on_audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "open" or not _counting or not isinstance(args[0], str | bytes | os.PathLike):
        return
    mode, flags = args[1], args[2]
    writing = (flags & _WRITING) if mode is None else any(letter in str(mode) for letter in "wax+")
    if not writing:
        _counting[0][os.fsdecode(args[0])] += 1


sys.addaudithook(_on_audit)  # audit hooks cannot be removed: it counts only inside ``opened``


@contextmanager
def opened() -> Iterator[Counter[str]]:
    """Every file opened for reading in this process meanwhile, with how often."""
    counts: Counter[str] = Counter()
    _counting.append(counts)
    try:
        yield counts
    finally:
        _counting.clear()


def _under(counts: Counter[str], folder: Path) -> dict[str, int]:
    prefix = f"{folder}{os.sep}"
    return {path: n for path, n in counts.items() if path.startswith(prefix) and path.endswith(".json")}


def test_each_extraction_is_read_at_most_once_per_run(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    write_drop(DropOptions(out=drop, reports=8, years=[2022, 2023], formats=["txt", "docx"], seed=5,
                           broken=2, progress_every=0))  # fmt: skip
    settings = load_settings(tmp_path / "bpw")
    ledger_dir = settings.archive_dir / "documents"

    with opened() as night_1:
        run_pipeline(settings, str(drop), run_id="night-1", echo=False)
    extractions = sorted(str(path) for path in settings.extractions_dir.rglob("*.json"))
    loaded = read_step(settings, "night-1", "load_staging")
    assert loaded is not None and loaded["reports"] == len(extractions) >= 8
    assert _under(night_1, settings.extractions_dir) == dict.fromkeys(extractions, 1)
    documents = len(list(ledger_dir.glob("*.json")))
    # Each record: the parse step's one scan and its re-read under the lock to write its status;
    # besides, collect reads the record of bytes it sees again (the drop's duplicate).
    assert sum(_under(night_1, ledger_dir).values()) == 2 * documents + _collected(settings, "night-1")

    with opened() as night_2:
        run_pipeline(settings, str(drop), run_id="night-2", echo=False)
    assert _under(night_2, settings.extractions_dir) == {}
    # Collect reads each record it sees again; the parse step scans once; no other step reads any.
    assert sum(_under(night_2, ledger_dir).values()) == documents + _collected(settings, "night-2")

    with opened() as reparse:
        run_pipeline(settings, None, run_id="reparse", reparse=True, echo=False)
    assert read_step(settings, "reparse", "parse")["parsed"] == len(extractions)  # type: ignore[index]
    assert _under(reparse, settings.extractions_dir) == {}  # the same bytes again: nothing to load
    assert read_step(settings, "reparse", "load_staging")["documents"] == 0  # type: ignore[index]
    assert sum(_under(reparse, ledger_dir).values()) == 2 * documents


def _collected(settings: Settings, run_id: str) -> int:
    collect = read_step(settings, run_id, "collect")
    assert collect is not None
    return int(collect["already_known"])
