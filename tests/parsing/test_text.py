from __future__ import annotations

import pytest

from ingestion.documents.model import Paragraph
from ingestion.parsing.text import passages


def prose_of(line: str) -> str:
    (passage,) = passages([Paragraph(line, 0, len(line))], line)
    return passage.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "绩 效 目标 2 846.27 万元",
            "绩效目标2846.27万元",
            id="spaces beside Chinese and in a grouped number",
        ),
        pytest.param("PDF export v2 ok", "PDF export v2 ok", id="spaces between ASCII words stay"),
        pytest.param("金额 12 3456 元", "金额12 3456元", id="a group of four digits is no thousands group"),
        pytest.param("比例 1.5 000 元", "比例1.5 000元", id="a group after a decimal point stays apart"),
        pytest.param("共 28 个 社区 ,1 000 人", "共28个社区,1 000人", id="a group after a comma stays apart"),
        pytest.param("附件\u3000\u30002\u3000表", "附件2表", id="ideographic spaces"),
    ],
)
def test_layout_spaces_are_dropped(line: str, expected: str) -> None:
    assert prose_of(line) == expected


def test_a_passage_cites_the_document_text_behind_it() -> None:
    line = "支出 2 846.27 万元"
    (passage,) = passages([Paragraph(line, 0, len(line))], line)
    start = passage.text.index("2846.27")
    assert passage.span(start, start + len("2846.27万元"), line).text == "2 846.27 万元"
