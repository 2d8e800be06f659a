"""Read a file of a drop without ever following a symbolic link, and never more than a limit.

The listing already leaves links out, but a file can be swapped for a link between listing and
reading; on the local file system the file is therefore opened with ``O_NOFOLLOW``, which fails
on a link instead of reading whatever it points at (outside the drop). Other fsspec file
systems (memory://, object stores) have no links.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import Any

from fsspec import AbstractFileSystem
from fsspec.implementations.local import LocalFileSystem

LINK_NOT_FOLLOWED = "symbolic link not followed"


class LinkRefused(OSError):
    """The path is a symbolic link: it is not read."""


def is_link(fs: AbstractFileSystem, path: str) -> bool | None:
    """True for a link (even a dangling one), False for a file, None when nothing is there."""
    if isinstance(fs, LocalFileSystem):
        try:
            return stat.S_ISLNK(os.lstat(path).st_mode)
        except FileNotFoundError:
            return None
    try:
        info: dict[str, Any] = fs.info(path)
    except FileNotFoundError:
        return None
    return bool(info.get("islink"))


def read_no_follow(fs: AbstractFileSystem, path: str, limit: int) -> bytes:
    """The bytes of ``path``, at most ``limit`` + 1 of them (more means: over the limit)."""
    if not isinstance(fs, LocalFileSystem):
        with fs.open(path, "rb") as handle:
            data: bytes = handle.read(limit + 1)
            return data
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LinkRefused(errno.ELOOP, LINK_NOT_FOLLOWED, path) from None
        raise
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read(limit + 1)
