"""An indicator table that does not add up is read again; failing that, a warning names the rule."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from ingestion.documents.read import read_document
from ingestion.parsing.tables import extract_tables

from .conftest import make_document

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]
ROWS = [
    ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "30", "30", ""],
    ["", "质量指标", "合格率", "100%", "98%", "30", "28", "个别学员缺考"],
    ["效益指标", "社会效益指标", "知晓率", "≥90%", "95%", "40", "35", ""],
]


def _ragged_word_form() -> bytes:
    """A Word form whose label column is merged down the indicator rows while the header row
    has one cell fewer and leaves the grid's last column empty: by grid place the header's
    columns stand one to the left of the values."""
    word = docx.Document()
    word.add_paragraph("项目支出绩效自评表")
    table = word.add_table(rows=len(ROWS) + 2, cols=len(HEADER) + 1)
    for col, text in enumerate(HEADER):
        table.cell(0, col).text = text
    for row, values in enumerate(ROWS, start=1):
        for col, text in enumerate(values, start=1):
            table.cell(row, col).text = text
    table.cell(1, 0).merge(table.cell(len(ROWS), 0)).text = "绩效指标"
    total = table.cell(len(ROWS) + 1, 0).merge(table.cell(len(ROWS) + 1, 5))
    total.text = "总分"
    table.cell(len(ROWS) + 1, 6).text, table.cell(len(ROWS) + 1, 7).text = "100", "93"
    header = table.rows[0]._tr
    header.remove(header.findall(qn("w:tc"))[-1])
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_a_table_misread_by_its_grid_is_read_again_by_content() -> None:
    document = read_document(_ragged_word_form(), "form.docx")

    facts = extract_tables(document)

    assert [(i["level1"], i["name"], i["weight"], i["score"]) for i in facts.indicators] == [
        ("产出指标", "培训人次", 30, 30),
        ("产出指标", "合格率", 30, 28),
        ("效益指标", "知晓率", 40, 35),
    ]
    assert facts.self_score == 93
    assert any("grid-aligned" in w and "fit-aligned" in w for w in facts.warnings), facts.warnings
    assert not any(w.startswith("score_total") for w in facts.warnings)
    for pointer, cite in facts.evidence.items():
        assert document.text[cite["start"] : cite["end"]] == cite["text"], pointer
    assert facts.evidence["/indicators/1/score"]["text"] == "28"


def test_a_table_no_reading_adds_up_keeps_its_values_and_names_the_rule() -> None:
    document = make_document("自评表", [HEADER, *ROWS, ["总分", "100", "96"]])

    facts = extract_tables(document)

    assert [i["score"] for i in facts.indicators] == [30, 28, 35]
    assert facts.self_score == 96
    [warning] = [w for w in facts.warnings if w.startswith("score_total")]
    assert "93" in warning and "96" in warning
