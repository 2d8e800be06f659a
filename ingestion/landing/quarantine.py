"""The quarantined documents people look at: ``quarantine/<reason>/``, stored once.

The ledger is the record; this folder is for humans. Beside each copy, ``.reason.txt`` says
why it was set aside and where it came from. File names here are built from the sha256 and a
plain suffix only, never from the untrusted original name. A copy of an archived document is a
hard link to the archived object, so a 50 MB oversized file takes 50 MB once, not twice (the
objects are never rewritten in place: the link cannot change what the archive holds). Bytes
refused before the archive (an unsafe name) are kept here only.
"""

from __future__ import annotations

import hashlib
import os
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
        _link_or_copy(object_path, copy)
    lines = [f"reason: {reason}", f"message: {message}", f"sha256: {sha256}"]
    lines += [f"seen as {seen['name']!r} at {seen['source_uri']}" for seen in record["sightings"]]
    atomic_write_bytes(copy.with_name(copy.name + ".reason.txt"), ("\n".join(lines) + "\n").encode("utf-8"))
    return copy


def set_aside_unlanded(quarantine_dir: Path, data: bytes, reason: str, message: str, seen_at: str) -> Path:
    """Keep bytes that were refused before the archive (an unsafe name) under ``<reason>/``."""
    if not _REASON_CODE.match(reason):
        raise ValueError(f"quarantine reason {reason!r} is not a reason code")
    sha256 = hashlib.sha256(data).hexdigest()
    copy = quarantine_dir / reason / sha256
    atomic_write_bytes(copy, data)
    lines = [f"reason: {reason}", f"message: {message}", f"sha256: {sha256}", f"seen at {seen_at}"]
    atomic_write_bytes(copy.with_name(copy.name + ".reason.txt"), ("\n".join(lines) + "\n").encode("utf-8"))
    return copy


def _link_or_copy(source: Path, copy: Path) -> None:
    """The archived bytes, stored once: a hard link (same inode) where the file system allows it."""
    copy.unlink(missing_ok=True)
    try:
        os.link(source, copy)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, copy)


def remove_copies(quarantine_dir: Path, sha256: str) -> None:
    """Drop earlier quarantine copies of a document that now parses (they would mislead)."""
    if not quarantine_dir.is_dir():
        return
    for path in quarantine_dir.glob(f"*/{sha256}*"):
        path.unlink()
