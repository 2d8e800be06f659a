"""Old .doc/.xls go through LibreOffice when it is installed, and are refused clearly when not."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest

from ingestion import errors
from ingestion.documents.read import read_document

OLE2_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")


@pytest.mark.parametrize(
    ("data", "name", "extension"),
    [
        pytest.param(OLE2_WORD, "2021年 报告; rm -rf ~.doc", ".doc", id="doc with a hostile name"),
        pytest.param(b"{\\rtf1\\ansi report}", "old.doc", ".rtf", id="rtf saved as doc"),
    ],
)
def test_without_libreoffice_the_converter_is_reported_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data: bytes, name: str, extension: str
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no soffice on the path

    with pytest.raises(errors.DocumentRejected) as rejected:
        read_document(data, name)

    assert rejected.value.reason == errors.CONVERTER_MISSING
    assert "LibreOffice is not installed" in rejected.value.message
    assert extension in rejected.value.message


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
def test_doc_converted_by_libreoffice_reads_like_the_docx(files: Any, tmp_path: Path) -> None:
    # Word ends a body with a paragraph; LibreOffice's .doc export drops a table that ends it.
    report = docx.Document(io.BytesIO(files.docx()))
    report.add_paragraph("（完）")
    source = tmp_path / "report.docx"
    report.save(str(source))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )

    document = read_document((tmp_path / "report.doc").read_bytes(), "report.doc")

    assert document.format == "doc"
    assert [t.texts() for t in document.tables()] == [files.report.table_texts()]
    # LibreOffice keeps decimal list labels but writes Chinese counting as "none": compare bodies.
    bodies = [p.text.removeprefix(p.numbering or "") for p in document.paragraphs()]
    assert bodies == [text for _, text in files.report.paragraphs] + ["（完）"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
def test_xls_converted_by_libreoffice_keeps_the_merged_table(files: Any, tmp_path: Path) -> None:
    source = tmp_path / "自评表.xlsx"
    source.write_bytes(files.xlsx())
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )

    document = read_document((tmp_path / "自评表.xls").read_bytes(), "自评表.xls")

    assert document.format == "xls"
    assert [t.texts() for t in document.tables()] == [files.report.table_texts()]
