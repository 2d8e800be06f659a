from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from ingestion.documents.model import Document
from ingestion.parsing.projects.breakdown import prose_projects
from ingestion.parsing.sections import outline


def listed(document: Document, total: str | None = None) -> list[tuple[str, object, object]]:
    projects, _ = prose_projects(outline(document), total, {})
    amount = lambda v: None if v is None else Decimal(str(v))  # noqa: E731
    return [(str(p["name"]), amount(p["budget_wan"]), amount(p["spent_wan"])) for p in projects]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "（二）项目支出情况\n2023年项目支出857.36万元，主要用于：环境卫生642万元、社区服务215.36万元。\n",
            [("环境卫生", None, Decimal("642")), ("社区服务", None, Decimal("215.36"))],
            id="主要用于 with 、 between items",
        ),
        pytest.param(
            "(二)项目支出情况\n(1)古籍修复项目支出36000.50元,主要用于印刷费支出5000.00元,装订费支出8000.00元。\n"
            "(2)流动书车运行经费12000.00元,主要用于燃油费支出4000.00元。\n(3)其他公益岗位补助支出6500.00元,用于岗位补助。\n",
            [
                ("古籍修复", None, Decimal("3.6000500")),
                ("流动书车运行经费", None, Decimal("1.2000000")),
                ("其他公益岗位补助", None, Decimal("0.6500000")),
            ],
            id="paragraphs each opening with a project and its amount, then its uses",
        ),
        pytest.param(
            "（二）项目支出情况\n本年度项目支出共计23.5万元，其中：\n1、村级道路维护项目支出5.0万元；\n"
            "2、示范点建设项目支出18.5万元。\n",
            [("村级道路维护", None, Decimal("5")), ("示范点建设", None, Decimal("18.5"))],
            id="numbered items on their own lines, trailing 项目支出 dropped",
        ),
        pytest.param(
            "二、重点项目绩效评价结果\n本年度重点项目2个，分别为低保救助项目、居家养老项目。"
            "年初预算分别为120.5万元、300万元；实际支出分别为118.2万元、285.75万元。\n",
            [
                ("低保救助项目", Decimal("120.5"), Decimal("118.2")),
                ("居家养老项目", Decimal("300"), Decimal("285.75")),
            ],
            id="names then budgets then spending, 分别为",
        ),
        pytest.param(
            "二、重点项目绩效评价结果\n重点项目分别为甲项目、乙项目。预算分别为10万元、20万元、30万元。\n",
            [],
            id="figures that do not pair with the names",
        ),
    ],
)
def test_prose_projects(
    make_document: Callable[[str], Document], text: str, expected: list[tuple[str, object, object]]
) -> None:
    assert listed(make_document("2023年度示例街道整体支出绩效自评报告\n" + text)) == expected


def test_sum_check_warns(make_document: Callable[[str], Document]) -> None:
    text = "（二）项目支出情况\n项目支出100万元，其中：甲工作经费60万元，乙工作经费30万元。\n"
    _, warnings = prose_projects(outline(make_document(text)), "100", {})
    assert warnings and "90" in warnings[0]
