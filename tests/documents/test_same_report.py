"""One report, five formats, one block model: the facts must not depend on how it was published."""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.documents.read import read_document


@pytest.mark.parametrize(
    ("format", "name"),
    [
        pytest.param("docx", "report.docx", id="docx with Word auto-numbered headings"),
        pytest.param("html", "report.html", id="portal article page"),
        pytest.param("txt", "report.txt", id="portal text export"),
        pytest.param("pdf", "report.pdf", id="pdf with embedded CJK font"),
    ],
)
def test_paragraphs_and_table_cells_match_the_report(files: Any, format: str, name: str) -> None:
    document = read_document(getattr(files, format)(), name)

    assert document.format == format
    assert [p.text for p in document.paragraphs()] == files.report.paragraph_texts()
    assert [t.texts() for t in document.tables()] == [files.report.table_texts()]


def test_spreadsheet_reads_the_same_table_under_its_sheet_title(files: Any) -> None:
    document = read_document(files.xlsx(), "自评表.xlsx")

    assert [p.text for p in document.paragraphs()] == ["自评表"]
    assert [t.texts() for t in document.tables()] == [files.report.table_texts()]


@pytest.mark.parametrize("format", ["docx", "html", "txt", "pdf", "xlsx"])
def test_offsets_point_at_the_text_they_claim(files: Any, format: str) -> None:
    document = read_document(getattr(files, format)(), f"report.{format}")

    for paragraph in document.paragraphs():
        assert document.text[paragraph.start : paragraph.end] == paragraph.text
    for table in document.tables():
        for row in table.rows:
            for cell in row:
                assert document.text[cell.start : cell.end] == cell.text
