"""Execution dated in the following year, parts listed after a breakdown's colon, a fund received,
and labels of the year's figures (snippets invented): each class with a near miss that keeps, or
does not take, its figure."""

from __future__ import annotations

import pytest

from ingestion.documents.model import DocumentBuilder, Paragraph
from ingestion.documents.plaintext import add_plain_text
from ingestion.parsing.amounts.budget import prose_amounts
from ingestion.parsing.text import fold, passages


def _amounts(text: str, one_project: bool) -> dict[str, str]:
    builder = DocumentBuilder("txt")
    add_plain_text(builder, text)
    document = builder.build()
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    found, _ = prose_amounts(passages(paragraphs, fold(document.text)), document.text, 2022, {}, one_project)
    return found


# (text, a report on one project, key, 万元)
TAKEN = [
    # A cut-off at the year's end dates the year's execution.
    ("截至2022年12月31日，护堤补助资金共支出412.6万元，结余资金30.4万元。", True, "executed", "412.6"),
    # The whole stated after the breakdown's 。 closes it.
    (
        "已拨付资金中：(1)林道修缮方向210.00万元；(2)宣传培训经费15.00万元。全年实际支出221.20万元。",
        True,
        "executed",
        "221.20",
    ),
    (
        "年初批复预算6个项目520万元，调整预算后项目预算488.3万元，实际到位资金300万元。",
        False,
        "budget_full_year",
        "488.3",
    ),
    ("2022年全县护林员补助资金执行总量3320万元，预算执行率为97.4%。", True, "executed", "3320"),
    ("截至2022年10月底，青石村道路硬化项目支出18.66万元，主要用于路面浇筑。", True, "executed", "18.66"),
    ("2022年，青石镇实施了河道清淤项目，获得省级水利发展资金860万元。", True, "budget_issued", "860"),
    ("(1)资金到位率：收到拨付的市级护林补助资金42万元，已全部到账。", True, "budget_issued", "42"),
    ("资金来源为财政投入，2022年预算实际安排76.4万元。", True, "budget", "76.4"),
]

# (text, a report on one project, key not taken)
LEFT = [
    # Dated in the next spring: the carry-over's spending included.
    ("截至2023年5月20日，护堤补助资金共支出412.6万元，结余资金30.4万元。", True, "executed"),
    # A numbered part of a breakdown.
    (
        "已拨付资金中：(1)林道修缮方向实际拨付210.00万元；"
        "(2)宣传培训经费15.00万元，实际支出11.20万元，支出率74.67%。",
        True,
        "executed",
    ),
    # The adjustment itself is no budget.
    ("年中调整预算追加资金12万元，主要用于设备更新。", False, "budget_full_year"),
    # An execution counted, not paid.
    ("2022年护林员补助发放执行总量4120人次。", True, "executed"),
    # The unit's own 项目支出 line, a sub-project's part, a project in a unit's report.
    ("2022年本级项目支出205.4万元，占总支出的31%。", True, "executed"),
    ("截至2022年10月底，其中排水子项目支出6.2万元。", True, "executed"),
    ("下达我厅项目支出340万元，其中包含护堤项目经费12万元。", True, "executed"),
    ("截至2022年10月底，青石村道路硬化项目支出18.66万元。", False, "executed"),
    # A fund received in a unit's report, or the first of several received.
    ("2022年，青石镇获得省级水利发展资金860万元。", False, "budget_issued"),
    ("2022年，获得省级水利资金560万元、市级配套资金300万元。", True, "budget_issued"),
    # What counted beneficiaries got: payments, not the fund.
    ("2022年，全镇320户农户获得护林补贴资金64万元。", True, "budget_issued"),
    # Another year's budget.
    ("资金来源为财政投入，2021年预算实际安排76.4万元。", True, "budget"),
]


@pytest.mark.parametrize(("text", "one_project", "key", "wan"), TAKEN)
def test_taken(text: str, one_project: bool, key: str, wan: str) -> None:
    assert _amounts(text + "\n", one_project).get(key) == wan


@pytest.mark.parametrize(("text", "one_project", "key"), LEFT)
def test_left(text: str, one_project: bool, key: str) -> None:
    assert key not in _amounts(text + "\n", one_project)
