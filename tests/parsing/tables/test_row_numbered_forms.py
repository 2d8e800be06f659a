"""A transfer form's budget rows carry row numbers (年度资金总额 1 …) under a 行次 column the text
export may leave out of the header: the stated 执行率 says which cell is the row number (snippets
invented)."""

from __future__ import annotations

from typing import Any

from tests.parsing.conftest import extraction_of

HEAD = (
    "2024年度中央对地方转移支付区域绩效自评表\n"
    "转移支付（项目）名称：山区护林员补助资金\n"
    "地方主管部门：桐溪县林业局 资金使用单位：桐溪县林业局\n"
)


def _money(result: dict[str, Any]) -> tuple[Any, Any]:
    return result["amounts_wan"]["budget_full_year"], result["amounts_wan"]["executed"]


def test_a_row_number_without_its_header_cell_is_not_read_as_the_budget() -> None:
    # 75.3 / 82.4 = 91.38…%
    text = HEAD + (
        "资金投入情况（万元） 全年预算数（A） 全年执行数（B） 预算执行率（B/A）\n"
        "年度资金总额 1 82.4 75.3 91.38%\n"
        "其中：中央补助 2 70 66 94.29%\n"
    )
    assert _money(extraction_of(text)) == ("82.4", "75.3")


def test_a_row_number_under_its_own_header_cell_reads_as_before() -> None:
    text = HEAD + (
        "资金投入情况（万元） 行次 全年预算数（A） 全年执行数（B） 预算执行率（B/A）\n"
        "年度资金总额 1 82.4 75.3 91.38%\n"
    )
    assert _money(extraction_of(text)) == ("82.4", "75.3")


def test_a_longer_row_whose_rate_holds_no_way_is_not_read() -> None:
    # Neither 82.4 / 1 nor 75.3 / 82.4 is 50%: a budget from the wrong cell is worse than none.
    text = HEAD + (
        "资金投入情况（万元） 全年预算数（A） 全年执行数（B） 预算执行率（B/A）\n"
        "年度资金总额 1 82.4 75.3 50%\n"
    )
    result = extraction_of(text)
    assert _money(result) == (None, None)
    assert any("holds under no placement" in warning for warning in result["warnings"])
