from __future__ import annotations

import pytest

from ingestion.documents.model import Paragraph
from ingestion.parsing.evidence import Evidence
from ingestion.parsing.scores.total import prose_self_score


def paragraphs(*texts: str) -> list[Paragraph]:
    found, start = [], 0
    for text in texts:
        found.append(Paragraph(text, start, start + len(text)))
        start += len(text) + 1
    return found


@pytest.mark.parametrize(
    ("texts", "score"),
    [
        pytest.param(["经自评，本项目综合得分为93.5分，自评等级为优。"], 93.5, id="综合得分 after a comma"),
        pytest.param(["本部门整体支出绩效自评总分为92分。"], 92, id="自评总分为"),
        pytest.param(["该项目评分为 88 分。"], 88, id="评分为 with spaces"),
        pytest.param(["自评结果为95分，等级为优。"], 95, id="自评结果为"),
        pytest.param(["评价得分：90.5分"], 90.5, id="评价得分 with a colon"),
        pytest.param(
            ["开展绩效自评，自评得分", "90 分，存在的问题如下"], 90, id="line broken before the figure"
        ),
        pytest.param(["本项目总分为95分。"], 95, id="总分为"),
        pytest.param(["自评等级：优"], None, id="a grade is not a score"),
        pytest.param(["总分100分，其中产出指标40分。"], None, id="the scale is not a score"),
        pytest.param(["该指标得分10分。"], None, id="an indicator's score"),
        pytest.param(["自评得分为120分"], None, id="above the bonus range"),
        pytest.param(["本资金自评得分101.375分，含加分项2分。"], 101.375, id="bonus points past 100"),
        pytest.param(["综合得分为104.25分。"], 104.25, id="a total past 100"),
        pytest.param(["经自评，该资金得分87分，等级为良。"], 87, id="the 自评 clause cut off by a comma"),
        pytest.param(["经评价，我局得分为91.5分。"], 91.5, id="经评价 then the unit's score"),
        pytest.param(["经自评，该指标得分8分。"], None, id="near miss: an indicator's after the cut"),
        pytest.param(["经自评，项目产出得分32分。"], None, id="near miss: a part's after the cut"),
        pytest.param(["经自评，资金到位率98%。"], None, id="near miss: a rate after the cut"),
    ],
)
def test_prose_self_score(texts: list[str], score: float | None) -> None:
    assert prose_self_score(paragraphs(*texts), {}) == score


def test_self_score_before_a_bare_total_word() -> None:
    found = paragraphs("项目综合评分为80分。", "部门整体支出绩效自评得分为91分。")
    assert prose_self_score(found, {}) == 91


def test_evidence_stays_inside_its_paragraph() -> None:
    found = paragraphs("本部门自评得分", "96分。")
    evidence: Evidence = {}
    assert prose_self_score(found, evidence) == 96
    cite = evidence["/self_score"]
    assert cite["text"] == "自评得分" and (cite["start"], cite["end"]) == (3, 7)


# A self-evaluation form a PDF copy ran onto one line: the budget row (分值 10, 得分 9.4), then the
# indicator rows' 指标值 / 实际完成值 / 分值 / 得分, the total row's 100 and score, and its label
# 总分 copied after other cells.
_BUDGET_ROW = "年初预算数 全年预算数 全年执行数 分值 执行率 得分 36.5 36.5 34.3 10 9.4 94% "
_HEADER = "一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分 "


@pytest.mark.parametrize(
    ("rows", "score"),
    [
        pytest.param(
            "=4次 4次 20 20 >=95% 96% 30 30 按时 按时 20 20 >=90% 92% 20 20 100 99.4",
            99.4,
            id="indicators and the budget row's score add up to the total",
        ),
        pytest.param(
            "=4次 4次 25 25 >=95% 96% 25 24 按时 按时 25 25 >=90% 92% 25 25 100 99",
            99,
            id="indicators worth 100 by themselves",
        ),
        pytest.param(
            "=4次 4次 20 20 >=95% 96% 30 30 按时 按时 20 20 >=90% 92% 20 20 100 98.62",
            None,
            id="a total the figures do not make is not taken",
        ),
        pytest.param(
            "=4次 4次 20 20 >=95% 96% 30 30 按时 按时 20 20 >=90% 92% 20 18.5 100 97.9",
            97.9,
            id="an indicator scored below its weight",
        ),
        pytest.param(
            "=4次 4次 20 20 >=95% 96% 30 30 按时 按时 20 20 >=90% 92% 20 20",
            None,
            id="no total row",
        ),
    ],
)
def test_total_of_a_form_run_onto_one_line(rows: str, score: float | None) -> None:
    form = "项目支出绩效自评表 (2023年度) " + _BUDGET_ROW + _HEADER
    line = form + rows + " 产出指标 数量指标 满意度 总分 -1-"
    assert prose_self_score(paragraphs(line), {}) == score


@pytest.mark.parametrize(
    ("budget_row", "rows"),
    [
        pytest.param(
            "分值 执行率 得分 36.5 36.5 34.3 10 94% 9.4 ",
            "=4次 4次 20 20 >=95% 96% 30 30 按时 按时 20 20 >=90% 92% 20 20 100 99.4 总分",
            id="the execution rate between the budget row's weight and score",
        ),
        pytest.param(
            "分值 得分 36.5 36.5 34.3 10 9.4 ",
            "=4次 4次 20 20 >=95% 96% 30 30 按时 按时 20 20 >=90% 92% 20 20 总分 100 99.4 -1-",
            id="the total row right after its label",
        ),
    ],
)
def test_total_of_a_form_run_onto_one_line_other_orders(budget_row: str, rows: str) -> None:
    line = "年初预算数 全年预算数 全年执行数 " + budget_row + _HEADER + rows
    assert prose_self_score(paragraphs(line), {}) == 99.4


def test_a_form_run_onto_one_line_in_yuan_with_thousands_separators() -> None:
    line = (
        "年初预算数 全年预算数 全年执行数 分值 执行率 得分 120,000.00 120,000.00 96,000 10 8 80% "
        + _HEADER
        + "=3个 3个 30 30 及时 及时 30 30 >=90% 95% 30 30 100 98 总分"
    )
    evidence: Evidence = {}
    assert prose_self_score(paragraphs(line), evidence) == 98
    assert evidence["/self_score"]["text"] == "100 98"


@pytest.mark.parametrize(
    ("texts", "score"),
    [
        pytest.param(
            ["评价组评议，最终得分87.45，等级为良。"], 87.45, id="最终得分 without 分, its grade after"
        ),
        pytest.param(["本项目自评得分93，评价等级为优。"], 93, id="自评得分 without 分"),
        pytest.param(["经评价，综合得分为79.5（中）。"], 79.5, id="the grade in brackets"),
        pytest.param(["最终得分12个指标中有3个未达标。"], None, id="no grade after: a count"),
        pytest.param(["| 其他说明 | 无 | 总分 | 100 | 94 | 优 |"], 94, id="a total row read as text"),
        pytest.param(["……满意度10≥90%≥90%10总分10097.5注:1.一级指标分值"], 97.5, id="total row run together"),
        pytest.param(["总分100 1、指标说明"], None, id="a small figure after the scale is another cell"),
        pytest.param(["总分100%"], None, id="a rate"),
        pytest.param(["自评得分 | 104.5 | 等级 | 优"], None, id="a form's cell stays within the scale"),
    ],
)
def test_scores_a_form_or_a_grade_marks(texts: list[str], score: float | None) -> None:
    assert prose_self_score(paragraphs(*texts), {}) == score


def test_a_total_row_of_a_table_too_broken_to_read() -> None:
    from ingestion.documents.model import Table
    from ingestion.parsing.scores.total import table_total_row
    from tests.parsing.conftest import document_of

    document = document_of(
        "| 三级指标 | 分值 | 得分 |\n| 受益农户数 | 50 | 48 |\n| 满意度 |\n"
        "| 其他 | 无 | 总分 | 100 | 91 | 良 |\n"
    )
    tables = [b for b in document.blocks if isinstance(b, Table)]
    evidence: Evidence = {}
    assert table_total_row(tables, document.text, evidence) == 91
    assert evidence["/self_score"]["text"].split() == ["总分", "100", "91"]
    broken = document_of("| 总分 | 100 | 91 | 另见附表 |\n")
    assert table_total_row([b for b in broken.blocks if isinstance(b, Table)], broken.text, {}) is None


_FORM_HEAD = "一级指标二级指标三级指标指标值实际完成值分值得分偏差原因"


@pytest.mark.parametrize(
    ("texts", "score"),
    [
        pytest.param(
            [_FORM_HEAD, "产出指标数量指标覆盖村数12个12个2020", "总分：87"], 87, id="total row line"
        ),
        pytest.param(
            [_FORM_HEAD, "效益指标社会效益指标受益户数≥300户310户3028", "总分: 76.5分"], 76.5, id="with 分"
        ),
        pytest.param(["总分：87"], None, id="no score column before it"),
        pytest.param([_FORM_HEAD, "总分：100"], None, id="100 may be the scale"),
        pytest.param([_FORM_HEAD, "总分：8"], None, id="too low for a form's total"),
        pytest.param([_FORM_HEAD, "总分：87", _FORM_HEAD, "总分：91"], None, id="two projects' forms"),
        pytest.param([_FORM_HEAD, "总分：87，其中产出指标40分"], None, id="not a line of its own"),
    ],
)
def test_form_total_row_as_a_line(texts: list[str], score: float | None) -> None:
    assert prose_self_score(paragraphs(*texts), {}) == score
