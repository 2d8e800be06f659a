"""Evaluation announcements and fund evaluations as real portals publish them (snippets invented):
a finance office's results announcement with no title of its own (the kind, the year it selected,
the office that did the work), a fund's tracking evaluation, a 公益金 named as the only fund in a
self-evaluation's title, and portal fields whose labels were left empty.
"""

from __future__ import annotations

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.fiscal_year import fiscal_year
from ingestion.parsing.kind import report_kind
from ingestion.parsing.preamble import is_portal_line
from ingestion.parsing.title import title_candidate
from ingestion.parsing.units.actor import evaluating_unit
from tests.parsing.conftest import document_of


def _report(text: str) -> dict:
    return extract_report(document_of(text), path="x.txt", sha256="0" * 64).report.model_dump()


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        pytest.param(
            "青河县2022年度体育彩票公益金绩效自评报告",
            "一、基本情况\n全年安排健身路径更新。\n",
            "project_expenditure",
            id="a title naming only a 公益金 is a fund's self-evaluation",
        ),
        pytest.param(
            "青河县2022年度体育工作总结报告",
            "一、基本情况\n全年安排健身路径更新。\n",
            "unknown",
            id="near miss: a title naming no fund tells nothing",
        ),
        pytest.param(
            None,
            "二、评价工作开展情况\n通过开展2020年、2021年全省渔港维修资金全周期跟踪问效,掌握资金拨付进度。\n"
            "(三)项目绩效目标\n",
            "key_projects",
            id="a fund's tracking evaluation carried out",
        ),
        pytest.param(
            None,
            "(三)项目绩效目标\n下一步将加强资金跟踪问效,确保专款专用。\n",
            "project_expenditure",
            id="near miss: a self-evaluation promising to track the fund's results",
        ),
        pytest.param(
            None,
            "我局对渔港维修资金开展了跟踪问效和绩效自评工作。\n(三)项目绩效目标\n",
            "project_expenditure",
            id="near miss: tracking done alongside the unit's own self-evaluation",
        ),
        pytest.param(
            None,
            "为推进预算绩效管理,区财政分局选取四个预算单位2021年度已完工的9个项目,督促其开展自评,"
            "委托第三方机构开展再评价,形成评价报告。\n",
            "key_projects",
            id="a finance office picks projects and has a third party evaluate them",
        ),
        pytest.param(
            None,
            "根据县财政局的通知要求,我局对2021年度渔港维修项目开展了绩效自评。项目绩效目标已完成。\n",
            "project_expenditure",
            id="near miss: a finance office asking for a self-evaluation",
        ),
        pytest.param(
            None,
            "我局组织开展了部门整体支出绩效自评。此外,县财政局选取部分专项资金委托第三方机构开展了"
            "重点评价。部门整体支出绩效自评涉及资金15万元。\n",
            "overall_expenditure",
            id="near miss: a finance office's pick mentioned in a unit's own self-evaluation",
        ),
        pytest.param(
            None,
            "现将青河县2023年度财政绩效重点评价结果公开如下。\n一、评价对象\n部门整体支出和项目支出。\n",
            "key_projects",
            id="a 绩效重点评价结果 announcement",
        ),
    ],
)
def test_kind(title: str | None, body: str, kind: str) -> None:
    assert report_kind(title, body) == kind


@pytest.mark.parametrize(
    ("line", "is_title"),
    [
        pytest.param("6个部门整体支出绩效评价结果", False, id="a result line led by a count"),
        pytest.param("青河县2022年度部门整体支出绩效评价结果", True, id="near miss: a title"),
    ],
)
def test_a_count_led_line_is_no_title(line: str, is_title: bool) -> None:
    assert title_candidate(line) is is_title


@pytest.mark.parametrize(
    ("body", "year"),
    [
        pytest.param(
            "现将本县2023年度绩效重点评价结果予以公开。开展2023年度县级项目绩效评价。"
            "抽取2022年度县级12个项目开展重点绩效评价。\n",
            2022,
            id="the year of the spending the evaluation selected",
        ),
        pytest.param(
            "现将本县2023年度绩效重点评价结果予以公开。开展2023年度县级项目绩效评价。"
            "对2022年度县级12个项目开展重点绩效评价。\n",
            2023,
            id="near miss: no selection, the year named most often",
        ),
        pytest.param(
            "开展2023年度县级项目绩效评价,2023年度评价范围扩大。选取2023年5月完成的项目开展抽查。\n",
            2023,
            id="near miss: a selection dated by its month",
        ),
    ],
)
def test_fiscal_year_of_the_selected_spending(body: str, year: int) -> None:
    assert fiscal_year(None, body)[0] == year


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        pytest.param(
            "二是评价组织。由青河县财政局与第三方评价机构组成评价工作组,逐项核实。",
            "青河县财政局",
            id="the office forming the evaluation team with a third party",
        ),
        pytest.param(
            "(二)评价方式。由第三方机构组成评价工作组,对项目进行评价。",
            None,
            id="near miss: a third party alone",
        ),
        pytest.param(
            "(二)评价方式。由各单位组成评价工作组,对项目进行评价。",
            None,
            id="near miss: every unit",
        ),
    ],
)
def test_the_office_forming_the_team(sentence: str, unit: str | None) -> None:
    found = evaluating_unit(sentence)
    assert (found[0] if found else None) == unit


def test_portal_fields_with_labels_left_empty() -> None:
    text = (
        "当前位置: 首页>>政府信息公开>>财政资金\n青河县2022年度体育彩票公益金绩效自评报告\n"
        "索引号 650000/2023-0042 发文字号\n关键词 发布机构 青河县文化体育局\n"
        "公开形式 主动公开 责任部门 青河县文化体育局\n"
        "一、基本情况\n本项目用于健身路径更新,覆盖12个行政村。\n"
    )
    assert _report(text)["unit_name"] == "文化体育局"


@pytest.mark.parametrize(
    ("line", "portal"),
    [
        pytest.param("关键词 发布机构 青河县文化体育局", True, id="an empty label before another"),
        pytest.param("关键词 健身 路径 更新", False, id="near miss: one label among words"),
    ],
)
def test_spaced_fields_count_empty_labels(line: str, portal: bool) -> None:
    assert is_portal_line(line) is portal
