"""Reports that name themselves plainly but were missed: a unit's own year self-evaluation, a
finance office's hired evaluation, a bare project form, labelled title lines, form labels as
templates vary them, and the unit behind a firm or a notice (snippets invented)."""

from __future__ import annotations

import pytest

from ingestion.parsing.fiscal_year import fiscal_year
from ingestion.parsing.form_fields import form_fields
from ingestion.parsing.kind import report_kind
from ingestion.parsing.title import find_title
from ingestion.parsing.units.names import is_unit_name
from ingestion.parsing.units.unit import unit_name
from tests.parsing.conftest import document_of


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        pytest.param(
            "青禾县档案馆2023年度预算绩效自评报告", "一、单位基本情况\n", "overall_expenditure",
            id="a unit's year self-evaluation naming no project",
        ),
        pytest.param(
            "青禾县档案馆2023年度档案修复经费绩效自评报告", "", "project_expenditure",
            id="near miss: a fund between the year and the self-evaluation",
        ),
        pytest.param("2023年度绩效自评报告", "", "unknown", id="near miss: no unit heads the title"),
        pytest.param(
            None, "市财政局委托了青禾某绩效咨询有限公司,对2022年度乡村道路补助资金开展绩效评价。\n",
            "key_projects", id="a finance office hired a firm to evaluate a fund",
        ),
        pytest.param(
            None, "市财政局委托了青禾某绩效咨询有限公司开展评价培训。我局对本单位项目开展绩效自评。\n",
            "project_expenditure", id="near miss: the unit's own self-evaluation mentions the firm",
        ),
        pytest.param(
            None, "项目名称:青禾县桥梁维护\n评价方式:单位自评\n", "project_expenditure",
            id="a bare project self-evaluation form",
        ),
        pytest.param(
            None, "项目名称:青禾县桥梁维护\n联系电话:12345\n", "unknown",
            id="near miss: a project form with no self-evaluation",
        ),
    ],
)  # fmt: skip
def test_report_kind(title: str | None, body: str, kind: str) -> None:
    assert report_kind(title, body) == kind


def test_the_year_an_evaluation_takes_as_its_object() -> None:
    body = (
        "根据《关于开展2023年度绩效评估的通知》,省财政厅委托第三方,对2022年度乡村道路补助资金开展绩效评价。"
    )
    assert fiscal_year(None, body)[0] == 2022


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "公告:青禾县档案馆2023年度部门决算\n第一部分 部门概况\n", "青禾县档案馆2023年度部门决算",
            id="a portal's category label before the title",
        ),
        pytest.param(
            "标      题 青禾县档案馆2023年度预算绩效自评报告\n索引号 0001/2024-1\n",
            "青禾县档案馆2023年度预算绩效自评报告", id="a portal's 标题 field on the title's line",
        ),
        pytest.param(
            "2022年度青禾县实验小学决算编制说明\n第一部分 单位概况\n", "2022年度青禾县实验小学决算编制说明",
            id="a 决算编制说明",
        ),
        pytest.param(
            "按照县里安排,评价结果将报送县政府并抄送各乡镇,各单位按时整改到位。\n", None,
            id="near miss: 评价结果 as a clause's subject is no title",
        ),
    ],
)  # fmt: skip
def test_title(text: str, title: str | None) -> None:
    found = find_title(document_of(text))
    assert (found[0] if found else None) == title


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param(
            "整体支出绩效评价自评报告\n部门(单位)名称: 共青团青禾县委员会\n", "共青团青禾县委员会",
            id="the youth league's committee",
        ),
        pytest.param(
            "整体支出绩效评价自评报告\n部门(部门)名称(公章): 中共青禾县委办公室\n", "中共青禾县委办公室",
            id="a template's doubled qualifier in the name label",
        ),
        pytest.param(
            "项目名称青禾县蔬菜示范项目实施单位/项目负责人青禾县农技中心/王某主管部门青禾县农业农村局\n",
            "青禾县农技中心", id="two labels sharing a cell",
        ),
        pytest.param(
            "关于2022年度某专项资金的绩效评价报告\n受青禾县财政局委托,青禾某会计师事务所(以下简称“我所”)"
            "对2022年度某专项资金进行了绩效评价。\n",
            "青禾县财政局", id="the firm evaluating on commission is not the unit",
        ),
        pytest.param(
            "二、自评工作开展情况\n我局制发《青禾县林业局关于做好2022年绩效自评工作的通知》,明确评价范围。"
            "下达我局资金50万元。\n",
            "青禾县林业局", id="the unit issued its own notice on the work",
        ),
        pytest.param(
            "二、自评工作开展情况\n市里制发《青禾县财政局关于做好2022年绩效自评工作的通知》,明确评价范围。"
            "下达我局资金50万元。\n",
            None, id="near miss: a finance office's notice names no reporting unit",
        ),
    ],
)  # fmt: skip
def test_unit(text: str, unit: str | None) -> None:
    assert unit_name(document_of(text), None)[0] == unit


def test_words_opening_with_gong_stay_no_unit() -> None:
    assert is_unit_name("共青团青禾县委员会")
    assert not is_unit_name("共同办")


def test_paired_labels_keep_their_own_values() -> None:
    fields = {f.label: f.value for f in form_fields("实施单位/项目负责人 青禾县农技中心/王某\n")}
    assert fields["实施单位"] == "青禾县农技中心"
