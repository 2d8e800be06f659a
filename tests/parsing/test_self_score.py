from __future__ import annotations

import pytest

from ingestion.documents.model import Paragraph
from ingestion.parsing.evidence import Evidence
from ingestion.parsing.self_score import prose_self_score


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
        pytest.param(["自评得分为120分"], None, id="above 100"),
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
