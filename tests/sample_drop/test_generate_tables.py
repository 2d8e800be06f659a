"""The generator's forms in the layouts real tools produce, as their files carry them.

Word's merged label column is real ``vMerge``/``gridSpan`` markup, HTML's is ``rowspan``/
``colspan``, and PDF tables are ruled boxes whose cells wrap over several lines; every layout
of the self-evaluation form and of the key-project table is read back to the facts it states.
"""

from __future__ import annotations

import random
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ingestion.documents.pdf_grid import find_tables, place_chars
from ingestion.documents.pdf_page import read_page
from ingestion.documents.read import read_document
from ingestion.parsing.tables import extract_tables
from sample_drop import key_project_table, tables
from sample_drop.document import ReportDocument
from sample_drop.facts import Amount, ReportFacts
from sample_drop.invent import invent_facts
from sample_drop.pdf_font import subset_font
from sample_drop.regions import pick_regions
from sample_drop.render_docx import render_docx
from sample_drop.render_html import PageInfo, render_html
from sample_drop.render_pdf import render_pdf
from sample_drop.units import invent_units

PAGE = PageInfo(
    "某某区人民政府", "自评表", "某某区财政局", "2024-05-01", "000000000/2024-00001", "0000-0000000"
)


def _facts(kind: str, seed: int) -> ReportFacts:
    rng = random.Random(seed)
    unit = invent_units(rng, pick_regions(rng, 1)[0], 1)[0]
    return invent_facts(rng, kind, unit, 2023)


def _rendered(document: ReportDocument, fmt: str, folder: Path) -> bytes:
    if fmt == "docx":
        return render_docx(document)
    if fmt == "html":
        return render_html(document, PAGE).encode("utf-8")
    return render_pdf(document, subset_font("".join(document.text_lines()), folder))


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
@pytest.mark.parametrize("layout", tables.LAYOUTS)
def test_every_self_evaluation_layout_reads_back_its_facts(layout: str, fmt: str, tmp_path: Path) -> None:
    facts = _facts("project_expenditure", seed=3)
    document = ReportDocument(title_lines=["项目支出绩效自评表"])
    document.add(tables.self_evaluation_table(facts, facts.project_name, layout))

    read = extract_tables(read_document(_rendered(document, fmt, tmp_path), f"form.{fmt}"))

    assert [(i["level1"], i["level2"], i["name"]) for i in read.indicators] == [
        (i.level1, i.level2, i.name) for i in facts.indicators
    ]
    assert [i["score"] for i in read.indicators] == [float(i.score) for i in facts.indicators]
    assert read.self_score == facts.self_score
    assert facts.execution is not None and read.budget_execution is not None
    assert read.budget_execution["executed_wan"] == facts.execution.executed.text
    assert not any(w.startswith(("score_total", "indicator table")) for w in read.warnings), read.warnings


def test_word_forms_merge_the_label_column_as_word_does() -> None:
    facts = _facts("overall_expenditure", seed=5)
    column, beside = (
        _document_xml(render_docx(ReportDocument([], [tables.self_evaluation_table(facts, None, layout)])))
        for layout in ("label_column", "label_beside")
    )
    restart = r'<w:vMerge w:val="restart"/>(?:(?!</w:tc>).)*<w:t>绩效指标</w:t>'
    assert re.search(restart, column) and re.search(restart, beside)
    # Beside the label, the header's 一级指标 spans the label column and its own.
    assert re.search(r'<w:gridSpan w:val="2"/>(?:(?!</w:tc>).)*<w:t>一级指标</w:t>', beside)
    assert not re.search(r'<w:gridSpan w:val="2"/>(?:(?!</w:tc>).)*<w:t>一级指标</w:t>', column)


def test_html_forms_merge_the_label_column_with_rowspan() -> None:
    facts = _facts("overall_expenditure", seed=5)
    page = render_html(ReportDocument([], [tables.self_evaluation_table(facts, None, "label_column")]), PAGE)
    assert re.search(rf'<td rowspan="{len(facts.indicators) + 1}">绩效指标</td>', page)


def test_pdf_tables_are_ruled_boxes_with_cells_of_several_lines(tmp_path: Path) -> None:
    facts = _facts("overall_expenditure", seed=5)
    document = ReportDocument([], [tables.self_evaluation_table(facts, None, "label_column")])
    data = _rendered(document, "pdf", tmp_path)

    page = read_page(pdfium.PdfDocument(data)[0])
    [table] = find_tables(page.edges)
    place_chars([table], page.chars)
    baselines = [len({round(char.baseline) for char in cell.chars}) for cell in table.cells]
    assert max(baselines) >= 2, "some cell wraps its text over several lines"
    # Glyph boxes touch the rulings: no padding above or below the text.
    gaps = [min(char.top for char in cell.chars) - cell.bbox[1] for cell in table.cells if cell.chars]
    assert min(gaps) < 1.0


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
@pytest.mark.parametrize("layout", key_project_table.LAYOUTS)
def test_every_key_project_layout_reads_back_projects_and_totals(
    layout: str, fmt: str, tmp_path: Path
) -> None:
    facts = _facts("key_projects", seed=7)
    document = ReportDocument(title_lines=["重点项目绩效评价情况"])
    document.add(key_project_table.key_project_table(random.Random(1), facts, layout))

    read = extract_tables(read_document(_rendered(document, fmt, tmp_path), f"projects.{fmt}"))

    def text(amount: Amount | None) -> str | None:
        return amount.text if amount is not None else None

    assert [(p["name"], p["budget_wan"], p["spent_wan"]) for p in read.projects] == [
        (p.name, text(p.budget), text(p.spent)) for p in facts.projects
    ]
    assert read.amounts["project"] == facts.amounts["project"].text
    assert read.amounts["project_budget"] == facts.amounts["project_budget"].text
