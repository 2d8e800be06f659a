"""Plain-text reports: detect the encoding (never assume it), then segment the text.

Order of trust: a byte-order mark; strict UTF-8; UTF-16 without a BOM (recognised by the
NUL bytes every UTF-16 text of digits and newlines has); strict GB18030 (a superset of GBK
and GB2312, the usual encodings of Chinese government exports); charset-normalizer last.
A decoding is accepted only when the result looks like text (few control characters), so
binary junk is rejected as ``undecodable`` instead of becoming mojibake.
"""

from __future__ import annotations

import codecs
import re

from ingestion import errors
from ingestion.documents.model import Document, DocumentBuilder
from ingestion.documents.plaintext import add_plain_text

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Above this share of control characters a decoding is binary junk, not text.
_MAX_CONTROL_SHARE = 0.01
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    limit = max(1, int(len(text) * _MAX_CONTROL_SHARE))
    # Stop counting at the limit: a 50 MB binary must not be scanned to the end.
    return all(bad <= limit for bad, _ in enumerate(_BAD_CHARS.finditer(text), start=1))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _looks_like_text(text) else None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text has NUL bytes (the high byte of ASCII digits and newlines) on one side."""
    nul_even = data[0::2].count(0)
    nul_odd = data[1::2].count(0)
    if len(data) % 2 or max(nul_even, nul_odd) < len(data) // 200 + 1:
        return None
    encoding = "utf-16-le" if nul_odd > nul_even else "utf-16-be"
    text = _strict(data, encoding)
    return (text, encoding) if text is not None else None


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return (text, best.encoding) if _looks_like_text(text) else None


def decode_text(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name); raises ``DocumentRejected(UNDECODABLE)``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding.replace("-sig", ""))
            if text is None:
                raise errors.DocumentRejected(
                    errors.UNDECODABLE, f"bytes after the {encoding} BOM do not decode"
                )
            return text, encoding
    if b"\x00" not in data:
        text = _strict(data, "utf-8")
        if text is not None:
            return text, "utf-8"
    found = _utf16_without_bom(data)
    if found is None and b"\x00" not in data:
        text = _strict(data, "gb18030")
        found = (text, "gb18030") if text is not None else None
    found = found or _charset_normalizer(data)
    if found is None:
        raise errors.DocumentRejected(errors.UNDECODABLE, "no text encoding decodes these bytes sensibly")
    return found


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def read_txt(data: bytes) -> Document:
    """Bytes of a .txt export -> ``Document`` with paragraphs and flattened tables."""
    text, encoding = decode_text(data)
    builder = DocumentBuilder("txt", encoding=encoding)
    add_plain_text(builder, normalize_newlines(text))
    return builder.build()
