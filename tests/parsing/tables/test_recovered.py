from __future__ import annotations

import pytest

from ingestion.documents.model import Paragraph, Table
from ingestion.parsing.tables.recovered import pipe_row, recovered_blocks


def paragraph(text: str, start: int = 10) -> Paragraph:
    return Paragraph(text, start, start + len(text))


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        pytest.param(
            "总额 | 0.00 | 3.36 | 100% | ||||", ["总额", "0.00", "3.36", "100%"], id="padding pipes dropped"
        ),
        pytest.param("| a | b |", ["a", "b"], id="leading and closing pipe"),
        pytest.param("合计 | 100 |", ["合计", "100"], id="two cells"),
        pytest.param("存在问题 |", None, id="one pipe is no row"),
        pytest.param("收入与支出的比较", None, id="no pipe"),
    ],
)
def test_pipe_row(text: str, cells: list[str] | None) -> None:
    row = pipe_row(paragraph(text))
    assert (None if row is None else [c.text for c in row]) == cells


def test_pipe_row_cells_keep_offsets() -> None:
    text = "总额 |  12.5 | 10 |"
    row = pipe_row(paragraph(text, start=100))
    assert row is not None
    assert [(c.start - 100, c.end - 100) for c in row] == [(0, 2), (6, 10), (13, 15)]
    assert all(text[c.start - 100 : c.end - 100] == c.text for c in row)


def test_single_pipe_line_stays_a_paragraph() -> None:
    blocks = list(recovered_blocks([paragraph("a | b | c |"), paragraph("正文一句。")]))
    assert all(isinstance(b, Paragraph) for b in blocks)


def test_spaced_rows_need_a_header_line() -> None:
    lines = ["产出指标 数量指标 道路里程 80 82 30 30", "效益指标 社会效益 满意度 90 95 20 20"]
    blocks = list(recovered_blocks([paragraph(t, i * 50) for i, t in enumerate(lines)]))
    assert all(isinstance(b, Paragraph) for b in blocks)
    header = "一级指标 二级指标 三级指标 指标值 完成值 分值 得分"
    blocks = list(recovered_blocks([paragraph(t, i * 50) for i, t in enumerate([header, *lines])]))
    assert len(blocks) == 1 and isinstance(blocks[0], Table) and len(blocks[0].rows) == 3


def test_spaced_header_completed_by_its_second_line() -> None:
    from ingestion.parsing.tables import extract_tables
    from tests.parsing.tables.conftest import make_document

    document = make_document(
        "绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因",
        "指标值 完成值",
        "产出指标 数量指标 修缮面积 600平方米 600平方米 10 10",
        "质量指标 验收合格率 100% 95% 10 9",
    )
    indicators = extract_tables(document).indicators
    assert [(i["name"], i["target"], i["actual"], i["score"]) for i in indicators] == [
        ("修缮面积", "600平方米", "600平方米", 10),
        ("验收合格率", "100%", "95%", 9),
    ]
