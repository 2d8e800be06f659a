"""Each rendered format opens with the library a reader would use and holds the report's text."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pdfplumber
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from sample_drop.compose import compose
from sample_drop.document import Heading
from sample_drop.invent import invent_facts
from sample_drop.regions import pick_regions
from sample_drop.render_docx import render_docx
from sample_drop.units import invent_units
from tests.sample_drop.conftest import FOLD_DIGITS, load_truths


def _joined(text: str) -> str:
    """PDF text wraps lines anywhere; compare without whitespace."""
    return re.sub(r"\s+", "", text).translate(FOLD_DIGITS)


def _key_strings(truth: dict[str, Any]) -> list[str]:
    """Strings every rendering of the report must contain."""
    strings = [str(truth["report"]["fiscal_year"])]
    strings += [p["name"] for p in truth["projects"]]
    strings += [i["name"] for i in truth["indicators"]]
    strings += [v for v in truth["amounts_wan"].values() if v not in (None, "0")]
    return strings


def test_pdf_has_an_extractable_chinese_text_layer(full_drop: Path) -> None:
    truths = load_truths(full_drop, "pdf")
    assert truths
    for truth in truths:
        with pdfplumber.open(full_drop / truth["source"]["path"]) as pdf:
            # Cells wrap inside table columns, so table text is read cell by cell.
            cells = [
                cell or ""
                for page in pdf.pages
                for table in page.extract_tables()
                for row in table
                for cell in row
            ]
            text = _joined("".join(page.extract_text() or "" for page in pdf.pages) + "|".join(cells))
        assert "绩效" in text
        for expected in _key_strings(truth):
            assert _joined(expected) in text, f"{truth['source']['path']}: {expected!r} not extracted"


def test_docx_opens_with_real_tables_and_merged_level_one_cells(full_drop: Path) -> None:
    truths = load_truths(full_drop, "docx")
    assert truths
    for truth in truths:
        word = docx.Document(str(full_drop / truth["source"]["path"]))
        body = "\n".join(p.text for p in word.paragraphs).translate(FOLD_DIGITS)
        cells = "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
        for expected in _key_strings(truth):
            assert expected in body + cells, f"{truth['source']['path']}: {expected!r}"
        if truth["indicators"]:
            table = word.tables[-1]
            first_column = [row.cells[0]._tc for row in table.rows]
            assert len(set(map(id, first_column))) < len(first_column), "level-one cells should be merged"
        if any(p["budget_wan"] for p in truth["projects"]):
            assert word.tables, "a key-project report carries its table"


def test_html_is_a_portal_page_with_the_article(full_drop: Path) -> None:
    truths = load_truths(full_drop, "html")
    assert truths
    for truth in truths:
        raw = (full_drop / truth["source"]["path"]).read_bytes()
        declared = re.search(rb'<meta charset="([^"]+)"', raw)
        assert declared and declared.group(1).decode() == truth["source"]["encoding"]
        tree = HTMLParser(raw.decode(truth["source"]["encoding"]))
        info = tree.css_first("table.xxgk-info")
        assert info is not None and truth["report"]["unit_name"] in info.text()
        article = tree.css_first("div.article-content")
        assert article is not None
        heading = tree.css_first("h1")
        assert heading is not None and heading.text() == truth["report"]["title"]
        for expected in _key_strings(truth):
            assert expected in article.text().translate(FOLD_DIGITS), (
                f"{truth['source']['path']}: {expected!r}"
            )
        if truth["indicators"]:
            assert article.css("td[rowspan]"), "merged level-one cells become rowspan"


@pytest.mark.parametrize(
    "encoding",
    [
        pytest.param("utf-8", id="utf-8"),
        pytest.param("utf-8-sig", id="utf-8 with a BOM"),
        pytest.param("gb18030", id="gb18030"),
    ],
)
def test_txt_encodings_decode_and_flatten_tables(encoding: str, text_drop: Path) -> None:
    truths = [t for t in load_truths(text_drop, "txt") if t["source"]["encoding"] == encoding]
    assert truths, f"a 60-report drop should hold {encoding} files"
    for truth in truths:
        raw = (text_drop / truth["source"]["path"]).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
        text = raw.decode(encoding)
        if truth["indicators"]:
            assert "\t一级指标\n" in text.replace("\r\n", "\n")


def test_xlsx_attachment_holds_the_self_evaluation_table(full_drop: Path) -> None:
    truths = load_truths(full_drop, "xlsx")
    assert truths, "some reports with a 自评表 should get an xlsx attachment"
    for truth in truths:
        data = (full_drop / truth["source"]["path"]).read_bytes()
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        assert sheet is not None
        values = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
        assert "总分" in values and sheet.merged_cells.ranges
        assert [i["name"] for i in truth["indicators"]] == [
            v for v in values if v in {i["name"] for i in truth["indicators"]}
        ]
        assert truth["problems"] == []
        # A project's table names the project (项目名称 | 某经费): its one project, and nothing else.
        one_project = truth["report"]["kind"] == "project_expenditure"
        at = values.index("项目名称") + 1 if "项目名称" in values else len(values)
        assert [p["name"] for p in truth["projects"]] == (values[at : at + 1] if one_project else [])


@pytest.mark.parametrize(
    "auto_numbering",
    [
        pytest.param(True, id="Word auto-numbered headings"),
        pytest.param(False, id="labels typed in the text"),
    ],
)
def test_docx_heading_labels_are_typed_or_left_to_word(auto_numbering: bool) -> None:
    rng = random.Random(2)
    unit = invent_units(rng, pick_regions(rng, 1)[0], 1)[0]
    doc = compose(rng, invent_facts(rng, "overall_expenditure", unit, 2022))
    word = docx.Document(io.BytesIO(render_docx(doc, auto_numbering=auto_numbering)))
    headings = [p for p in word.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    expected = [b for b in doc.blocks if isinstance(b, Heading)]
    assert [p.text for p in headings] == [b.text if auto_numbering else b.line for b in expected]
    numbered = [p for p in headings if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) == (len(headings) if auto_numbering else 0)
    formats = word.part.numbering_part.element.xml
    assert ('w:val="chineseCounting"' in formats) == auto_numbering
