"""The one project a self-evaluation names in its title or opening (snippets invented)."""

from __future__ import annotations

from typing import Any

import pytest

from ingestion.parsing import extract_report
from tests.parsing.conftest import document_of


def _names(text: str) -> list[str]:
    result: dict[str, Any] = extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()
    return [p["name"] for p in result["projects"]]


def test_a_title_ending_in_evaluation_and_self_evaluation_names_its_fund() -> None:
    names = _names(
        "桃源区2025年度山塘清淤补助资金绩效评价自评报告\n一、基本情况\n山塘清淤进展顺利,群众满意。\n"
    )
    assert names == ["2025年度山塘清淤补助资金"]


def test_the_verb_of_sending_the_report_up_is_no_part_of_the_name() -> None:
    names = _names(
        "关于上报2025年山区渡口安全补助项目支出绩效自评的报告\n一、基本概况\n渡口运行平稳,无事故发生。\n"
    )
    assert names == ["2025年山区渡口安全补助项目"]


def test_a_fund_whose_use_was_evaluated_is_named_not_a_cited_notice() -> None:
    names = _names(
        "专项经费绩效评价报告\n根据《某县财政局关于开展茶园改造奖补资金绩效评价工作的通知》要求,"
        "某咨询公司对 柳溪县2023―2024年茶产业扶持资金 使用情况进行了绩效评价,现报告如下:\n"
        "一、评价依据\n依据有关文件开展评价。\n"
    )
    assert names == ["柳溪县2023―2024年茶产业扶持资金"]


def test_near_misses_report_words_name_nothing_and_a_notice_only_when_nothing_else_does() -> None:
    assert _names("2025年度绩效评价自评报告\n一、基本情况\n工作进展顺利。\n") == []
    alone = (
        "专项经费绩效评价报告\n根据《某县财政局关于开展茶园改造奖补资金绩效评价工作的通知》要求,现报告如下:\n"
    )
    assert _names(alone + "一、基本情况\n工作进展顺利。\n") == ["茶园改造奖补资金"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "2024年度中央转移支付区域(游泳馆项目)绩效自评表\n"
            "转移支付(项目)名称 | 青禾县滨河游泳馆项目 | |||\n中央主管部门 | 某部 | |||\n",
            ["青禾县滨河游泳馆项目"],
            id="a form's facility and 项目 alone: a building project, though 馆 may end a unit",
        ),
        pytest.param(
            "项目名称 | 青禾县实验中学专项资金 | |||\n主管部门 | 某局 | |||\n一、基本情况\n进展顺利。\n",
            [],
            id="near miss: a unit and its special fund is no name, even in a form",
        ),
        pytest.param(
            "为加强预算绩效管理,柳溪市民政局对2024年度困难老人护理补贴使用情况进行了财政绩效评价,"
            "结果如下:\n一、基本情况\n工作进展顺利。\n",
            ["困难老人护理补贴"],
            id="a subsidy the finance office evaluated is the report's fund",
        ),
        pytest.param(
            "2024年度绩效评价报告\n柳溪市民政局对困难老人发放护理市级补贴,开展了走访。\n一、基本情况\n工作进展顺利。\n",
            [],
            id="near miss: a subsidy merely paid is no subject",
        ),
    ],
)
def test_names_from_a_forms_facility_and_an_evaluated_subsidy(text: str, expected: list[str]) -> None:
    assert _names(text) == expected
