"""Segmentation of plain text into paragraphs and tables."""

from __future__ import annotations

from ingestion.documents.model import DocumentBuilder, Paragraph, Table
from ingestion.documents.plaintext import add_plain_text


def _blocks(text: str) -> list[Paragraph | Table]:
    builder = DocumentBuilder("txt")
    add_plain_text(builder, text)
    return builder.build().blocks


def _tables(text: str) -> list[list[list[str]]]:
    return [b.texts() for b in _blocks(text) if isinstance(b, Table)]


def test_flattened_table_rows_and_cells() -> None:
    text = "附件\n\t项目名称\n\t预算金额\n\n\t城乡建设\n\t318.40\n\n\n说明：以上为万元。\n"
    blocks = _blocks(text)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert _tables(text) == [[["项目名称", "预算金额"], ["城乡建设", "318.40"]]]


def test_cell_continued_on_lines_without_a_tab() -> None:
    text = "\t年度预\n算申请\n（万元）\n\t\n\t年初预算数\n"
    assert _tables(text) == [[["年度预\n算申请\n（万元）", "", "年初预算数"]]]


def test_incomplete_row_continues_across_one_empty_line() -> None:
    text = "\t一级\n\t二级\n\t三级\n\n\t\n\t产出指标\n\n(40分)\n\t数量指标\n\n说明\n"
    assert _tables(text) == [[["一级", "二级", "三级"], ["", "产出指标\n(40分)", "数量指标"]]]


def test_short_line_after_a_complete_table_is_a_paragraph() -> None:
    text = "\t甲\n\t乙\n\n\t1\n\t2\n\n附件3\n\t丙\n"
    blocks = _blocks(text)
    assert [type(b).__name__ for b in blocks] == ["Table", "Paragraph", "Table"]


def test_full_width_space_line_is_padding_not_a_row_break() -> None:
    text = "\t甲\n\t乙\n\t丙\n\n\t\n\t效益指标\n\n（20分）\n\u3000\n\t经济效益\n"
    assert _tables(text)[0][1] == ["", "效益指标\n（20分）", "经济效益"]


def test_pipe_table() -> None:
    text = "| 项目 | 金额 |\n|---|---|\n| 城市管理 | 887 |\n"
    assert _tables(text) == [[["项目", "金额"], ["城市管理", "887"]]]


def test_wide_gap_lines_with_numbers_become_a_table() -> None:
    text = "项目名称    预算数    执行数\n城乡建设    318.40    301.26\n"
    assert _tables(text) == [[["项目名称", "预算数", "执行数"], ["城乡建设", "318.40", "301.26"]]]


def test_single_gapped_line_stays_a_paragraph() -> None:
    assert [type(b).__name__ for b in _blocks("标题  副标题  日期 2021\n")] == ["Paragraph"]


def test_bookmark_residue_is_dropped() -> None:
    blocks = _blocks("[bookmark: _GoBack]主要存在问题。\n")
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "主要存在问题。"
