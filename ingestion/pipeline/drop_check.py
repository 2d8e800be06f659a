"""Warnings about the drop itself: a night that collected nothing new should not look like success.

An empty drop, or one whose files the archive already holds, still runs (a rerun must be safe)
but the summary says so, naming the known files, and ``run --strict`` exits non-zero on it.
"""

from __future__ import annotations

from collections.abc import Sequence

NAMES_SHOWN = 10


def drop_warnings(drop: str, found: int, new: int, known_names: Sequence[str]) -> list[str]:
    if found == 0:
        return [f"empty drop: no report files in {drop}"]
    if new == 0:
        known = f"{len(known_names)} of {found} files were already in the archive"
        return [f"nothing new in the drop: {known}: {_names(known_names)}"]
    return []


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(sorted(names)[:NAMES_SHOWN])
    return shown if len(names) <= NAMES_SHOWN else f"{shown} and {len(names) - NAMES_SHOWN} more"
