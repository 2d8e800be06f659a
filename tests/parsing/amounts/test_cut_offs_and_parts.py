"""Execution dated in the following year, parts listed after a breakdown's colon, and three labels
of the year's figures (snippets invented), each with a near miss that keeps its figure."""

from __future__ import annotations

from ingestion.documents.model import DocumentBuilder, Paragraph
from ingestion.documents.plaintext import add_plain_text
from ingestion.parsing.amounts.budget import prose_amounts
from ingestion.parsing.text import fold, passages


def _amounts(text: str, *, one_project: bool = False) -> dict[str, str]:
    builder = DocumentBuilder("txt")
    add_plain_text(builder, text)
    document = builder.build()
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    found, _ = prose_amounts(
        passages(paragraphs, fold(document.text)), document.text, 2022, {}, one_project
    )
    return found


def test_spending_dated_in_the_next_spring_is_not_the_years() -> None:
    text = "截至2023年5月20日，护堤补助资金共支出412.6万元，结余资金30.4万元。\n"
    assert "executed" not in _amounts(text, one_project=True)


def test_near_miss_spending_dated_at_the_years_end() -> None:
    text = "截至2022年12月31日，护堤补助资金共支出412.6万元，结余资金30.4万元。\n"
    assert _amounts(text, one_project=True)["executed"] == "412.6"


def test_a_numbered_part_of_a_breakdown_is_no_whole() -> None:
    text = (
        "已拨付资金中：(1)林道修缮方向实际拨付210.00万元；"
        "(2)宣传培训经费15.00万元，实际支出11.20万元，支出率74.67%。\n"
    )
    assert "executed" not in _amounts(text, one_project=True)


def test_near_miss_the_whole_after_the_breakdown_closes() -> None:
    text = (
        "已拨付资金中：(1)林道修缮方向210.00万元；(2)宣传培训经费15.00万元。"
        "全年实际支出221.20万元。\n"
    )
    assert _amounts(text, one_project=True)["executed"] == "221.20"


def test_the_budget_once_adjusted_is_the_full_years() -> None:
    text = "年初批复预算6个项目520万元，调整预算后项目预算488.3万元，实际到位资金300万元。\n"
    found = _amounts(text)
    assert found["budget_initial"] == "520"
    assert found["budget_full_year"] == "488.3"


def test_near_miss_the_adjustment_itself_is_no_budget() -> None:
    text = "年中调整预算追加资金12万元，主要用于设备更新。\n"
    assert "budget_full_year" not in _amounts(text)


def test_a_funds_whole_execution_in_its_own_words() -> None:
    text = "2022年全县护林员补助资金执行总量3320万元，预算执行率为97.4%。\n"
    assert _amounts(text, one_project=True)["executed"] == "3320"


def test_near_miss_an_execution_count_is_no_amount() -> None:
    text = "2022年护林员补助发放执行总量4120人次。\n"
    assert "executed" not in _amounts(text, one_project=True)


def test_the_named_project_then_what_it_spent() -> None:
    text = "截至2022年10月底，青石村道路硬化项目支出18.66万元，主要用于路面浇筑。\n"
    assert _amounts(text, one_project=True)["executed"] == "18.66"


def test_near_miss_the_units_own_project_line() -> None:
    text = "2022年本级项目支出205.4万元，占总支出的31%。\n"
    assert "executed" not in _amounts(text, one_project=True)


def test_near_miss_a_project_spending_in_a_units_report() -> None:
    text = "截至2022年10月底，青石村道路硬化项目支出18.66万元。\n"
    assert "executed" not in _amounts(text)


def test_the_fund_a_project_received_is_its_budget() -> None:
    text = "2022年，青石镇实施了河道清淤项目，获得省级水利发展资金860万元。\n"
    assert _amounts(text, one_project=True)["budget_issued"] == "860"


def test_the_fund_received_once_paid_over_is_its_budget() -> None:
    text = "(1)资金到位率：收到拨付的市级护林补助资金42万元，已全部到账。\n"
    assert _amounts(text, one_project=True)["budget_issued"] == "42"


def test_near_miss_a_fund_received_in_a_units_report() -> None:
    text = "2022年，青石镇获得省级水利发展资金860万元。\n"
    assert "budget_issued" not in _amounts(text)


def test_near_miss_the_first_of_several_funds_received() -> None:
    text = "2022年，获得省级水利资金560万元、市级配套资金300万元。\n"
    assert "budget_issued" not in _amounts(text, one_project=True)


def test_what_the_budget_in_fact_put_in() -> None:
    text = "资金来源为财政投入，2022年预算实际安排76.4万元。\n"
    assert _amounts(text, one_project=True)["budget"] == "76.4"


def test_near_miss_another_years_budget_in_fact_put_in() -> None:
    text = "资金来源为财政投入，2021年预算实际安排76.4万元。\n"
    assert "budget" not in _amounts(text, one_project=True)
