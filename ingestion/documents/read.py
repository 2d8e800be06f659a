"""Pick the reader for a file by its content (magic bytes first, then the name) and run it."""

from __future__ import annotations

from pathlib import Path

from ingestion import errors
from ingestion.documents.model import Document

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def detect_format(data: bytes, name: str) -> str:
    """The contract's format name (txt, docx, pdf, html, xlsx, doc, xls) of these bytes."""
    suffix = Path(name).suffix.lower().lstrip(".")
    if data.startswith(b"%PDF"):
        return "pdf"
    if suffix in {"html", "htm"}:
        return "html"
    if suffix in {"txt", "text", ""}:
        return "txt"
    raise errors.DocumentRejected(errors.UNSUPPORTED_FORMAT, f"no reader for {name!r}")


def read_document(data: bytes, name: str) -> Document:
    """Bytes of one file -> ``Document``; raises ``DocumentRejected`` with a specific reason."""
    if not data:
        raise errors.DocumentRejected(errors.EMPTY, f"{name} is empty (0 bytes)")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise errors.DocumentRejected(
            errors.OVERSIZED, f"{name} is {len(data)} bytes, over the {MAX_DOCUMENT_BYTES}-byte limit"
        )
    fmt = detect_format(data, name)
    if fmt == "txt":
        from ingestion.documents.txt import read_txt

        return read_txt(data)
    raise errors.DocumentRejected(errors.UNSUPPORTED_FORMAT, f"no reader for format {fmt!r} ({name})")


def read_path(path: str | Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise errors.DocumentRejected(errors.CORRUPT, f"cannot read {path}: {exc.strerror}") from exc
    return read_document(data, path.name)
