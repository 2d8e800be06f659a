"""Stale temporary files: what a killed writer left behind, removed at the next run.

Every file of the archive, the extractions and the quarantine is written through
``atomic_write_bytes``: a ``.tmp-*`` file beside the target, renamed over it when complete. A
process killed in between leaves the temporary file for good. The next run removes those older
than the moment it took the run lock: no other run is writing then, so none has a live writer.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ingestion.landing.archive import TEMP_PREFIX
from ingestion.settings import Settings

log = logging.getLogger(__name__)


def sweep_stale_temp_files(settings: Settings, older_than: float) -> list[Path]:
    """Remove ``.tmp-*`` files last written before ``older_than`` (a ``time.time()``); return them."""
    removed: list[Path] = []
    for root in (settings.archive_dir, settings.extractions_dir, settings.quarantine_dir):
        for folder, _, files in os.walk(root):
            removed += _sweep(Path(folder), files, older_than)
    if settings.home.is_dir():
        removed += _sweep(settings.home, os.listdir(settings.home), older_than)
    if removed:
        log.warning("removed %d stale temporary files a killed run left behind", len(removed))
    return removed


def _sweep(folder: Path, names: list[str], older_than: float) -> list[Path]:
    removed = []
    for name in names:
        if not name.startswith(TEMP_PREFIX):
            continue
        path = folder / name
        try:
            if path.is_file() and not path.is_symlink() and path.lstat().st_mtime < older_than:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:  # its writer finished (renamed it) meanwhile
            continue
    return removed
