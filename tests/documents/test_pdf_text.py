"""Joining PDF lines back into paragraphs and closing up layout spaces."""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.documents.pdf_text import join_lines, tidy_spacing


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [("项目资金用于农村公路", True), ("养护和维修。", False)],
            ["项目资金用于农村公路养护和维修。"],
            id="mid-sentence break joined",
        ),
        pytest.param(
            [("资金到位率100%。", True), ("执行率95%。", False)],
            ["资金到位率100%。", "执行率95%。"],
            id="sentence end breaks",
        ),
        pytest.param(
            [("主要做法如下", True), ("（一）加强管理", False)],
            ["主要做法如下", "（一）加强管理"],
            id="heading number breaks",
        ),
        pytest.param(
            [("一、基本情况", False), ("我单位共有人员", True), ("58人。", False)],
            ["一、基本情况", "我单位共有人员58人。"],
            id="short line ends its paragraph",
        ),
        pytest.param(
            [("人员经费124", True), ("0.60万元。", False)],
            ["人员经费1240.60万元。"],
            id="number wrapped across lines",
        ),
        pytest.param(
            [("资金", True), ("- 3 -", False), ("使用。", False)],
            ["资金使用。"],
            id="page number between dropped",
        ),
        pytest.param([("第 2 页 共 9 页", False)], [], id="page x of y dropped"),
        pytest.param([("Total", True), ("amount", False)], ["Total amount"], id="latin words keep a space"),
    ],
)
def test_join_lines(lines: list[tuple[str, bool]], expected: Any) -> None:
    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("共 28 个", "共28个", id="spaces around a count"),
        pytest.param("支出 2 846.27 万元", "支出2846.27万元", id="thousands grouped with a space"),
        pytest.param("12 345 678.00元", "12345678.00元", id="several groups"),
        pytest.param("2021 100", "2021 100", id="two numbers stay apart"),
        pytest.param("绩 效 自 评", "绩效自评", id="spaced Chinese"),
        pytest.param("GDP growth 5 %", "GDP growth 5 %", id="latin text untouched"),
    ],
)
def test_tidy_spacing(line: str, expected: Any) -> None:
    assert tidy_spacing(line) == expected
