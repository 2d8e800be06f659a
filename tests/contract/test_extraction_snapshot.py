"""No behaviour change unless intended: every extraction equals the committed snapshot.

Covers the seeds, the real corpus pages (as hashes only) and a fixed generated drop (its files,
ground truth and extractions). A failure lists what changed; when the change is intended,
refresh the snapshot (see ``extraction_snapshot.py``) and commit it with the change.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.contract.extraction_snapshot import CORPUS, SEEDS, SNAPSHOT, snapshot

REFRESH = ".venv/bin/python -m tests.contract.extraction_snapshot --refresh"


def _changed(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    names = sorted(set(before) | set(now))
    return [f"{name}: {before.get(name)} -> {now.get(name)}" for name in names
            if before.get(name) != now.get(name)]  # fmt: skip


def test_every_extraction_and_generated_file_matches_the_committed_snapshot() -> None:
    if not SEEDS.is_dir() or not CORPUS.is_dir():
        pytest.skip(f"the seeds and the real corpus are not at {SEEDS.parent.resolve()}")
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = snapshot()
    changes = {part: _changed(committed[part], now[part]) for part in committed}
    assert not any(changes.values()), (
        f"extractions changed (if intended, run `{REFRESH}` and commit the snapshot):\n"
        + json.dumps(changes, indent=1, ensure_ascii=False)
    )


def test_the_snapshot_covers_every_source() -> None:
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    generated = committed["generated_drop"]
    formats = {name.rsplit(".", 1)[-1] for name, entry in generated.items() if "extraction" in entry}
    assert {"txt", "docx", "pdf", "html", "xlsx"} <= formats
    assert len(committed["seeds"]) >= 5 and len(committed["corpus"]) >= 100
