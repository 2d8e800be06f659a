from __future__ import annotations

import pytest

from ingestion.documents.model import Paragraph
from ingestion.parsing.evidence import Evidence
from ingestion.parsing.scores.column import one_project_score


def paragraphs(*texts: str) -> list[Paragraph]:
    found, start = [], 0
    for text in texts:
        found.append(Paragraph(text, start, start + len(text)))
        start += len(text) + 1
    return found


HEADER = ["序号", "项目名称", "资金类型", "资金规模", "自评分数", "自评等级"]
ROW = ["北岭镇污水管网提升工程", "一般债券", "0.85", "93.5"]


@pytest.mark.parametrize(
    ("cells", "score"),
    [
        pytest.param([*HEADER, *ROW, "合计", "0.85"], 93.5, id="one row then its total row"),
        pytest.param([*HEADER, "1", *ROW, "优", "总计", "0.85"], 93.5, id="serial and grade"),
        pytest.param([*HEADER, *ROW], 93.5, id="list ends with the row"),
        pytest.param(
            [*HEADER, *ROW, "南塘片区排涝泵站项目", "一般债券", "0.40", "88", "合计", "1.25"],
            None,
            id="two projects, each its own score",
        ),
        pytest.param([*HEADER, *ROW, "扫码阅读本页"], None, id="no row end after the score"),
        pytest.param([*HEADER, ROW[0], ROW[2], ROW[3], "合计"], None, id="an empty cell shifts the row"),
        pytest.param([*HEADER, ROW[0], ROW[1], ROW[2], "9", "合计"], None, id="too low for a score"),
        pytest.param(["项目名称", "执行率得分", *ROW, "合计"], None, id="a sub-score column"),
    ],
)
def test_one_project_score(cells: list[str], score: float | None) -> None:
    assert one_project_score(paragraphs(*cells), {}) == score


def test_score_is_cited() -> None:
    evidence: Evidence = {}
    one_project_score(paragraphs(*HEADER, *ROW, "合计"), evidence)
    assert evidence["/self_score"]["text"] == "93.5"
