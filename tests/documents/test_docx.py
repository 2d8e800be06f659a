"""The .docx reader: Word numbering recovered, merged cells read once, body order kept."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ingestion.documents.docx import read_docx
from ingestion.documents.docx_numbering import format_number

_LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt0}"/>'
    '<w:lvlText w:val="{text0}"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="{fmt1}"/><w:lvlText w:val="{text1}"/></w:lvl>'
)


def _numbered_document(
    fmt0: str = "chineseCounting",
    text0: str = "%1、",
    fmt1: str = "chineseCounting",
    text1: str = "（%2）",
    start: int = 1,
) -> Any:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
        + _LEVELS.format(start=start, fmt0=fmt0, text0=text0, fmt1=fmt1, text1=text1)
        + "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return document


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraphs(data: bytes) -> list[tuple[str | None, str]]:
    return [(p.numbering, p.text) for p in read_docx(data, "t.docx").paragraphs()]


def test_numbering_counts_per_level_and_restarts_deeper_levels(files: Any) -> None:
    document = _numbered_document()
    for level, text in [(0, "基本情况"), (1, "单位概况"), (1, "人员情况"), (0, "支出情况"), (1, "基本支出")]:
        files.number_paragraph(document.add_paragraph(text), "77", level)

    assert _paragraphs(_save(document)) == [
        ("一、", "一、基本情况"),
        ("（一）", "（一）单位概况"),
        ("（二）", "（二）人员情况"),
        ("二、", "二、支出情况"),
        ("（一）", "（一）基本支出"),
    ]


@pytest.mark.parametrize(
    ("fmt1", "text1", "expected"),
    [
        pytest.param("decimal", "%2.", "1.", id="decimal with dot"),
        pytest.param("decimal", "%1.%2", "1.1", id="multi-level pattern"),
        pytest.param("decimalEnclosedCircle", "%2", "①", id="circled digits"),
        pytest.param("bullet", "", None, id="bullets carry no label"),
    ],
)
def test_level_formats_render_as_word_draws_them(files: Any, fmt1: str, text1: str, expected: Any) -> None:
    document = _numbered_document(fmt0="decimal", text0="%1.", fmt1=fmt1, text1=text1)
    files.number_paragraph(document.add_paragraph("总体"), "77", 0)
    files.number_paragraph(document.add_paragraph("细项"), "77", 1)

    assert _paragraphs(_save(document))[1][0] == expected


def test_numbering_inherited_from_a_paragraph_style(files: Any) -> None:
    document = _numbered_document(start=3)
    style = document.styles.add_style("报告一级标题", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>')
    )
    document.add_paragraph("绩效目标", style="报告一级标题")
    document.add_paragraph("正文没有编号。")

    assert _paragraphs(_save(document)) == [("三、", "三、绩效目标"), (None, "正文没有编号。")]


@pytest.mark.parametrize(
    ("number", "fmt", "expected"),
    [
        pytest.param(1, "chineseCounting", "一", id="一"),
        pytest.param(10, "chineseCounting", "十", id="十"),
        pytest.param(12, "chineseCountingThousand", "十二", id="十二"),
        pytest.param(20, "chineseCounting", "二十", id="二十"),
        pytest.param(23, "chineseCounting", "二十三", id="二十三"),
        pytest.param(3, "chineseLegalSimplified", "叁", id="叁"),
        pytest.param(2, "ideographTraditional", "乙", id="乙"),
        pytest.param(4, "upperRoman", "IV", id="IV"),
        pytest.param(28, "lowerLetter", "bb", id="letters past z"),
        pytest.param(5, "decimalFullWidth", "５", id="full-width digit"),
        pytest.param(1, "bullet", None, id="bullet"),
    ],
)
def test_format_number(number: int, fmt: str, expected: Any) -> None:
    assert format_number(number, fmt) == expected


def test_merged_cells_are_read_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "绩效指标"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "产出指标"
    for row, texts in [(1, ["数量", "28个"]), (2, ["质量", "合格"])]:
        table.cell(row, 1).text, table.cell(row, 2).text = texts

    [read] = read_docx(_save(document), "t.docx").tables()

    assert read.texts() == [["绩效指标"], ["产出指标", "数量", "28个"], ["", "质量", "合格"]]


def _places(table: Any) -> list[list[tuple[str, int | None, int]]]:
    return [[(cell.text, cell.col, cell.cols) for cell in row] for row in table.rows]


def test_cells_keep_their_grid_place_beside_a_label_merged_down() -> None:
    # Word's form: 一级指标 spans the label column and the level column; 绩效指标 is merged
    # down the label column from the first data row, so data rows have one cell more.
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "一级指标"
    table.cell(0, 2).text, table.cell(0, 3).text = "三级指标", "得分"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "绩效指标"
    for row, texts in [(1, ["产出指标", "巡查次数", "18"]), (2, ["", "合格率", "10"])]:
        for offset, text in enumerate(texts):
            table.cell(row, 1 + offset).text = text

    [read] = read_docx(_save(document), "t.docx").tables()

    assert _places(read) == [
        [("一级指标", 0, 2), ("三级指标", 2, 1), ("得分", 3, 1)],
        [("绩效指标", 0, 1), ("产出指标", 1, 1), ("巡查次数", 2, 1), ("18", 3, 1)],
        [("", 0, 1), ("", 1, 1), ("合格率", 2, 1), ("10", 3, 1)],
    ]


def test_grid_before_and_legacy_horizontal_merge_move_and_widen_cells() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for col, text in enumerate(["项目名称", "预算金额", "支出金额"]):
        table.cell(0, col).text = text
    table.cell(1, 1).text = "100.5"
    second = table.rows[1]._tr
    second.remove(second.findall(qn("w:tc"))[0])  # the row starts one grid column in
    second.insert(0, parse_xml(f'<w:trPr {nsdecls("w")}><w:gridBefore w:val="1"/></w:trPr>'))
    first_cell = second.findall(qn("w:tc"))[0]
    first_cell.get_or_add_tcPr().append(parse_xml(f'<w:hMerge {nsdecls("w")} w:val="restart"/>'))
    second.findall(qn("w:tc"))[1].get_or_add_tcPr().append(parse_xml(f"<w:hMerge {nsdecls('w')}/>"))

    [read] = read_docx(_save(document), "t.docx").tables()

    assert _places(read)[1] == [("100.5", 1, 2)]


def test_paragraphs_and_tables_keep_body_order_including_content_controls() -> None:
    document = docx.Document()
    document.add_paragraph("前言")
    document.add_table(rows=1, cols=2).rows[0].cells[0].text = "表内"
    tail = document.add_paragraph("结语")
    # Wrap the last paragraph in a content control, as templates often do.
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent/></w:sdt>")
    tail._p.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(tail._p)

    read = read_docx(_save(document), "t.docx")

    assert [type(block).__name__ for block in read.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert read.text.split("\n")[-2] == "结语"


def test_multi_paragraph_cell_is_one_cell_line() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "年度预"
    cell.add_paragraph("算申请")

    [read] = read_docx(_save(document), "t.docx").tables()

    assert read.texts() == [["年度预算申请"]]
