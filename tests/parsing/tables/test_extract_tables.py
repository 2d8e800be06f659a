"""extract_tables end to end: the seed reports against their gold, and layouts read by the txt reader."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from ingestion.documents.read import read_document, read_path
from ingestion.parsing.tables import TableFacts, extract_tables
from tests.contract.gold import gold_extraction as gold

from .conftest import as_decimals, make_document, seed_path

WAN = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def money_values(facts: TableFacts) -> list[str]:
    values = list(facts.amounts.values())
    for row in [*facts.cost_control, *facts.projects, facts.budget_execution or {}]:
        values += [v for k, v in row.items() if k.endswith("_wan") and v is not None]
    return values


def assert_evidence_matches(facts: TableFacts, text: str) -> None:
    for pointer, cite in facts.evidence.items():
        assert text[cite["start"] : cite["end"]] == cite["text"], pointer


def test_seed_002_self_evaluation_and_basic_data() -> None:
    document = read_path(seed_path("002"))
    facts = extract_tables(document)
    expected = gold("002")
    assert facts.indicators == expected["indicators"]
    assert facts.budget_execution == expected["budget_execution"]
    assert facts.self_score == expected["self_score"] == 96
    assert facts.cost_control == expected["cost_control"]
    for key, value in facts.amounts.items():
        assert value == expected["amounts_wan"][key], key
    assert set(facts.amounts) == {"budget_initial", "budget_full_year", "executed", "basic", "project"}
    assert facts.staffing["authorized"] == expected["staffing"]["authorized"]
    assert facts.warnings == []
    assert all(WAN.match(v) for v in money_values(facts))
    assert_evidence_matches(facts, document.text)
    assert facts.evidence["/indicators/5/score"]["text"] == "6"


def test_seed_004_key_projects() -> None:
    document = read_path(seed_path("004"))
    facts = extract_tables(document)
    expected = gold("004")
    assert facts.projects == expected["projects"]
    assert facts.amounts == {k: v for k, v in expected["amounts_wan"].items() if v is not None}
    assert (facts.indicators, facts.cost_control, facts.budget_execution) == ([], [], None)
    assert facts.warnings == []
    assert_evidence_matches(facts, document.text)


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seeds_without_tables_give_nothing(prefix: str) -> None:
    facts = extract_tables(read_path(seed_path(prefix)))
    assert facts == TableFacts()


ROWS = [
    ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
    ["产出指标", "数量指标", "培训人次", "100人次", "120人次", "60", "60"],
    ["效益指标", "社会效益", "知晓率", "90%", "95%", "40", "38"],
    ["总分", "", "", "", "", "100", "98"],
]


def tab_text(rows: list[list[str]]) -> str:
    return "\n".join("".join(f"\t{cell}\n" for cell in row) for row in rows)


def pipe_text(rows: list[list[str]]) -> str:
    lines = [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0]), *lines[1:]]) + "\n"


@pytest.mark.parametrize("render", [pytest.param(tab_text, id="tab"), pytest.param(pipe_text, id="pipe")])
def test_text_layouts_read_alike(render: Any) -> None:
    document = read_document(f"绩效自评表\n{render(ROWS)}\n说明：无。\n".encode(), "report.txt")
    facts = extract_tables(document)
    assert [(i["name"], i["score"]) for i in facts.indicators] == [("培训人次", 60), ("知晓率", 38)]
    assert facts.self_score == 98
    assert_evidence_matches(facts, document.text)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        pytest.param(
            ["其中：基本支出：1263.48", "项目支出：418.76"],
            {"basic": "1263.48", "project": "418.76"},
            id="labelled cells",
        ),
        pytest.param(["基本支出：12,634,800元"], {"basic": "1263.48"}, id="yuan in the cell"),
        pytest.param(["一般公共预算：1682.24", "政府性基金拨款："], {}, id="revenue cells are not mapped"),
        pytest.param(["基本支出：1263.48，人员经费：800"], {}, id="a sentence is not a labelled amount"),
    ],
)
def test_stated_amounts(cells: list[str], expected: dict[str, str]) -> None:
    facts = extract_tables(make_document("（万元）", [cells]))
    assert as_decimals(facts.amounts) == as_decimals(expected)


def test_conflicting_statements_keep_the_first_and_warn() -> None:
    facts = extract_tables(
        make_document(
            [["项目支出：418.76"]],
            [["项目名称", "预算金额", "支出金额"], ["甲", "400", "420"], ["合计", "400", "420"]],
        )
    )
    assert facts.amounts == {"project": "418.76", "project_budget": "400"}
    assert any("420" in w and "418.76" in w for w in facts.warnings)


def test_word_table_with_merged_cells() -> None:
    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_paragraph("项目支出绩效自评表")
    rows = [
        [*("一级指标", "二级指标", "三级指标", "年度指标值"), *("实际完成值", "分值", "得分", "偏差原因")],
        ["产出指标（50分）", "数量指标", "培训人次", "≥100人次", "120人次", "30", "30", ""],
        ["", "质量指标", "合格率", "100%", "98%", "20", "18", "个别学员缺考"],
        ["效益指标", "社会效益\n指标", "知晓率", "≥90%", "95%", "50", "45", ""],
        ["总分", "", "", "", "", "100", "93", ""],
    ]
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # 一级指标 spans two rows
    table.cell(4, 0).merge(table.cell(4, 4)).text = "总分"
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_document(buffer.getvalue(), "report.docx")
    facts = extract_tables(document)
    assert [(i["level1"], i["level2"], i["name"], i["score"]) for i in facts.indicators] == [
        ("产出指标", "数量指标", "培训人次", 30),
        ("产出指标", "质量指标", "合格率", 18),
        ("效益指标", "社会效益指标", "知晓率", 45),
    ]
    assert facts.self_score == 93
    assert facts.warnings == []
    assert_evidence_matches(facts, document.text)


def test_basic_data_block_states_no_line_items() -> None:
    """Its 公用经费 counts 一般商品和服务支出 (the form's footnote), not the 决算's line: it is
    cost control only."""
    header = ["经费控制情况（万元）", "2022年决算数", "2023年预算数", "2023年决算数"]
    table = [header, ["项目支出", "512.4", "300", "610.25"], ["公用经费", "80.1", "75", "92.36"]]
    facts = extract_tables(make_document(table))
    assert facts.amounts == {}
    assert [(row["item"], row["final_wan"]) for row in facts.cost_control] == [
        ("项目支出", "610.25"),
        ("公用经费", "92.36"),
    ]
