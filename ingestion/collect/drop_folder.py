"""Collect a portal drop folder: a local path or any fsspec URL (file://, memory://, ...).

Layout: one sub-folder per portal (the folder name is the portal slug), files directly in the
root belong to portal "default". Entries whose name starts with "_" or "." are skipped at any
depth (the generator keeps its ground truth under ``_truth``). ``<file>.meta.json`` beside a
file is its sidecar (see ``sidecar.py``). Symbolic links are not followed, so a drop cannot
pull in files from elsewhere on the machine.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from fsspec import AbstractFileSystem
from fsspec.core import url_to_fs

from ingestion.collect.model import CollectedFile, Provenance
from ingestion.collect.sidecar import SIDECAR_SUFFIX, Sidecar, parse_sidecar

log = logging.getLogger(__name__)

DEFAULT_PORTAL = "default"
MAX_DEPTH = 8
MAX_FILES = 100_000
# Files past this are not read into memory at all; below it, the readers' own (smaller) limit
# decides, so a merely large report lands and is quarantined as "oversized" where people see it.
MAX_COLLECT_BYTES = 200 * 1024 * 1024


class DropFolderError(FileNotFoundError):
    """The drop folder is missing or is not a folder."""


def iter_drop_folder(
    source: str,
    *,
    skipped: list[tuple[str, str]] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Iterator[CollectedFile]:
    """Every report file in the drop at ``source``, with its provenance.

    Files that are not read (too large, links) are appended to ``skipped`` as (uri, reason).
    The folder is listed before any file is read; ``on_total`` gets the number of files then.
    """
    fs, root = url_to_fs(source)
    if not fs.exists(root):
        raise DropFolderError(f"drop folder {source} does not exist")
    if not fs.isdir(root):
        raise DropFolderError(f"drop folder {source} is not a folder")
    skipped = [] if skipped is None else skipped
    listed = list(islice(_files_by_portal(fs, root, skipped), MAX_FILES + 1))
    if len(listed) > MAX_FILES:
        log.warning("drop folder %s: stopped after %d files", source, MAX_FILES)
        listed = listed[:MAX_FILES]
    if on_total is not None:
        on_total(len(listed))
    for file_entry, portal in listed:
        collected = _collect_one(fs, file_entry, portal, skipped)
        if collected is not None:
            yield collected


def _files_by_portal(
    fs: AbstractFileSystem, root: str, skipped: list[tuple[str, str]]
) -> Iterator[tuple[dict[str, Any], str]]:
    for entry in _visible_entries(fs, root, skipped):
        if entry["type"] == "directory":
            portal = posixpath.basename(entry["name"].rstrip("/"))
            for file_entry in _walk_files(fs, entry["name"], depth=1, skipped=skipped):
                yield file_entry, portal
        else:
            yield entry, DEFAULT_PORTAL


def _visible_entries(
    fs: AbstractFileSystem, path: str, skipped: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    visible = []
    for entry in fs.ls(path, detail=True):
        name = posixpath.basename(entry["name"].rstrip("/"))
        if name.startswith(("_", ".")) or name.endswith(SIDECAR_SUFFIX):
            continue
        if entry.get("islink"):
            skipped.append((fs.unstrip_protocol(entry["name"]), "symbolic link not followed"))
            continue
        visible.append(entry)
    return sorted(visible, key=lambda entry: entry["name"])


def _walk_files(
    fs: AbstractFileSystem, folder: str, depth: int, skipped: list[tuple[str, str]]
) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        skipped.append((fs.unstrip_protocol(folder), f"nested deeper than {MAX_DEPTH} folders"))
        return
    for entry in _visible_entries(fs, folder, skipped):
        if entry["type"] == "directory":
            yield from _walk_files(fs, entry["name"], depth + 1, skipped)
        else:
            yield entry


def _collect_one(
    fs: AbstractFileSystem, entry: dict[str, Any], portal: str, skipped: list[tuple[str, str]]
) -> CollectedFile | None:
    path = entry["name"]
    uri = fs.unstrip_protocol(path)
    if (entry.get("size") or 0) > MAX_COLLECT_BYTES:
        skipped.append((uri, f"over {MAX_COLLECT_BYTES} bytes, not read"))
        return None
    sidecar = _read_sidecar(fs, path)
    provenance = Provenance(
        portal=portal,
        source_uri=sidecar.url or uri,
        listing_title=sidecar.title,
        published_date=sidecar.published_date,
        publisher=sidecar.publisher,
        unit_hint=sidecar.unit,
        collected_at=datetime.now(UTC),
    )
    name = posixpath.basename(path)
    return CollectedFile(name=name, data=fs.cat_file(path), provenance=provenance, warnings=sidecar.warnings)


def _read_sidecar(fs: AbstractFileSystem, path: str) -> Sidecar:
    sidecar_path = path + SIDECAR_SUFFIX
    if not fs.exists(sidecar_path):
        return Sidecar()
    return parse_sidecar(fs.cat_file(sidecar_path), posixpath.basename(sidecar_path))
