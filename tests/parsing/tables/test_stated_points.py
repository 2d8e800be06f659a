"""Problems and measures stated in labelled rows of a 自评表, used when the prose has none."""

from __future__ import annotations

import pytest

from ingestion.documents.model import Document, DocumentBuilder
from ingestion.parsing import extract_report
from ingestion.parsing.tables.stated_points import table_points

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"]


def _document(rows: list[list[str]], prose: str = "一、基本情况\n项目预算50万元，支出48万元。\n") -> Document:
    builder = DocumentBuilder("docx")
    for line in prose.splitlines():
        builder.add_paragraph(line)
    builder.add_table(rows)
    return builder.build()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [["存在问题", "资金拨付进度偏慢，影响项目实施"], ["改进措施", "加快资金拨付，强化过程监控"]],
            (["资金拨付进度偏慢，影响项目实施"], ["加快资金拨付，强化过程监控"]),
            id="one row each",
        ),
        pytest.param(
            [["存在的问题及改进措施", "1.绩效目标设置不够细化；2.加强绩效目标审核，细化量化指标"]],
            (["绩效目标设置不够细化"], ["加强绩效目标审核，细化量化指标"]),
            id="one row for both, split by remedy wording",
        ),
        pytest.param(
            [["主要问题", "部分指标未量化考核标准", "部分指标未量化考核标准"]],
            (["部分指标未量化考核标准"], []),
            id="merged cell read once",
        ),
        pytest.param(
            [INDICATOR_HEADER, ["产出指标", "数量指标", "培训人次", "100", "120", "无"]],
            ([], []),
            id="a column header is not a row of points",
        ),
    ],
)
def test_table_points(rows: list[list[str]], expected: tuple[list[str], list[str]]) -> None:
    assert table_points(_document(rows)) == expected


def test_prose_points_win_over_table_rows() -> None:
    prose = "一、基本情况\n项目预算50万元。\n二、存在的问题\n1.资金使用效率有待提高。\n"
    rows = [["存在问题", "资金拨付进度偏慢，影响项目实施"], ["改进措施", "加快资金拨付，强化过程监控"]]
    result = extract_report(_document(rows, prose), path="x.docx", sha256="0" * 64).as_json()
    assert (result["problems"], result["measures"]) == (
        ["资金使用效率有待提高。"],
        ["加快资金拨付，强化过程监控"],
    )
