"""Headings, their levels (repaired when numbering lost its style) and section bodies."""

from __future__ import annotations

import pytest

from ingestion.documents.model import Document, DocumentBuilder, Paragraph
from ingestion.documents.plaintext import add_plain_text
from ingestion.parsing.sections import heading_of, outline


def document_of(text: str) -> Document:
    builder = DocumentBuilder("txt")
    add_plain_text(builder, text)
    return builder.build()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("一、基本情况", (1, "基本情况"), id="chinese numeral"),
        pytest.param("（一）单位基本情况", (2, "单位基本情况"), id="parenthesised numeral"),
        pytest.param("2、 基本支出情况", (3, "基本支出情况"), id="arabic numeral"),
        pytest.param("（2） 项目支出情况", (4, "项目支出情况"), id="parenthesised digit"),
        pytest.param("（一）存在问题：", (2, "存在问题"), id="trailing colon"),
        pytest.param("基本支出情况", (None, "基本支出情况"), id="bare heading"),
        pytest.param("1、 机构情况。本所下设综合股、业务股两个股室。", None, id="numbered sentence"),
        pytest.param("1.5万元用于办公", None, id="decimal is not numbering"),
        pytest.param("部门整体支出绩效自评报告", None, id="title"),
        pytest.param("③ 项目支出情况", (5, "项目支出情况"), id="circled digit"),
        pytest.param("⑵ 项目支出情况", (5, "项目支出情况"), id="parenthesised digit character"),
        pytest.param("❷项目支出情况", (5, "项目支出情况"), id="dingbat digit"),
        pytest.param("２、项目支出情况", (3, "项目支出情况"), id="full-width digit"),
        pytest.param("（十二）项目支出情况", (2, "项目支出情况"), id="two-character chinese numeral"),
    ],
)
def test_heading_of(line: str, expected: tuple[int | None, str] | None) -> None:
    assert heading_of(Paragraph(line, 0, len(line))) == expected


def test_lost_numbering_style_joins_the_level_it_continues() -> None:
    document = document_of("七、存在的问题\n（一）预算编制不细。\n8、 下一步改进措施\n加强管理。\n")
    sections = outline(document)
    assert [(s.level, s.title) for s in sections] == [(1, "存在的问题"), (1, "下一步改进措施")]
    assert [p.text for p in sections[0].subtree_paragraphs()] == ["（一）预算编制不细。"]


def test_subtree_includes_deeper_headings() -> None:
    document = document_of("三、存在问题和改进措施\n（一）存在问题：\n问题甲。\n（二）改进措施：\n措施乙。\n")
    top = outline(document)[0]
    assert [p.text for p in top.subtree_paragraphs()] == [
        "（一）存在问题：",
        "问题甲。",
        "（二）改进措施：",
        "措施乙。",
    ]


@pytest.mark.parametrize(
    "numbering",
    [
        pytest.param(["一、", "①", "②", "⑳"], id="circled"),
        pytest.param(["一、", "⑴", "⑵"], id="parenthesised characters"),
        pytest.param(["一、", "⒈", "⒉"], id="digits with a full stop"),
        pytest.param(["一、", "❶", "❷"], id="dingbats"),
        pytest.param(["一、", "１、", "２、"], id="full-width"),
        pytest.param(["１、", "（一）", "③", "二、", "(2)", "❹"], id="mixed styles"),
    ],
)
def test_any_unicode_numeral_heading_is_outlined(numbering: list[str]) -> None:
    text = "".join(f"{label}某项情况\n正文一句。\n" for label in numbering)
    sections = outline(document_of(text))
    assert [s.title for s in sections] == ["某项情况"] * len(numbering)


def test_a_circled_heading_continues_the_count_of_its_level() -> None:
    sections = outline(document_of("一、支出情况\n①基本支出\n正文。\n②项目支出\n正文。\n"))
    assert [s.level for s in sections] == [1, 5, 5]


@pytest.mark.parametrize("numeral", list("¹²③⑽⒚⓫❿➓㊀Ⅻ١٢"))
def test_unusual_numerals_never_break_the_outline(numeral: str) -> None:
    text = f"一、情况\n{numeral}、某项情况\n{numeral}某项情况\n（{numeral}）某项情况\n{numeral}.某项情况\n"
    assert outline(document_of(text))[0].title == "情况"
