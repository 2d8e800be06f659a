"""Format detection by content, then by name, and the rejections a drop folder really produces."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ingestion import errors
from ingestion.documents import read
from ingestion.documents.read import detect_format, read_document, read_path
from ingestion.settings import load_settings

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip_with(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "name", "expected"),
    [
        pytest.param(lambda f: f.docx(), "report.txt", "docx", id="docx saved under a .txt name"),
        pytest.param(lambda f: f.docx(), "report", "docx", id="docx with no suffix"),
        pytest.param(lambda f: f.xlsx(), "自评表.docx", "xlsx", id="xlsx under a .docx name"),
        pytest.param(lambda f: f.pdf(), "report.html", "pdf", id="pdf under an .html name"),
        pytest.param(
            lambda f: b"\xef\xbb\xbf \n\t<!DOCTYPE html><html></html>",
            "report.doc",
            "html",
            id="html with BOM and whitespace under a .doc name",
        ),
        pytest.param(lambda f: b"<html><body>x</body></html>", "a.txt", "html", id="html under .txt"),
        pytest.param(lambda f: "一、基本情况".encode("gb18030"), "report.txt", "txt", id="gb18030 text"),
        pytest.param(lambda f: "一、基本情况".encode("gb18030"), "report.jsp", "txt", id="text under .jsp"),
        pytest.param(lambda f: OLE2_HEADER, "old.doc", "doc", id="OLE2 named .doc"),
        pytest.param(
            lambda f: OLE2_HEADER + "WordDocument".encode("utf-16-le"),
            "old.bin",
            "doc",
            id="OLE2 holding a WordDocument stream",
        ),
        pytest.param(
            lambda f: OLE2_HEADER + "Workbook".encode("utf-16-le"),
            "old",
            "xls",
            id="OLE2 holding a Workbook stream",
        ),
        pytest.param(lambda f: b"{\\rtf1\\ansi hello}", "old.doc", "doc", id="RTF saved as .doc"),
    ],
)
def test_detect_format_trusts_bytes_over_names(
    files: Any, make: Callable[[Any], bytes], name: str, expected: str
) -> None:
    assert detect_format(make(files), name) == expected


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        pytest.param(b"", "empty.docx", errors.EMPTY, id="zero bytes"),
        pytest.param(b" \r\n\t ", "blank.txt", errors.EMPTY, id="only whitespace"),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
            "scan.png",
            errors.UNSUPPORTED_FORMAT,
            id="an image, not a report",
        ),
        pytest.param(
            bytes(range(256)) * 4, "report.txt", errors.UNSUPPORTED_FORMAT, id="binary junk named .txt"
        ),
        pytest.param(
            _zip_with(["content.xml", "mimetype"]),
            "report.odt",
            errors.UNSUPPORTED_FORMAT,
            id="a zip that is no Office Open XML file",
        ),
        pytest.param(b"this is plain text", "report.docx", errors.CORRUPT, id="text named .docx"),
        pytest.param(
            OLE2_HEADER + "EncryptedPackage".encode("utf-16-le"),
            "secret.docx",
            errors.ENCRYPTED,
            id="password-protected docx (OLE2 encrypted package)",
        ),
        pytest.param(
            OLE2_HEADER + b"\x01\x02",
            "thing.bin",
            errors.UNSUPPORTED_FORMAT,
            id="OLE2 that is neither Word nor Excel",
        ),
    ],
)
def test_unreadable_drops_are_rejected_with_a_specific_reason(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(errors.DocumentRejected) as rejected:
        read_document(data, name)
    assert rejected.value.reason == reason
    assert name in rejected.value.message


def test_oversized_document_is_rejected_before_parsing(files: Any) -> None:
    data = files.docx()

    with pytest.raises(errors.DocumentRejected) as rejection:
        read_document(data, "big.docx", max_bytes=len(data) - 1)
    assert rejection.value.reason == errors.OVERSIZED
    assert f"over the {len(data) - 1}-byte limit" in rejection.value.message


def test_document_exactly_at_the_limit_is_read(files: Any) -> None:
    data = files.docx()

    assert read_document(data, "big.docx", max_bytes=len(data)).format == "docx"


def test_default_limit_is_the_settings_default(files: Any) -> None:
    assert read.MAX_DOCUMENT_BYTES == load_settings().max_document_bytes == 50 * 1024 * 1024
    assert read_document(files.docx(), "report.docx").format == "docx"


def test_limit_from_the_environment_reaches_the_reader(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BPW_MAX_DOCUMENT_BYTES", "262144")
    path = tmp_path / "report.txt"
    path.write_bytes("一、基本情况\n".encode() * 30_000)  # ~ 510 KiB of text

    with pytest.raises(errors.DocumentRejected) as rejection:
        read_path(path, max_bytes=load_settings().max_document_bytes)
    assert rejection.value.reason == errors.OVERSIZED
    assert "262144-byte limit" in rejection.value.message


@pytest.mark.parametrize("value", [pytest.param("0", id="zero"), pytest.param("50MB", id="with a unit")])
def test_a_bad_limit_in_the_environment_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("BPW_MAX_DOCUMENT_BYTES", value)

    with pytest.raises(ValueError, match="BPW_MAX_DOCUMENT_BYTES"):
        load_settings()


def test_read_path_reads_the_file_by_content(tmp_path: Path, files: Any) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(files.docx())

    document = read_path(path)

    assert document.format == "docx"
    assert document.paragraphs().__next__().text == files.report.paragraph_texts()[0]


def test_read_path_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(errors.DocumentRejected) as rejected:
        read_path(tmp_path / "gone.pdf")
    assert "gone.pdf" in rejected.value.message
