"""Cover-form fields in every shape a form reaches us in (snippets invented)."""

from __future__ import annotations

import pytest

from ingestion.parsing.form_fields import form_fields
from ingestion.parsing.units.unit import unit_name
from tests.parsing.conftest import document_of


def _fields(text: str) -> list[tuple[str, str]]:
    return [(f.label, f.value) for f in form_fields(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "单位名称:青川县林业站填报日期:2024年4月8日项目名称护林员补助主管部门青川县林业局",
            [("单位名称", "青川县林业站"), ("填报日期", "2024年4月8日"), ("项目名称", "护林员补助"),
             ("主管部门", "青川县林业局")],
            id="every separator lost",
        ),
        pytest.param(
            "专项资金名称县级档案修复经费负责人及电话张某县级主管部门青川县档案馆",
            [("资金名称", "县级档案修复经费"), ("负责人及电话", "张某"), ("县级主管部门", "青川县档案馆")],
            id="负责人及电话 and 县级主管部门 end the values before them",
        ),
        pytest.param(
            "项目名称 河道保洁经费 主管部门 青川县水务局 实施单位 青川县河道所 年初预算数 全年预算数",
            [("项目名称", "河道保洁经费"), ("主管部门", "青川县水务局"), ("实施单位", "青川县河道所")],
            id="flattened with single spaces",
        ),
        pytest.param(
            "项目名称 | | 5113-河道保洁经费 | |\n主管部门 | 青川县水务局 | 实施单位(盖章) | 青川县河道所 |",
            [("项目名称", "河道保洁经费"), ("主管部门", "青川县水务局"), ("实施单位", "青川县河道所")],
            id="pipe rows, a budget code before the name, a seal note",
        ),
        pytest.param(
            "项目名称 |\n青川县2021年河道保洁项目 |\n项目金额 |\n120万元 |\n",
            [("项目名称", "青川县2021年河道保洁项目"), ("项目金额", "120万元")],
            id="one cell per line",
        ),
        pytest.param(
            "转移支付(项目)名称 | 就业补助资金 |\n中央主管部门 | 某部 |\n资金使用单位 | 青川县人社局 |",
            [("转移支付(项目)名称", "就业补助资金"), ("中央主管部门", "某部"),
             ("资金使用单位", "青川县人社局")],
            id="a transfer-payment form",
        ),
        pytest.param("认真落实上级的主管部门要求开展工作。", [], id="a label inside prose after 的"),
    ],
)  # fmt: skip
def test_form_fields(text: str, expected: list[tuple[str, str]]) -> None:
    assert [pair for pair in _fields(text) if pair[0] != "年初预算数"] == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "项目名称 | 青川县污水处理费项目 |\n主管部门 | 青川县住房和城乡建设局 |\n"
            "项目实施单位 | 青川某水务有限公司 |\n评价单位 | 某某会计师事务所有限公司 |\n",
            "住房和城乡建设局",
            id="a company implements: the supervising department reports",
        ),
        pytest.param(
            "项目名称 | 青川县污水处理费项目 |\n主管部门 | 青川县住房和城乡建设局 |\n",
            None,
            id="the supervising department alone is not the reporting unit",
        ),
    ],
)
def test_unit_from_form_fields(text: str, unit: str | None) -> None:
    assert unit_name(document_of(text), None)[0] == unit
