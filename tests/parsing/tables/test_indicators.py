from __future__ import annotations

import pytest

from ingestion.parsing.tables import extract_tables

from .conftest import make_document

HEADER = [
    *("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"),
    *("分值", "得分", "偏差原因分析及改进措施"),
]
ROWS = [
    ["产出指标(50分)", "数量指标", "培训人次", "≥100人次", "120人次", "30", "30", ""],
    ["", "质量指标", "合格率", "100%", "98%", "20", "18", "个别学员缺考"],
    ["效益指标（30分）", "社会效益\n指标", "群众知晓率", "≥90%", "95%", "30", "30", "\u3000"],
    ["满意度指标", "服务对象满意度", "满意度", "≥90%", "93%", "10", "9.5", ""],
]
TOTAL = ["总分", "", "", "", "", "90", "87.5", ""]
EXPECTED = [
    ("产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 30, 30, None),
    ("产出指标", "质量指标", "合格率", "100%", "98%", 20, 18, "个别学员缺考"),
    ("效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, None),
    ("满意度指标", "服务对象满意度", "满意度", "≥90%", "93%", 10, 9.5, None),
]
FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score", "note")


def as_tuples(indicators: list[dict]) -> list[tuple]:
    return [tuple(item[f] for f in FIELDS) for item in indicators]


def repeated_levels(rows: list[list[str]]) -> list[list[str]]:
    """What python-docx gives for vertically merged cells: the text repeated in every row."""
    out, level1 = [], ""
    for row in rows:
        level1 = row[0] or level1
        out.append([level1, *row[1:]])
    return out


def omitted_levels(rows: list[list[str]]) -> list[list[str]]:
    """What an HTML rowspan gives: rows under a merged cell lack that cell."""
    return [row if row[0] else row[1:] for row in rows]


@pytest.mark.parametrize(
    "table",
    [
        pytest.param([HEADER, *ROWS, TOTAL], id="standard layout"),
        pytest.param([HEADER, *[["", *r] for r in ROWS], ["", *TOTAL]], id="extra leading empty column"),
        pytest.param([HEADER, *repeated_levels(ROWS), TOTAL], id="merged level cells repeated"),
        pytest.param(
            [HEADER, *[["绩效指标", *r] for r in repeated_levels(ROWS)], ["绩效指标", *TOTAL]],
            id="merged 绩效指标 column repeated left of the header",
        ),
        pytest.param([HEADER, *omitted_levels(ROWS), TOTAL], id="merged level cells omitted"),
        pytest.param([HEADER, *ROWS, ["总分", "90", "87.5"]], id="short total row"),
        pytest.param(
            [["指标名称" if h == "三级指标" else h for h in HEADER], *ROWS, TOTAL], id="header says 指标名称"
        ),
    ],
)
def test_layouts_give_the_same_indicators(table: list[list[str]]) -> None:
    facts = extract_tables(make_document("绩效自评表", table))
    assert as_tuples(facts.indicators) == EXPECTED
    assert facts.self_score == 87.5
    assert facts.budget_execution is None
    assert facts.warnings == []


def test_header_variants_and_column_order() -> None:
    header = ["一级指标", "二级指标", "三级指标", "权重", "指标值", "完成值", "自评得分", "备注"]
    rows = [[r[0], r[1], r[2], r[5], r[3], r[4], r[6], r[7]] for r in ROWS]
    facts = extract_tables(make_document([header, *rows, ["总分", "", "", "90", "", "", "87.5", ""]]))
    assert as_tuples(facts.indicators) == EXPECTED
    assert facts.self_score == 87.5


def test_total_that_does_not_add_up_is_a_warning() -> None:
    facts = extract_tables(make_document([HEADER, *ROWS, ["总分", "", "", "", "", "90", "88", ""]]))
    assert facts.self_score == 88
    assert any("87.5" in w and "88" in w for w in facts.warnings)


def test_truncated_table_keeps_the_rows_it_has() -> None:
    cut = ["满意度指标", "服务对象满意度", "满意度"]
    facts = extract_tables(make_document([HEADER, *ROWS[:3], cut]))
    assert as_tuples(facts.indicators) == EXPECTED[:3]
    assert facts.self_score is None
    assert any("does not fit" in w for w in facts.warnings)


def test_evidence_cites_the_cells() -> None:
    document = make_document("表", [HEADER, *ROWS, TOTAL])
    facts = extract_tables(document)
    score = facts.evidence["/indicators/1/score"]
    assert score["text"] == "18"
    assert document.text[score["start"] : score["end"]] == "18"
    assert facts.evidence["/self_score"]["text"] == "87.5"
    assert "/indicators/0/note" not in facts.evidence


def test_budget_execution_row_is_not_an_indicator() -> None:
    budget_header = ["年度资金（万元）", "", "年初预算数", "全年预算数", "全年执行数"]
    budget_header += ["分值", "执行率", "得分"]
    budget_row = ["", "年度资金总额", "100", "120", "108", "10", "90%", "9"]
    table = [budget_header, budget_row, HEADER, *ROWS, ["总分", "", "", "", "", "100", "96.5", ""]]
    facts = extract_tables(make_document(table))
    assert as_tuples(facts.indicators) == EXPECTED
    assert facts.self_score == 96.5
    assert facts.budget_execution is not None and facts.budget_execution["score"] == 9
    assert facts.warnings == []


def test_table_broken_across_pages_is_read_as_one() -> None:
    facts = extract_tables(make_document([HEADER, *ROWS[:2]], "- 3 -", [*ROWS[2:], TOTAL]))
    assert as_tuples(facts.indicators) == EXPECTED
    assert facts.self_score == 87.5
    assert facts.warnings == []


def test_rows_after_prose_are_not_a_continuation() -> None:
    prose = "上表为本单位年度绩效指标完成情况，下面是另一张与绩效指标无关的统计表。"
    facts = extract_tables(make_document([HEADER, *ROWS[:2]], prose, [*ROWS[2:], TOTAL]))
    assert as_tuples(facts.indicators) == EXPECTED[:2]
    assert facts.self_score is None
