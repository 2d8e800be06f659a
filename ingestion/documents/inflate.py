"""Inflate deflate data a bounded chunk at a time, so a caller can stop at a byte budget.

``zlib.decompress`` (and the libraries built on it) inflates a whole stream in one call: a small
bomb becomes gigabytes before anyone can look at its size. Here each call returns at most
``CHUNK`` bytes and the caller decides whether to go on.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

CHUNK = 1024 * 1024  # most output of one inflate call
_INPUT = 64 * 1024  # compressed bytes fed per call (zlib copies what it did not use)
RAW_DEFLATE = -zlib.MAX_WBITS  # zip entries
ZLIB = zlib.MAX_WBITS  # PDF FlateDecode streams


def inflate_chunks(body: bytes | memoryview, wbits: int) -> Iterator[bytes]:
    """The inflated bytes of ``body``, at most ``CHUNK`` at a time, up to the end of the stream.

    Stops quietly where ``body`` runs out (the caller checks sizes); raises ``zlib.error`` on
    data that is not deflate.
    """
    body = memoryview(body)
    inflater = zlib.decompressobj(wbits)
    for offset in range(0, len(body), _INPUT):
        pending: bytes | memoryview = body[offset : offset + _INPUT]
        while True:
            out = inflater.decompress(pending, CHUNK)
            if out:
                yield out
            if inflater.eof:
                return
            pending = inflater.unconsumed_tail
            if not pending and len(out) < CHUNK:
                break  # this input is used up and nothing is held back: feed the next
