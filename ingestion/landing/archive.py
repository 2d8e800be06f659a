"""The raw archive on disk: content-addressed bytes, written atomically, under one lock.

Layout under ``settings.archive_dir``::

    objects/<sha[:2]>/<sha>     the bytes exactly as collected (the name plays no part)
    documents/<sha>.json        the ledger: provenance and status of each document
    crawl-state.json            ETag / Last-Modified per URL, for conditional GETs
    .lock                       held while landing or parsing, so two runs never interleave
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ingestion.file_lock import exclusive_lock

TEMP_PREFIX = ".tmp-"  # a file being written; a leftover is swept (landing/housekeeping.py)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=path.name)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def json_bytes(content: Any) -> bytes:
    """``content`` as the archive writes every JSON file (sorted keys, so equal content, equal bytes)."""
    return (json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def atomic_write_json(path: Path, content: Any) -> None:
    atomic_write_bytes(path, json_bytes(content))


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects_dir = root / "objects"
        self.documents_dir = root / "documents"
        self.crawl_state_path = root / "crawl-state.json"

    def object_path(self, sha256: str) -> Path:
        return self.objects_dir / sha256[:2] / sha256

    def store(self, data: bytes) -> tuple[str, bool]:
        """Keep ``data`` under its sha256; returns (sha256, whether it was new)."""
        sha256 = hashlib.sha256(data).hexdigest()
        path = self.object_path(sha256)
        if path.exists():
            return sha256, False
        atomic_write_bytes(path, data)
        return sha256, True

    def read(self, sha256: str) -> bytes:
        return self.object_path(sha256).read_bytes()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the archive's lock; a second process waits here instead of interleaving writes."""
        with exclusive_lock(self.root / ".lock"):
            yield
