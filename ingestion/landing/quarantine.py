"""The copy of a quarantined document that people look at: ``quarantine/<reason>/``.

The ledger is the record; this folder is for humans. Beside each copy, ``.reason.txt`` says
why it was set aside and where it came from. File names here are built from the sha256 and a
plain suffix only, never from the untrusted original name.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from ingestion.collect.names import safe_suffix
from ingestion.landing.archive import atomic_write_bytes

_REASON_CODE = re.compile(r"^[a-z0-9_]{1,64}$")


def set_aside(
    quarantine_dir: Path, object_path: Path, record: dict[str, Any], reason: str, message: str
) -> Path:
    """Copy the archived bytes to ``quarantine_dir/<reason>/`` with a ``.reason.txt``; return the copy."""
    if not _REASON_CODE.match(reason):
        raise ValueError(f"quarantine reason {reason!r} is not a reason code from ingestion.errors")
    sha256 = record["document_sha256"]
    names = [sighting["name"] for sighting in record["sightings"]]
    copy = quarantine_dir / reason / f"{sha256}{safe_suffix(names[0]) if names else ''}"
    copy.parent.mkdir(parents=True, exist_ok=True)
    if object_path.exists():  # a missing archive copy is itself the reason; there is nothing to copy
        shutil.copyfile(object_path, copy)
    lines = [f"reason: {reason}", f"message: {message}", f"sha256: {sha256}"]
    lines += [f"seen as {seen['name']!r} at {seen['source_uri']}" for seen in record["sightings"]]
    atomic_write_bytes(copy.with_name(copy.name + ".reason.txt"), ("\n".join(lines) + "\n").encode("utf-8"))
    return copy


def remove_copies(quarantine_dir: Path, sha256: str) -> None:
    """Drop earlier quarantine copies of a document that now parses (they would mislead)."""
    if not quarantine_dir.is_dir():
        return
    for path in quarantine_dir.glob(f"*/{sha256}*"):
        path.unlink()
