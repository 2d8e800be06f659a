"""Pick the reader for a file by its content (magic bytes first, then the name) and run it.

Portal drops lie about their type: a .doc that is really HTML, a .docx saved as .txt, a PDF
with a .html name. The bytes decide; the name only breaks ties the bytes leave open.
"""

from __future__ import annotations

from pathlib import Path

from ingestion import errors
from ingestion.documents.model import Document
from ingestion.settings import DEFAULT_MAX_DOCUMENT_BYTES

# Callers pass ``Settings.max_document_bytes`` (BPW_MAX_DOCUMENT_BYTES); this is its default.
MAX_DOCUMENT_BYTES = DEFAULT_MAX_DOCUMENT_BYTES

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_UTF8_BOM = b"\xef\xbb\xbf"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<body", b"<title")


def _zip_format(data: bytes, name: str) -> str:
    from ingestion.documents.safety import open_zip

    with open_zip(data, name) as archive:
        names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise errors.DocumentRejected(
        errors.UNSUPPORTED_FORMAT, f"{name}: a zip archive that is neither .docx nor .xlsx"
    )


def _ole2_format(data: bytes, name: str, suffix: str) -> str:
    # An encrypted .docx/.xlsx is an OLE2 container holding the encrypted package.
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise errors.DocumentRejected(errors.ENCRYPTED, f"{name}: password-protected Office file")
    if suffix in {"doc", "xls"}:
        return suffix
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    raise errors.DocumentRejected(
        errors.UNSUPPORTED_FORMAT, f"{name}: an OLE2 file that is neither Word nor Excel"
    )


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096].removeprefix(_UTF8_BOM).lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<!--"):
        return b"<html" in head
    return head.startswith(_HTML_STARTS)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    # UTF-16 text has NULs too; its BOM says so.
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in sample


def detect_format(data: bytes, name: str) -> str:
    """The contract's format name (txt, docx, pdf, html, xlsx, doc, xls) of these bytes."""
    suffix = Path(name).suffix.lower().lstrip(".")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGICS):
        return _zip_format(data, name)
    if data.startswith(_OLE2_MAGIC):
        return _ole2_format(data, name, suffix)
    if data.startswith(b"{\\rtf"):
        # Old portals save Word documents as RTF under a .doc name; LibreOffice reads both.
        return "doc"
    if _looks_like_html(data):
        return "html"
    if _looks_binary(data):
        raise errors.DocumentRejected(
            errors.UNSUPPORTED_FORMAT, f"{name}: binary content of no known document type"
        )
    if suffix in {"html", "htm", "shtml"}:
        return "html"
    if suffix in {"docx", "xlsx", "pdf", "doc", "xls"}:
        raise errors.DocumentRejected(
            errors.CORRUPT, f"{name}: named .{suffix} but the bytes are not a {suffix} file"
        )
    # Text under any other name (.txt, none, a portal's .jsp export) is read as text.
    return "txt"


def _read_by_format(fmt: str, data: bytes, name: str) -> Document:
    if fmt == "txt":
        from ingestion.documents.txt import read_txt

        return read_txt(data)
    if fmt == "docx":
        from ingestion.documents.docx import read_docx

        return read_docx(data, name)
    if fmt == "xlsx":
        from ingestion.documents.xlsx import read_xlsx

        return read_xlsx(data, name)
    if fmt == "pdf":
        from ingestion.documents.pdf import read_pdf

        return read_pdf(data, name)
    if fmt == "html":
        from ingestion.documents.html import read_html

        return read_html(data, name)
    if fmt in {"doc", "xls"}:
        from ingestion.documents.doc import read_legacy_office

        return read_legacy_office(data, name, fmt)
    raise errors.DocumentRejected(errors.UNSUPPORTED_FORMAT, f"no reader for format {fmt!r} ({name})")


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise errors.DocumentRejected(
            errors.OVERSIZED, f"{name} is {size} bytes, over the {max_bytes}-byte limit"
        )


def read_document(data: bytes, name: str, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """Bytes of one file -> ``Document``; raises ``DocumentRejected`` with a specific reason.

    ``max_bytes``: larger files are rejected as oversized before any parsing.
    """
    if not data:
        raise errors.DocumentRejected(errors.EMPTY, f"{name} is empty (0 bytes)")
    _check_size(len(data), name, max_bytes)
    if not data.strip():
        raise errors.DocumentRejected(errors.EMPTY, f"{name} holds only whitespace")
    return _read_by_format(detect_format(data, name), data, name)


def read_path(path: str | Path, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """The file at ``path`` -> ``Document``; an oversized file is rejected without being read."""
    path = Path(path)
    try:
        _check_size(path.stat().st_size, path.name, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise errors.DocumentRejected(errors.CORRUPT, f"cannot read {path}: {exc.strerror}") from exc
    return read_document(data, path.name, max_bytes=max_bytes)
