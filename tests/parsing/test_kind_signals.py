"""Report kinds told by a fund's name, a cover's evaluator, a commissioned firm and the national
evaluation template's headings (snippets invented), each with a near miss that keeps its kind."""

from __future__ import annotations

import pytest

from ingestion.parsing.kind import report_kind


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        pytest.param(
            "青禾县养老服务转移支付2024年度绩效自评报告",
            "一、绩效目标情况\n",
            "project_expenditure",
            id="a 转移支付 is a fund",
        ),
        pytest.param(
            "青禾县2023年度转移支付管理办法",
            "第一条 为规范资金管理。\n",
            "unknown",
            id="near miss: a rule on transfers is no self-evaluation",
        ),
    ],
)
def test_a_transfer_payment_is_a_fund(title: str, text: str, kind: str) -> None:
    assert report_kind(title, text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(
            "一、绩效目标分解下达情况\n下达青禾县护林补助资金共计120万元。整体绩效目标同时下达。\n",
            "project_expenditure",
            id="a fund's 整体绩效目标 is no unit's overall spending",
        ),
        pytest.param(
            "一、部门基本情况\n部门整体绩效目标完成较好。\n",
            "overall_expenditure",
            id="near miss: 部门整体 still says the unit's",
        ),
    ],
)
def test_a_funds_overall_target(text: str, kind: str) -> None:
    assert report_kind(None, text) == kind


TEMPLATE = "一、基本概况\n(一)关于项目立项背景及实施目的\n省级财政安排护林奖补资金。\n"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(TEMPLATE, "key_projects", id="the evaluation template without a title"),
        pytest.param(
            TEMPLATE + "我局对该资金开展了绩效自评。\n",
            "project_expenditure",
            id="near miss: the unit's own 自评",
        ),
    ],
)
def test_an_untitled_evaluation_template(text: str, kind: str) -> None:
    assert report_kind(None, text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(
            "一、基本情况\n受青禾县预算绩效中心委托，青禾明远会计师事务所对该县林业局的护林项目开展绩效评价。\n",
            "key_projects",
            id="a firm evaluating on a commission",
        ),
        pytest.param(
            "一、基本情况\n受县政府委托，我局对护林项目开展了绩效自评。\n",
            "project_expenditure",
            id="near miss: the unit commissioned to evaluate itself",
        ),
    ],
)
def test_a_commissioned_firm(text: str, kind: str) -> None:
    assert report_kind(None, text) == kind


COVER = "项目名称: 护林巡查项目\n项目主管部门: 青禾县林业局\n评价机构名称: {evaluator}\n一、项目基本情况\n"


@pytest.mark.parametrize(
    ("evaluator", "kind"),
    [
        pytest.param("青禾县林业局", "project_expenditure", id="the unit names itself its evaluator"),
        pytest.param("青禾明远咨询有限公司", "key_projects", id="near miss: another evaluator"),
    ],
)
def test_a_cover_naming_the_evaluator(evaluator: str, kind: str) -> None:
    title = "青禾县林业局护林巡查项目支出绩效评价报告"
    assert report_kind(title, COVER.format(evaluator=evaluator)) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(
            "一、基本情况\n(一)转移支付概况\n省里下达青禾县护林奖补36万元。\n",
            "project_expenditure",
            id="the transfer template's first heading, no title",
        ),
        pytest.param(
            "某镇就本年护林奖补资金的目标达成情况进行自评，报告如下：\n",
            "project_expenditure",
            id="a fund's own 自评 some words after its name",
        ),
        pytest.param(
            "一、基本情况\n省里下达青禾县护林奖补36万元，用于修缮林道。\n",
            "unknown",
            id="near miss: a fund described, no template heading, no 自评",
        ),
    ],
)
def test_an_untitled_transfer_self_evaluation(text: str, kind: str) -> None:
    assert report_kind(None, text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(
            "为加强预算绩效管理，青禾县民政局对2023年度高龄津贴使用情况开展了财政绩效评价工作。"
            "现将评价情况报告如下：\n一、项目基本情况\n",
            "key_projects",
            id="an office evaluating a fund",
        ),
        pytest.param(
            "我局对2023年度高龄津贴使用情况开展了绩效评价。\n一、项目基本情况\n",
            "project_expenditure",
            id="the unit's own evaluation",
        ),
        pytest.param(
            "青禾县民政局对2023年度高龄津贴资金开展了绩效自评。\n",
            "project_expenditure",
            id="near miss: a self-evaluation stays one",
        ),
        pytest.param(
            "青禾县民政局对高龄津贴发放情况开展了督查。\n",
            "unknown",
            id="near miss: an inspection is no evaluation",
        ),
    ],
)
def test_an_untitled_opening_on_the_evaluation(text: str, kind: str) -> None:
    assert report_kind(None, text) == kind
