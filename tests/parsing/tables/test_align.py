"""Rows lined up with their header: by grid place when the reader saw the grid, else by content."""

from __future__ import annotations

import pytest

from ingestion.documents.model import DocumentBuilder, GridSlot, Table
from ingestion.parsing.tables.align import FIT, GRID, LEFT, RIGHT, align
from ingestion.parsing.tables.header import Header, build_header

from .conftest import make_document


def first_table(rows: list[list[str]]) -> Table:
    return next(make_document(rows).tables())


def gridded_table(rows: list[list[tuple[str, GridSlot]]]) -> Table:
    """A table as a grid-aware reader gives it: each cell with its (first column, span)."""
    builder = DocumentBuilder("docx")
    texts = [[text for text, _ in row] for row in rows]
    builder.add_table(texts, [[slot for _, slot in row] for row in rows])
    return next(builder.build().tables())


def texts(cells: list) -> list[str | None]:
    return [cell.text if cell is not None else None for cell in cells]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        pytest.param(["a", "1", "2"], ["a", "1", "2"], id="same width"),
        pytest.param(["", "a", "1", "2"], ["a", "1", "2"], id="extra leading empty column"),
        pytest.param(["绩效指标", "a", "1", "2"], ["a", "1", "2"], id="repeated merged label column"),
        pytest.param(["a", "1", "2", ""], ["a", "1", "2"], id="padded trailing cell"),
        pytest.param(["1", "2"], [None, "1", "2"], id="merged leading cell omitted"),
        pytest.param(["a", "1"], [None, "a", "1"], id="short row, figures tie: aligned right"),
        pytest.param(["a", "b"], [None, "a", "b"], id="no figures: aligned right"),
    ],
)
def test_without_a_grid_figures_go_under_figure_columns(row: list[str], expected: list[str | None]) -> None:
    table = first_table([["h1", "h2", "h3", "h4"], row])
    aligned = align(table.rows[1], Header(("h1", "h2", "h3"), 0), figure_columns=(1, 2))
    assert texts(aligned) == expected


def test_a_label_column_merged_down_beside_a_header_cell_spanning_it() -> None:
    # Word: 一级指标 spans the label column and the level column; 绩效指标 is merged down the
    # label column from the first data row, so data rows have one more cell than the header.
    table = gridded_table(
        [
            [("一级指标", (0, 2)), ("二级指标", (2, 1)), ("三级指标", (3, 1)), ("分值", (4, 1)),
             ("得分", (5, 1))],
            [("绩效指标", (0, 1)), ("产出指标", (1, 1)), ("数量指标", (2, 1)), ("巡查次数", (3, 1)),
             ("20", (4, 1)), ("18", (5, 1))],
            [("", (0, 1)), ("", (1, 1)), ("质量指标", (2, 1)), ("合格率", (3, 1)), ("10", (4, 1)),
             ("10", (5, 1))],
        ]
    )  # fmt: skip
    header = build_header(table, 0, sub_header=False)

    assert texts(align(table.rows[1], header)) == ["产出指标", "数量指标", "巡查次数", "20", "18"]
    assert texts(align(table.rows[2], header)) == ["", "质量指标", "合格率", "10", "10"]


def test_a_total_row_spanning_the_label_columns_puts_its_figures_under_theirs() -> None:
    table = gridded_table(
        [
            [("绩效指标", (0, 1)), ("一级指标", (1, 1)), ("三级指标", (2, 1)), ("分值", (3, 1)),
             ("得分", (4, 1))],
            [("总分", (0, 3)), ("100", (3, 1)), ("96", (4, 1))],
        ]
    )  # fmt: skip
    header = build_header(table, 0, sub_header=False)

    assert texts(align(table.rows[1], header)) == ["总分", None, None, "100", "96"]


def test_a_two_row_header_on_a_grid_has_one_label_per_lower_column() -> None:
    table = gridded_table(
        [
            [("项目名称", (0, 1)), ("预算金额", (1, 2)), ("支出金额", (3, 2))],
            [("", (0, 1)), ("指标总额", (1, 1)), ("其中：区级资金", (2, 1)), ("支出总额", (3, 1)),
             ("其中：区级资金", (4, 1))],
            [("合计", (0, 1)), ("30", (1, 1)), ("20", (2, 1)), ("25", (3, 1)), ("15", (4, 1))],
        ]
    )  # fmt: skip
    header = build_header(table, 0, sub_header=True)

    assert header.labels == (
        "项目名称", "预算金额/指标总额", "预算金额/其中:区级资金",
        "支出金额/支出总额", "支出金额/其中:区级资金",
    )  # fmt: skip
    assert header.slots == ((0, 1), (1, 1), (2, 1), (3, 1), (4, 1))
    assert texts(align(table.rows[2], header)) == ["合计", "30", "20", "25", "15"]


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        pytest.param(GRID, ["a", "1", "2"], id="grid: without one, by content"),
        pytest.param(FIT, ["a", "1", "2"], id="by content"),
        pytest.param(RIGHT, ["a", "1", "2"], id="pushed right"),
        pytest.param(LEFT, ["x", "a", "1"], id="pushed left"),
    ],
)
def test_each_alignment_by_name(how: str, expected: list[str]) -> None:
    table = first_table([["h1", "h2", "h3"], ["x", "a", "1", "2"]])
    aligned = align(table.rows[1], Header(("h1", "h2", "h3"), 0), figure_columns=(1, 2), how=how)
    assert texts(aligned) == expected
