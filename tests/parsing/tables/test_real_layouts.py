"""Self-evaluation tables in the layouts real portals publish, read end to end from text files.

The fixtures under ``fixtures/`` are written for these tests (invented units and figures) in the
layouts seen in published reports: a project form copied from a web page as ``a | b |`` rows, a
header split over two rows, cells run together with single spaces, and the flattened form.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ingestion.documents.read import read_path
from ingestion.parsing.tables import TableFacts, extract_tables

from .conftest import as_decimals

FIXTURES = Path(__file__).parent / "fixtures"


def facts_of(name: str) -> TableFacts:
    return extract_tables(read_path(FIXTURES / name))


def indicator_rows(facts: TableFacts) -> list[tuple[Any, ...]]:
    keys = ("level1", "level2", "name", "target", "actual", "weight", "score")
    return [tuple(i[k] for k in keys) for i in facts.indicators]


@pytest.mark.parametrize(
    ("name", "execution", "self_score"),
    [
        pytest.param(
            "project_self_eval_pipe_rows.txt",
            {"initial_wan": "120", "full_year_wan": "150.5", "executed_wan": "141.47"}
            | {"rate_pct": 94, "weight": 10, "score": 9.4},
            97.4,
            id="pipe rows without a leading pipe, row label 总额",
        ),
        pytest.param(
            "project_self_eval_flat.txt",
            {"initial_wan": "40", "full_year_wan": "45", "executed_wan": "43.2"}
            | {"rate_pct": 96, "weight": 10, "score": 9.6},
            93.5,
            id="flattened cells, 其中 rows below the total",
        ),
        pytest.param(
            "indicators_split_header_pipes.txt",
            {"initial_wan": "8.5", "full_year_wan": "8.5", "executed_wan": "8"}
            | {"rate_pct": 94.12, "weight": 10, "score": 9.41},
            97.41,
            id="pipe table, indicator header split over two rows",
        ),
        pytest.param(
            "overall_self_eval_spaced.txt",
            {"initial_wan": "610.2", "full_year_wan": "702.35", "executed_wan": "698.1"}
            | {"rate_pct": 99.39, "weight": 10, "score": 9.94},
            99.94,
            id="cells run together with single spaces",
        ),
    ],
)
def test_budget_execution_and_total(name: str, execution: dict[str, Any], self_score: float) -> None:
    facts = facts_of(name)
    assert as_decimals(facts.budget_execution) == as_decimals(execution)
    assert facts.self_score == self_score
    assert facts.budget_execution is not None
    assert facts.amounts["executed"] == facts.budget_execution["executed_wan"]
    assert not [w for w in facts.warnings if "add up" in w]


def test_parts_of_the_total_are_not_indicators_or_execution() -> None:
    facts = facts_of("project_self_eval_flat.txt")
    names = [i["name"] for i in facts.indicators]
    assert names == ["举办文艺演出场次", "活动按时完成率", "群众参与人次", "群众满意度"]
    assert not any("财政拨款" in n or "结转" in n for n in names)


def test_relation_value_and_unit_columns_read_together() -> None:
    facts = facts_of("project_self_eval_pipe_rows.txt")
    assert indicator_rows(facts) == [
        ("产出指标", "数量指标", "养护农村道路里程", "≥80公里", "82公里", 30, 30),
        ("产出指标", "质量指标", "养护验收合格率", "=100%", "100%", 30, 30),
        ("效益指标", "社会效益指标", "群众出行满意度", "≥90%", "88%", 30, 28),
    ]
    assert facts.indicators[2]["note"] == "个别路段施工影响通行"


def test_split_header_rows_missing_the_merged_level_cell() -> None:
    facts = facts_of("indicators_split_header_pipes.txt")
    assert indicator_rows(facts) == [
        ("产出指标", "数量指标", "防治作业面积", "≥1200亩", "1250亩", 20, 20),
        ("产出指标", "质量指标", "防治成效合格率", "﹦100%", "100%", 20, 20),
        ("效益指标", "生态效益指标", "有害生物成灾率", "≤3‰", "2.5‰", 30, 30),
        ("满意度指标", "服务对象满意度指标", "林农满意度", "≥90%", "85%", 20, 18),
    ]


def test_spaced_rows_shifted_around_missing_cells() -> None:
    facts = facts_of("overall_self_eval_spaced.txt")
    assert indicator_rows(facts)[:2] == [
        ("产出指标", "数量指标", "老旧小区改造数量", "≥5个", "6个", 20, 20),
        ("产出指标", "质量指标", "改造验收合格率", "100%", "100%", 20, 20),
    ]
    assert len(facts.indicators) == 4


def test_evidence_of_a_recovered_cell_points_into_the_text() -> None:
    document = read_path(FIXTURES / "project_self_eval_pipe_rows.txt")
    facts = extract_tables(document)
    cite = facts.evidence["/budget_execution/executed_wan"]
    assert document.text[cite["start"] : cite["end"]] == cite["text"] == "141.47"
