from __future__ import annotations

import re
from decimal import Decimal

import pytest

from ingestion.documents.model import Cell
from ingestion.parsing.tables.cells import (
    WAN,
    YUAN,
    clean_label,
    clean_text,
    money_figure,
    number,
    score_figure,
    strip_points_note,
    unit_of,
    wan_string,
)

WAN_PATTERN = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def cell(text: str, start: int = 100) -> Cell:
    return Cell(text=text, start=start, end=start + len(text))


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        pytest.param("113.50", WAN, "113.50", id="trailing zero kept as written"),
        pytest.param("1,682.24", WAN, "1682.24", id="thousands separators"),
        pytest.param("１６８２．２４", WAN, "1682.24", id="full-width digits and point"),
        pytest.param("12万元", WAN, "12", id="unit inside the cell"),
        pytest.param("-3.5", WAN, "-3.5", id="negative"),
        pytest.param("1,039,220", YUAN, "103.922", id="yuan to wan exactly"),
        pytest.param("10000", YUAN, "1", id="yuan to a whole wan"),
        pytest.param("0", YUAN, "0", id="zero yuan"),
        pytest.param("1.23", YUAN, "0.000123", id="fen stay exact"),
        pytest.param("0.19亿元", WAN, "1900", id="the cell's own unit wins over the header's"),
    ],
)
def test_money_cells_become_wan_strings(text: str, unit: str, expected: str) -> None:
    figure = money_figure(cell(text))
    assert figure is not None
    value = wan_string(figure, unit)
    assert WAN_PATTERN.match(value)
    assert Decimal(value) == Decimal(expected)
    if unit == WAN:
        assert value == expected  # digits as written


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("——", id="double em dash"),
        pytest.param(" - ", id="hyphen"),
        pytest.param("/", id="slash"),
        pytest.param("详见附表", id="words"),
        pytest.param("2023年", id="a year is not an amount"),
        pytest.param("1,2", id="comma that groups no thousands"),
    ],
)
def test_cells_that_state_no_amount(text: str) -> None:
    assert money_figure(cell(text)) is None


def test_figure_offsets_point_into_the_document() -> None:
    figure = money_figure(cell(" 418.76万元", start=10))
    assert figure is not None
    assert (figure.start, figure.end) == (11, 17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("20", 20, id="integral"),
        pytest.param("9.5分", 9.5, id="half point with unit"),
        pytest.param("100%", 100, id="percentage"),
        pytest.param("１０", 10, id="full width"),
        pytest.param("\u3000", None, id="ideographic space"),
    ],
)
def test_scores(text: str, expected: int | float | None) -> None:
    figure = score_figure(cell(text))
    got = number(figure.value) if figure else None
    assert got == expected
    assert type(got) is type(expected)


def test_number_is_int_only_when_integral() -> None:
    assert isinstance(number(Decimal("10.0")), int)
    assert number(Decimal("8.25")) == 8.25


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("   1、公务用车购置及运行维护费", "公务用车购置及运行维护费", id="arabic numbering"),
        pytest.param("       其中：公车购置", "公车购置", id="其中 prefix"),
        pytest.param("项目支出：", "项目支出", id="trailing colon"),
        pytest.param("（二）出国经费", "出国经费", id="parenthesised chinese numbering"),
        pytest.param("三公经费", "三公经费", id="a numeral that is part of the word"),
        pytest.param("2. 其中:公务接待", "公务接待", id="numbering then 其中"),
    ],
)
def test_clean_label(text: str, expected: str) -> None:
    assert clean_label(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("产出指标\n(40分)", "产出指标", id="half-width brackets"),
        pytest.param("成本指标（20分）", "成本指标", id="full-width brackets"),
        pytest.param("满意度指标10分", "满意度指标", id="no brackets"),
        pytest.param("数量指标", "数量指标", id="nothing to strip"),
    ],
)
def test_strip_points_note(text: str, expected: str) -> None:
    assert strip_points_note(clean_text(text) or "") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("经济效\n益指标", "经济效益指标", id="chinese wraps without a space"),
        pytest.param("Wi-Fi\ncoverage", "Wi-Fi coverage", id="latin words keep a space"),
        pytest.param("\u3000 \n", None, id="only whitespace"),
    ],
)
def test_clean_text(text: str, expected: str | None) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("金额单位：万元", WAN, id="caption"),
        pytest.param("单位:元", YUAN, id="yuan caption"),
        pytest.param("经费控制情况（万元）", WAN, id="header in brackets"),
        pytest.param("预算金额(元)", YUAN, id="yuan header"),
        pytest.param("财政供养人员情况（人）", None, id="not money"),
        pytest.param("一般公共预算：1682.24", None, id="no unit"),
    ],
)
def test_unit_of(text: str, expected: str | None) -> None:
    assert unit_of(text) == expected
