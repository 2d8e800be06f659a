"""Collect a portal drop folder: a local path or any fsspec URL (file://, memory://, ...).

Layout: one sub-folder per portal (the folder name is the portal slug), files directly in the
root belong to portal "default". Entries whose name starts with "_" or "." are skipped at any
depth (the generator keeps its ground truth under ``_truth``), unless the name is a path
(``..\\..\\x.txt``): such a file is handed on so landing refuses and quarantines it by name.
``<file>.meta.json`` beside a file is its sidecar (see ``sidecar.py``). Symbolic links are not
followed, neither to documents nor to sidecars, so a drop cannot pull in files from elsewhere on
the machine: each one refused is listed in ``skipped`` with its reason.
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
from ingestion.collect.names import printable_text, unsafe_name_reason
from ingestion.collect.no_follow import LINK_NOT_FOLLOWED, LinkRefused, is_link, read_no_follow
from ingestion.collect.sidecar import MAX_SIDECAR_BYTES, SIDECAR_SUFFIX, Sidecar, parse_sidecar

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
        unsafe = unsafe_name_reason(name)
        if (name.startswith(("_", ".")) and unsafe is None) or name.endswith(SIDECAR_SUFFIX):
            continue
        if entry.get("islink"):
            skipped.append((_uri(fs, entry["name"]), LINK_NOT_FOLLOWED))
            continue
        if entry["type"] == "directory" and unsafe is not None:
            skipped.append((_uri(fs, entry["name"]), f"{unsafe}: folder not entered"))
            continue
        visible.append(entry)
    return sorted(visible, key=lambda entry: entry["name"])


def _walk_files(
    fs: AbstractFileSystem, folder: str, depth: int, skipped: list[tuple[str, str]]
) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        skipped.append((_uri(fs, folder), f"nested deeper than {MAX_DEPTH} folders"))
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
        skipped.append((printable_text(uri), f"over {MAX_COLLECT_BYTES} bytes, not read"))
        return None
    try:
        data = read_no_follow(fs, path, MAX_COLLECT_BYTES)
    except LinkRefused:  # swapped for a link since the listing
        skipped.append((printable_text(uri), LINK_NOT_FOLLOWED))
        return None
    if len(data) > MAX_COLLECT_BYTES:  # grew since the listing
        skipped.append((printable_text(uri), f"over {MAX_COLLECT_BYTES} bytes, not read"))
        return None
    sidecar = _read_sidecar(fs, path, skipped)
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
    return CollectedFile(name=name, data=data, provenance=provenance, warnings=sidecar.warnings)


def _read_sidecar(fs: AbstractFileSystem, path: str, skipped: list[tuple[str, str]]) -> Sidecar:
    sidecar_path = path + SIDECAR_SUFFIX
    sidecar_name = printable_text(posixpath.basename(sidecar_path))
    link = is_link(fs, sidecar_path)
    if link is None:
        return Sidecar()
    try:
        if link:
            raise LinkRefused(LINK_NOT_FOLLOWED)
        raw = read_no_follow(fs, sidecar_path, MAX_SIDECAR_BYTES)
    except LinkRefused:
        # Its title and unit would land as if the drop had said them: refuse, and say so.
        skipped.append((_uri(fs, sidecar_path), f"sidecar: {LINK_NOT_FOLLOWED}"))
        return Sidecar(warnings=(f"sidecar {sidecar_name} ignored: {LINK_NOT_FOLLOWED}",))
    return parse_sidecar(raw, sidecar_name)


def _uri(fs: AbstractFileSystem, path: str) -> str:
    return printable_text(fs.unstrip_protocol(path))
