"""Money parsing: exact 万元 decimals, never floats; non-money numbers never become amounts."""

from __future__ import annotations

import pytest

from ingestion.parsing.amounts.money import find_money, parse_money, parse_wan_number, to_wan


@pytest.mark.parametrize(
    ("written", "wan"),
    [
        pytest.param("652.40万元", "652.40", id="wan kept as written"),
        pytest.param("２８４６.２７万元", "2846.27", id="full-width digits"),
        pytest.param("2,846.27万元", "2846.27", id="thousands separators"),
        pytest.param("1039220元", "103.9220", id="yuan to wan exactly"),
        pytest.param("0.3亿元", "3000", id="yi to wan"),
        pytest.param("12千元", "1.2", id="thousand yuan"),
        pytest.param("5.0 万元", "5.0", id="space before the unit"),
    ],
)
def test_parse_money(written: str, wan: str) -> None:
    assert parse_money(written) == wan


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("2021年", id="year"),
        pytest.param("28815673", id="phone number"),
        pytest.param("3.65%", id="percentage"),
        pytest.param("5,0万元", id="malformed thousands group"),
        pytest.param("万元", id="unit alone"),
    ],
)
def test_not_money(written: str) -> None:
    assert parse_money(written) is None


def test_find_money_keeps_offsets_of_the_original_text() -> None:
    text = "联系电话：28815673，索引号430203-2021-00012，共计１２.５万元。"
    (money,) = find_money(text)
    assert money.wan == "12.5" and text[money.start : money.end] == "１２.５万元"


def test_to_wan_rejects_unknown_units() -> None:
    with pytest.raises(ValueError):
        to_wan("1", "美元")


@pytest.mark.parametrize(
    ("cell", "wan"),
    [
        pytest.param("471.90", "471.90", id="plain"),
        pytest.param("——", None, id="dash"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_wan_number(cell: str, wan: str | None) -> None:
    assert parse_wan_number(cell) == wan
