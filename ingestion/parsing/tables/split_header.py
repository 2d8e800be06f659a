"""Indicator headers split over two rows, as some provincial templates print them:

    绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
    一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位

The lower row names the leading columns, the upper one the trailing columns; the upper row's
label for a field the lower row already names (年度指标值 over 指标性质 | 指标值 | 度量单位) and its
caption cell (绩效指标) span columns below and are not columns of their own.
"""

from __future__ import annotations

from ingestion.documents.model import Table
from ingestion.parsing.tables.header import Header, row_has, row_words

NAME_WORDS = ("三级指标", "指标名称", "指标内容")
SCORE_WORDS = ("得分",)
_CAPTION_LABELS = ("绩效指标", "指标", "")


def split_header_rows(table: Table, value_words: tuple[str, ...]) -> list[int]:
    """Lower rows of split headers: they name the indicator but no score, the row above scores."""
    return [
        index
        for index in range(1, len(table.rows))
        if row_has(table.rows[index], NAME_WORDS, value_words)
        and not row_has(table.rows[index], SCORE_WORDS)
        and row_has(table.rows[index - 1], SCORE_WORDS, value_words)
        and not row_has(table.rows[index - 1], NAME_WORDS)
    ]


def merged_header(table: Table, lower_row: int, columns: dict[str, tuple[str, ...]]) -> Header:
    """One header from the split rows ending at ``lower_row``."""
    lower = row_words(table.rows[lower_row])
    upper = row_words(table.rows[lower_row - 1])
    named = {field for field, words in columns.items() if any(k in w for w in lower for k in words)}
    trailing = []
    for label in upper:
        fields = {field for field, words in columns.items() if any(k in label for k in words)}
        if label in _CAPTION_LABELS or (fields and fields <= named):
            continue
        trailing.append(label)
    return Header((*lower, *trailing), lower_row)
