"""Hostile and damaged Office files are refused before python-docx or openpyxl parse them."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from ingestion import errors
from ingestion.documents import safety
from ingestion.documents.read import read_document

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


def _replace_part(docx: bytes, part: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == part else source.read(info))
    return buffer.getvalue()


def _add_part(docx: bytes, part: str, content: bytes) -> bytes:
    buffer = io.BytesIO(docx)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(part, content)
    return buffer.getvalue()


def _rejection(data: bytes, name: str) -> errors.DocumentRejected:
    with pytest.raises(errors.DocumentRejected) as rejected:
        read_document(data, name)
    return rejected.value


@pytest.mark.parametrize(
    ("part", "content"),
    [
        pytest.param("word/document.xml", BILLION_LAUGHS, id="billion laughs in the body"),
        pytest.param("word/document.xml", EXTERNAL_ENTITY, id="external entity in the body"),
        pytest.param("docProps/custom.xml", BILLION_LAUGHS, id="entity bomb in a side part"),
    ],
)
def test_docx_with_xml_declarations_is_unsafe(files: Any, part: str, content: bytes) -> None:
    data = (
        _replace_part(files.docx(), part, content)
        if part == "word/document.xml"
        else _add_part(files.docx(), part, content)
    )
    rejected = _rejection(data, "report.docx")
    assert rejected.reason == errors.UNSAFE
    assert part in rejected.message


def test_zip_bomb_is_refused_by_its_compression_ratio(files: Any) -> None:
    bomb = _add_part(files.docx(), "word/media/padding.xml", b" " * (8 * 1024 * 1024))

    rejected = _rejection(bomb, "bomb.docx")
    assert rejected.reason == errors.UNSAFE
    assert "word/media/padding.xml" in rejected.message


def test_zip_with_too_many_entries_is_refused(files: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ZIP_ENTRIES", 30)
    data = files.xlsx()
    for index in range(31):
        data = _add_part(data, f"xl/extra/{index}.bin", b"x")

    rejected = _rejection(data, "many.xlsx")
    assert rejected.reason == errors.UNSAFE
    assert "zip entries" in rejected.message


def test_total_expanded_size_is_checked_before_decompressing(
    files: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED_BYTES", 1000)

    rejected = _rejection(files.docx(), "report.docx")
    assert rejected.reason == errors.UNSAFE
    assert "expands to" in rejected.message


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95])
def test_truncated_docx_is_reported_as_truncated(files: Any, fraction: float) -> None:
    data = files.docx()
    rejected = _rejection(data[: int(len(data) * fraction)], "cut.docx")
    assert rejected.reason == errors.TRUNCATED
    assert "central directory" in rejected.message


def test_malformed_xml_part_is_corrupt(files: Any) -> None:
    data = _replace_part(files.docx(), "word/document.xml", b"<w:document><w:body>")

    rejected = _rejection(data, "broken.docx")
    assert rejected.reason == errors.CORRUPT
    assert "word/document.xml" in rejected.message


def test_damaged_compressed_data_is_corrupt(files: Any) -> None:
    data = bytearray(files.docx())
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/document.xml")
    # Overwrite the middle of the part's compressed bytes (after its 30-byte local header + name).
    body_start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    middle = body_start + info.compress_size // 2
    data[middle : middle + 16] = b"\xff" * 16

    rejected = _rejection(bytes(data), "damaged.docx")
    assert rejected.reason == errors.CORRUPT


def test_docx_missing_its_package_parts_is_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<document/>")

    rejected = _rejection(buffer.getvalue(), "bare.docx")
    assert rejected.reason == errors.CORRUPT
