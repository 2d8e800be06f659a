"""A 自评表 read from a stream of cells whose row breaks were lost."""

from __future__ import annotations

import pytest

from ingestion.documents.model import Cell, Paragraph, Table
from ingestion.parsing.tables.cell_stream import stream_tables
from ingestion.parsing.tables.recovered import pipe_row, recovered_blocks


def stream(*texts: str) -> list[Cell | None]:
    cells: list[Cell | None] = []
    at = 0
    for text in texts:
        cells.append(Cell(text, at, at + len(text)))
        at += len(text) + 1
    return cells


def rows(table: Table) -> list[list[str]]:
    return table.texts()


BUDGET = ("年初", "预算数", "全年", "执行数", "分值", "得分", "年度资金总额", "52.6", "47.9", "10", "9")
INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "指标值", "分值", "得分", "偏差原因")


def test_budget_row_under_split_header_words() -> None:
    (found,) = stream_tables(stream(*BUDGET))
    assert rows(found.table) == [
        ["", "年初预算数", "全年执行数", "分值", "得分"],
        ["年度资金总额", "52.6", "47.9", "10", "9"],
    ]


def test_budget_figures_written_with_their_unit() -> None:
    header = ("年初预算数", "全年预算数", "全年执行数", "分值")
    (found,) = stream_tables(stream(*header, "年度资金总额:", "36.5万元", "36.5万元", "35.2万元", "10"))
    assert rows(found.table)[1] == ["年度资金总额:", "36.5万元", "36.5万元", "35.2万元", "10"]


def test_budget_row_missing_its_last_cells_is_padded_blank() -> None:
    (found,) = stream_tables(stream("年初预算数", "执行数", "分值", "得分", "总额", "20", "18", "10", "其中"))
    assert rows(found.table)[1] == ["总额", "20", "18", "10", ""]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            (
                "产出指标",
                "数量指标",
                "户数",
                "12户",
                "50",
                "48",
                "",
                "质量指标",
                "合格率",
                "95%",
                "40",
                "40",
                "",
            ),
            [
                ["产出指标", "数量指标", "户数", "12户", "50", "48", ""],
                ["", "质量指标", "合格率", "95%", "40", "40", ""],
            ],
            id="blank note cells kept, merged level cell omitted",
        ),
        pytest.param(
            ("产出指标", "数量指标", "户数", "12户", "50", "48", "质量指标", "合格率", "95%", "40", "40"),
            [
                ["产出指标", "数量指标", "户数", "12户", "50", "48", ""],
                ["", "质量指标", "合格率", "95%", "40", "40", ""],
            ],
            id="blank note cells lost: the next row's level cell is no note",
        ),
        pytest.param(
            ("产出指标", "数量指标", "户数", "12户", "50", "48", "进度滞后", "合计", "90", "88"),
            [["产出指标", "数量指标", "户数", "12户", "50", "48", "进度滞后"], ["合计", "90", "88"]],
            id="a note, then the 合计 row",
        ),
    ],
)
def test_indicator_rows(data: tuple[str, ...], expected: list[list[str]]) -> None:
    (found,) = stream_tables(stream(*INDICATOR_HEADER, *data))
    assert rows(found.table) == [list(INDICATOR_HEADER), *expected]


def test_cells_that_fit_no_row_give_no_table() -> None:
    assert (
        stream_tables(stream(*INDICATOR_HEADER, "产出指标", "数量指标", "户数", "12户", "较好", "优")) == []
    )


def test_prose_mentioning_header_words_gives_no_table() -> None:
    assert stream_tables(stream("三级指标", "设置合理", "得分较高")) == []


def paragraphs(*texts: str) -> list[Paragraph]:
    found, at = [], 0
    for text in texts:
        found.append(Paragraph(text, at, at + len(text)))
        at += len(text) + 1
    return found


def test_one_cell_per_line_ending_in_a_pipe() -> None:
    lines = [f"{text} |" if text else "|" for text in (*INDICATOR_HEADER, "产出指标", "数量指标", "户数")]
    lines += ["12户 |", "50 |", "48 |", "|", "合计 |", "50 |", "48 |"]
    blocks = list(recovered_blocks(paragraphs("自评表 |", *lines)))
    assert isinstance(blocks[0], Paragraph)
    assert isinstance(blocks[1], Table)
    assert rows(blocks[1])[1:] == [
        ["产出指标", "数量指标", "户数", "12户", "50", "48", ""],
        ["合计", "50", "48"],
    ]


def test_flattened_line_keeps_the_text_around_its_table_with_offsets() -> None:
    text = (
        "附件 自评表 "
        + " ".join(INDICATOR_HEADER)
        + " 产出指标 数量指标 户数 12户 50 48 合计 50 48 填表人 张三"
    )
    blocks = list(recovered_blocks(paragraphs(text)))
    kinds = [type(block).__name__ for block in blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["附件 自评表", "填表人 张三"]
    assert all(text[b.start : b.end] == b.text for b in blocks if isinstance(b, Paragraph))


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        pytest.param("总额 | 120 | 10 | | |", ["总额", "120", "10", "", ""], id="blank 得分 and 原因 kept"),
        pytest.param("项目名称 | 工资 | ||", ["项目名称", "工资"], id="padding after a merged cell dropped"),
    ],
)
def test_pipe_row_blank_cells(text: str, cells: list[str]) -> None:
    row = pipe_row(Paragraph(text, 0, len(text)))
    assert row is not None and [cell.text for cell in row] == cells


def test_staff_counts_one_cell_per_line() -> None:
    cells = ("财政供养人员情况(人", "编制数", "2023 年实际在职人数", "控制率", "12", "15", "125%")
    (found,) = stream_tables(stream(*cells))
    assert rows(found.table) == [["编制数", "2023 年实际在职人数", "控制率"], ["12", "15", "125%"]]


def test_a_编制数_line_without_its_figures_gives_no_table() -> None:
    assert stream_tables(stream("编制数", "实际在职人数", "控制率", "说明", "12")) == []


def test_the_funds_make_up_after_the_budget_row_stays_in_its_table() -> None:
    cells = (*BUDGET, "按支出性质分:47.9", "其中:基本支出:30.5", "项目支出:17.4", "其他资金:", "年度总体目标")
    (found,) = stream_tables(stream(*cells))
    stated = [["按支出性质分:47.9"], ["其中:基本支出:30.5"], ["项目支出:17.4"], ["其他资金:"]]
    assert rows(found.table)[2:] == stated


def test_appropriation_row_after_a_zero_total_row_is_kept() -> None:
    header = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    cells = stream(
        *header, "年度资金总额:", "0", "0", "0", "10", "0", "0", "其中:本年财政拨款", "30", "28.6", "28.1"
    )
    cells += stream("上年结转资金")
    (found,) = stream_tables(cells)
    assert rows(found.table)[2] == ["其中:本年财政拨款", "30", "28.6", "28.1", "", "", ""]


COST_BLOCK = (
    "经费控制情况(万元", "2022 年决算数", "2023 年预算数", "2023 年决算数",
    "三公经费:", "0", "0", "0",
    "项目支出:", "512.40", "300.00", "610.25",
    "1、业务工作经费",
    "公用经费", "80.10", "75.00", "92.36",
    "其中:办公经费", "20.00", "18.00",
    "楼堂馆所控制情况",
)  # fmt: skip


def test_cost_block_one_cell_per_line() -> None:
    (found,) = stream_tables(stream(*COST_BLOCK))
    assert rows(found.table) == [
        ["经费控制情况(万元", "2022 年决算数", "2023 年预算数", "2023 年决算数"],
        ["三公经费:", "0", "0", "0"],
        ["项目支出:", "512.40", "300.00", "610.25"],
        ["1、业务工作经费", "", "", ""],
        ["公用经费", "80.10", "75.00", "92.36"],
        ["其中:办公经费", "20.00", "18.00", ""],
    ]


def test_cost_block_needs_year_columns() -> None:
    assert stream_tables(stream("经费控制情况", "公用经费", "80.10", "75.00")) == []


def test_budget_header_with_its_figures_and_no_row_label() -> None:
    header = ("年初预算数", "全年预算数", "全年执行数", "执行率")
    (found,) = stream_tables(stream("资金情况(万元)", *header, "30", "28.6", "28.1", "98%", "年度总体目标"))
    assert rows(found.table) == [list(header), ["30", "28.6", "28.1", "98%"]]


def test_budget_header_with_too_few_figures_is_no_table() -> None:
    assert stream_tables(stream("年初预算数", "全年预算数", "全年执行数", "30", "说明")) == []


@pytest.mark.parametrize(
    "figures",
    [
        pytest.param(("52", "52", "49.5", "10", "9.5"), id="one figure missing (the rate copied elsewhere)"),
        pytest.param(("52", "52", "49.5", "10"), id="two figures missing"),
    ],
)
def test_a_budget_header_is_read_from_its_first_word_only(figures: tuple[str, ...]) -> None:
    # Read from 全年预算数 on, five figures would fit five header words, each under the wrong one.
    header = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    assert stream_tables(stream(*header, *figures, "年度总体目标")) == []
