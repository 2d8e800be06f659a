"""Refuse a PDF whose compressed streams inflate past a budget, before PDFium opens it.

PDFium inflates a content stream whole when it loads the page: a 1 MB PDF whose content stream
inflates to 1 GiB cost 2.1 GB of memory. Here every stream that holds zlib data (directly, or
under an ASCII85/ASCIIHex layer) is inflated a chunk at a time and only counted, and the file is
refused (``unsafe``) as soon as one stream or all of them pass their budget. Streams under other
filters (LZW, RunLength) are not counted: the parse worker's memory cap stops those.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Iterator

from ingestion import errors
from ingestion.documents.inflate import ZLIB, inflate_chunks

# No real report's streams come near these: a page's text is kilobytes, a full CJK font ~20 MB.
MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_END = b"endstream"
_DICT_LOOKBACK = 4096
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def check_inflated_size(data: bytes, name: str) -> None:
    """Raise ``DocumentRejected(UNSAFE)`` when the PDF's zlib streams inflate past the budgets."""
    total = 0
    for match in _STREAM.finditer(data):
        end = data.find(_END, match.end())
        body = memoryview(data)[match.end() : end if end >= 0 else len(data)]
        size = 0
        for chunk in _inflated(body, _filters(data, match.start())):
            size += len(chunk)
            total += len(chunk)
            if size > MAX_STREAM_BYTES or total > MAX_TOTAL_BYTES:
                raise errors.DocumentRejected(
                    errors.UNSAFE,
                    f"{name}: compressed streams inflate past {MAX_STREAM_BYTES} bytes in one stream or "
                    f"{MAX_TOTAL_BYTES} in all (stream at byte {match.end()}; PDF bomb?)",
                )


def _filters(data: bytes, stream_at: int) -> bytes:
    """The stream dictionary before ``stream_at`` with #xx name escapes undone (/Fl#61te...)."""
    head = data[max(0, stream_at - _DICT_LOOKBACK) : stream_at]
    head = head[head.rfind(b"obj") + 1 :]
    return _NAME_ESCAPE.sub(lambda escape: bytes([int(escape[1], 16)]), head)


def _inflated(body: memoryview, filters: bytes) -> Iterator[bytes]:
    """The stream's inflated chunks; none for a stream that holds no zlib data or is damaged."""
    raw = _unwrapped(body, filters)
    if raw is None or len(raw) < 2 or (raw[0] & 0x0F) != 8 or (raw[0] * 256 + raw[1]) % 31:
        return  # no zlib header: not Flate data
    try:
        yield from inflate_chunks(raw, ZLIB)
    except zlib.error:
        return  # damaged data: PDFium decides what it makes of it


def _unwrapped(body: memoryview, filters: bytes) -> bytes | memoryview | None:
    """``body`` with an ASCII85 or ASCIIHex layer undone (at most the file's size)."""
    try:
        if b"/ASCII85Decode" in filters or b"/A85" in filters:
            encoded = bytes(body).split(b"~>", 1)[0]
            return base64.a85decode(encoded, adobe=False, ignorechars=b" \t\n\r\f\v\0")
        if b"/ASCIIHexDecode" in filters or b"/AHx" in filters:
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", bytes(body).split(b">", 1)[0])
            return binascii.unhexlify(digits + b"0" * (len(digits) % 2))
    except (ValueError, binascii.Error):
        return None
    return body
