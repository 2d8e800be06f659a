"""What a new parser version changed: facts added, changed and removed, per document.

Facts are compared as flattened JSON pointers (``/amounts_wan/basic`` -> ``"2102.15"``).
``/evidence`` and ``/warnings`` are left out: they describe how a fact was found, not the fact.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingestion.landing.archive import atomic_write_json

IGNORED_TOP_LEVEL = frozenset({"evidence", "warnings"})
MAX_REPORT_ATTEMPTS = 100


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def flatten(value: Any, pointer: str = "") -> dict[str, Any]:
    """Every leaf of ``value`` keyed by its JSON pointer; an empty list or object is a leaf."""
    if isinstance(value, dict) and value:
        leaves: dict[str, Any] = {}
        for key, child in value.items():
            leaves.update(flatten(child, f"{pointer}/{_escape(str(key))}"))
        return leaves
    if isinstance(value, list) and value:
        leaves = {}
        for index, child in enumerate(value):
            leaves.update(flatten(child, f"{pointer}/{index}"))
        return leaves
    return {pointer: value}


def fact_changes(previous: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """{"added": {ptr: new}, "changed": {ptr: [old, new]}, "removed": {ptr: old}} of two extractions."""
    before = flatten({k: v for k, v in previous.items() if k not in IGNORED_TOP_LEVEL})
    after = flatten({k: v for k, v in current.items() if k not in IGNORED_TOP_LEVEL})
    return {
        "added": {pointer: after[pointer] for pointer in sorted(after.keys() - before.keys())},
        "changed": {
            pointer: [before[pointer], after[pointer]]
            for pointer in sorted(after.keys() & before.keys())
            if before[pointer] != after[pointer]
        },
        "removed": {pointer: before[pointer] for pointer in sorted(before.keys() - after.keys())},
    }


def write_change_report(runs_dir: Path, parser_version: str, documents: list[dict[str, Any]]) -> Path:
    """Write ``<timestamp>-reparse.json`` under ``runs_dir`` and return its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {
        "parser_version": parser_version,
        "written_at": datetime.now(UTC).isoformat(),
        "documents": documents,
    }
    for attempt in range(MAX_REPORT_ATTEMPTS):
        path = runs_dir / (f"{stamp}-reparse.json" if attempt == 0 else f"{stamp}-{attempt}-reparse.json")
        if not path.exists():
            atomic_write_json(path, report)
            return path
    raise FileExistsError(f"{MAX_REPORT_ATTEMPTS} change reports already written at {stamp} in {runs_dir}")
