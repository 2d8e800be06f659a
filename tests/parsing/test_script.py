"""Traditional-script reports: detected cheaply, read as simplified, cited in the original."""

from __future__ import annotations

import pytest

from ingestion.documents.read import read_document
from ingestion.parsing import extract_report
from ingestion.parsing.script import is_traditional, simplified_document, to_simplified

TRADITIONAL = "昌吉市檔案館2023年度部門決算公開說明\n本單位實有人數9人,退休人員2人。\n支出總計312.40萬元。\n"

PORTAL_HEADER = (
    "首页 > 政务公开 > 财政资金 > 预决算公开\n当前位置：首页 > 信息公开 > 部门决算 网站地图 无障碍 简体版 "
    "关于我们 联系我们 发布时间：2024-05-01 浏览次数：120 来源：县财政局 字号：大 中 小 打印本页 关闭窗口\n"
)
SIMPLIFIED_START = (
    "某县财政局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n本单位实有人数9人，预算执行率为98%。\n"
)


@pytest.mark.parametrize(
    ("text", "traditional"),
    [
        pytest.param(TRADITIONAL, True, id="traditional report"),
        pytest.param(to_simplified(TRADITIONAL), False, id="the same in simplified"),
        pytest.param(
            "繁體版 | 简体版\n某局2023年度部门决算说明\n本单位实有人数9人。\n", False, id="a 繁體 link"
        ),
        pytest.param("2023 budget 312.40\n", False, id="no Chinese"),
        pytest.param(SIMPLIFIED_START, False, id="a clearly simplified start"),
        # A character beyond the BMP takes the set-based count instead of the regex class.
        pytest.param("\U00020bb7" + SIMPLIFIED_START, False, id="simplified with a rare character"),
        pytest.param("\U00020bb7" + TRADITIONAL, True, id="traditional with a rare character"),
        pytest.param(
            PORTAL_HEADER + TRADITIONAL, True, id="a simplified portal header above a traditional report"
        ),
        pytest.param(
            SIMPLIFIED_START + "引文:《乾隆縣誌》一則。\n" + SIMPLIFIED_START,
            False,
            id="a few traditional characters quoted in a simplified report",
        ),
    ],
)
def test_is_traditional(text: str, traditional: bool) -> None:
    assert is_traditional(text) is traditional


def test_conversion_keeps_every_offset() -> None:
    document = read_document(TRADITIONAL.encode("utf-8"), "x.txt")
    converted = simplified_document(document)
    assert len(converted.text) == len(document.text)
    assert "部门决算" in converted.text and "万元" in converted.text
    for before, after in zip(document.blocks, converted.blocks, strict=True):
        assert (after.start, after.end) == (before.start, before.end)


def test_simplified_document_is_left_as_it_is() -> None:
    document = read_document(to_simplified(TRADITIONAL).encode("utf-8"), "x.txt")
    assert simplified_document(document) is document


def test_traditional_report_is_parsed_and_cited_in_the_original() -> None:
    document = read_document(TRADITIONAL.encode("utf-8"), "x.txt")
    result = extract_report(document, path="x.txt", sha256="0" * 64).as_json()
    assert result["report"]["kind"] == "final_accounts"
    assert result["staffing"]["actual"] == 9
    assert result["evidence"]
    for cited in result["evidence"].values():
        assert document.text[cited["start"] : cited["end"]] == cited["text"]
    assert "實有人數" in result["evidence"]["/staffing/actual"]["text"]


def test_traditional_report_under_a_simplified_header_is_read() -> None:
    result = extract_report(
        read_document((PORTAL_HEADER + TRADITIONAL).encode("utf-8"), "x.txt"), path="x.txt", sha256="0" * 64
    )
    assert result.as_json()["amounts_wan"]["appropriation_expenditure"] == "312.40"
