"""Inflate zip members ourselves, a bounded chunk at a time, trusting no size the archive states.

``zipfile`` inflates a member in one call bounded only by 2 GiB, and its directory's sizes are
the archive's word: a .docx whose directory claims 1,000 bytes for a 2 GiB ``document.xml`` made
it allocate 2 GiB before noticing. Here the member's bytes are found from its local header and
inflated in bounded pieces (``inflate``); the caller keeps a running budget and stops at the
first chunk over it, so a lying archive costs one chunk of memory, not its real size.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator

from ingestion import errors
from ingestion.documents.inflate import CHUNK, RAW_DEFLATE, inflate_chunks

_LOCAL_HEADER = b"PK\x03\x04"
_LOCAL_HEADER_SIZE = 30


def member_chunks(data: bytes, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The inflated bytes of ``info``, at most ``CHUNK`` at a time, read from ``data`` directly.

    A member cut short simply ends: the caller compares size and CRC with the directory's."""
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER_SIZE]
    if len(header) < _LOCAL_HEADER_SIZE or not header.startswith(_LOCAL_HEADER):
        raise errors.DocumentRejected(
            errors.CORRUPT, f"{name}: zip entry {info.filename} has no local header"
        )
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    body = memoryview(data)[start + _LOCAL_HEADER_SIZE + name_length + extra_length :]
    if info.compress_type == zipfile.ZIP_STORED:
        stored = body[: info.compress_size]
        for offset in range(0, len(stored), CHUNK):
            yield bytes(stored[offset : offset + CHUNK])
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise errors.DocumentRejected(
            errors.CORRUPT, f"{name}: zip entry {info.filename} uses compression method {info.compress_type}"
        )
    try:
        yield from inflate_chunks(body, RAW_DEFLATE)
    except zlib.error as exc:
        raise errors.DocumentRejected(
            errors.CORRUPT, f"{name}: zip entry {info.filename}: cannot decompress ({exc})"
        ) from exc
