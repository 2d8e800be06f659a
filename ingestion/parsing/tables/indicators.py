"""The performance-indicator table (绩效指标): one record per 三级指标 row, and the 总分 row's score.

Level cells are usually merged: 一级指标 appears once and the rows below leave it empty (or a
reader repeats it, or omits the cell), so levels are carried down until a row states a new one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingestion.documents.model import Cell, Table
from ingestion.parsing.tables.align import GRID, align
from ingestion.parsing.tables.cells import cite as cite_cell
from ingestion.parsing.tables.cells import (
    clean_text,
    number,
    score_figure,
    strip_points_note,
)
from ingestion.parsing.tables.facts import Evidence, Record
from ingestion.parsing.tables.header import (
    Header,
    Row,
    build_header,
    find_rows,
    label_and_figures,
    row_has,
)
from ingestion.parsing.tables.indicator_total import is_total, read_total
from ingestion.parsing.tables.indicator_values import compose_values
from ingestion.parsing.tables.split_header import merged_header, split_header_rows

# Checked in this order and a column serves one field: 实际完成值 must not be taken for 指标值.
COLUMNS: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "指标名称", "指标内容"),
    "actual": ("完成值", "实际值", "完成情况"),
    "target": ("指标值", "目标值"),
    "weight": ("分值", "权重"),
    "score": ("得分",),
    "note": ("偏差", "原因", "改进措施", "备注"),
    "relation": ("指标性质", "指标方向"),
    "unit": ("度量单位", "计量单位"),
}
HEADER_WORDS = (("三级指标", "指标名称", "指标内容"), ("得分",), ("指标值", "目标值", "完成值", "实际值"))
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class IndicatorTable:
    """An indicator table being read; ``closed`` once its 总分 row (or the next table's header) is seen.

    ``how`` is the way rows are lined up with the header (``align.ALIGNMENTS``); ``rows`` keeps
    every row read, so the table can be read again another way (``reread``). ``read`` is shared
    by the readings of one table: the record each row gave, by the cells lined up and the levels
    carried into it (a full-width row reads the same whichever way rows are lined up).
    """

    header: Header | None = None
    columns: dict[str, int] = field(default_factory=dict)
    how: str = GRID
    rows: list[Row] = field(default_factory=list)
    levels: list[str | None] = field(default_factory=lambda: [None, None])
    closed: bool = False
    records: list[Record] = field(default_factory=list)
    total_score: int | float | None = None
    total_weight: int | float | None = None
    total_cite: Evidence | None = None
    warnings: list[str] = field(default_factory=list)
    read: dict[tuple[object, ...], tuple[Record | None, list[str | None]]] = field(default_factory=dict)


# The transfer self-evaluation form scores nothing: its header is 三级指标, 指标值, 实际完成值, 原因.
_UNSCORED_HEADER_WORDS = (HEADER_WORDS[0], ("指标值",), ("实际完成值",))


def _scored_headers(table: Table) -> list[int]:
    return find_rows(table, *HEADER_WORDS) + split_header_rows(table, HEADER_WORDS[2])


def find_indicator_headers(table: Table) -> list[int]:
    """Header rows (for a header split over two rows, the lower one), in table order."""
    found = _scored_headers(table)
    unscored = [row for row in find_rows(table, *_UNSCORED_HEADER_WORDS) if row not in found]
    return sorted(found + unscored)


def _text(cells: list[Cell | None], index: int | None) -> tuple[str | None, Cell | None]:
    if index is None or cells[index] is None:
        return None, None
    cell = cells[index]
    assert cell is not None
    return clean_text(cell.text), cell


def _indicator(cells: list[Cell | None], columns: dict[str, int], levels: list[str | None]) -> Record | None:
    """One indicator row; ``levels`` holds the carried 一级/二级 and is updated in place."""
    level1, _ = _text(cells, columns.get("level1"))
    level2, _ = _text(cells, columns.get("level2"))
    if level1 is not None:
        level1 = strip_points_note(level1)
        if level1 != levels[0]:
            levels[0], levels[1] = level1, None
    if level2 is not None:
        levels[1] = strip_points_note(level2)
    name, name_cell = _text(cells, columns.get("name"))
    if name is None or name_cell is None:
        return None
    record = Record({"level1": levels[0], "level2": levels[1], "name": name})
    record.evidence["name"] = cite_cell(name_cell)
    for key in ("target", "actual", "weight", "score", "note"):
        index = columns.get(key)
        cell = cells[index] if index is not None else None
        value: str | int | float | None
        if key in ("weight", "score"):
            figure = score_figure(cell)
            value = number(figure.value) if figure else None
        else:
            value = clean_text(cell.text) if cell is not None else None
        record.values[key] = value
        if value is not None and cell is not None:
            record.evidence[key] = cite_cell(cell)
    compose_values(
        record.values, _text(cells, columns.get("relation"))[0], _text(cells, columns.get("unit"))[0]
    )
    return record


def _copy(record: Record | None) -> Record | None:
    return Record(dict(record.values), dict(record.evidence)) if record is not None else None


def _read_once(result: IndicatorTable, cells: list[Cell | None]) -> Record | None:
    """``_indicator`` for ``cells`` under ``result``'s columns and levels, read once per table:
    each reading gets a record of its own, as if it had read the row itself."""
    key = (*map(id, cells), *result.levels)  # the cells are the table's own rows', alive with it
    known = result.read.get(key)
    if known is None:
        record = _indicator(cells, result.columns, result.levels)
        result.read[key] = (_copy(record), list(result.levels))
        return record
    record, levels = known
    result.levels[:] = levels
    return _copy(record)


def read_indicator_table(table: Table, header_row: int) -> IndicatorTable:
    """Indicators from the rows under the header at ``header_row`` down to the 总分 row."""
    if row_has(table.rows[header_row], HEADER_WORDS[1]):
        header = build_header(table, header_row, sub_header=False)
    else:
        header = merged_header(table, header_row, COLUMNS)
    result = IndicatorTable(header=header, columns=header.columns(COLUMNS))
    # A form that scores nothing lacks no weight or score.
    expected = ("name", "weight", "score") if header_row in _scored_headers(table) else ("name",)
    missing = [key for key in expected if key not in result.columns]
    if missing:
        result.warnings.append(f"indicator table header {'|'.join(header.labels)} lacks {', '.join(missing)}")
    read_indicator_rows(result, table.rows[header_row + 1 :])
    return result


def reread(table: IndicatorTable, how: str) -> IndicatorTable:
    """The rows ``table`` read, read again with its header but lined up ``how``."""
    again = IndicatorTable(header=table.header, columns=table.columns, how=how, read=table.read)
    read_indicator_rows(again, list(table.rows))
    return again


def read_indicator_rows(result: IndicatorTable, rows: Sequence[Row]) -> list[Record]:
    """Read ``rows`` into ``result`` (also the rows of a table continued on the next page);
    returns the records these rows added."""
    assert result.header is not None
    header, columns = result.header, result.columns
    figure_columns = [columns[k] for k in ("weight", "score") if k in columns]
    text_columns = [columns[k] for k in ("level1", "level2", "name") if k in columns]
    added: list[Record] = []
    for row in rows:
        result.rows.append(row)
        label, _ = label_and_figures(row)
        if label is None:
            continue
        if is_total(row):
            scored = any(record.values["score"] is not None for record in result.records)
            total = read_total(row, header, columns, result.how, scored)
            result.total_score, result.total_weight, result.total_cite = total.score, total.weight, total.cite
            result.warnings.extend(total.warnings)
            result.closed = True
            break
        if row_has(row, *HEADER_WORDS):
            result.closed = True
            break  # the next indicator table starts; it is read on its own
        # A short row without a single figure is a row cut off (by a page), not an indicator;
        # on a grid a row is short only by merged cells.
        cut_off = (
            len(row) < header.width
            and header.slots is None
            and not any(_DIGIT.search(cell.text) for cell in row)
        )
        cells = align(row, header, figure_columns, text_columns, how=result.how)
        record = None if cut_off else _read_once(result, cells)
        if record is None:
            texts = "|".join(cell.text for cell in row)
            result.warnings.append(f"indicator row {texts!r} does not fit the header; skipped")
        else:
            added.append(record)
            result.records.append(record)
    return added
