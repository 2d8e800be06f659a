"""Problems and measures a 自评表 states in rows of its own, for reports whose prose has none.

Self-evaluation forms end with rows such as ``存在问题 | 资金拨付偏慢…`` and ``改进措施 |
加快…``, or one row for both (``存在的问题及改进措施 | …``). The label is the row's first
filled cell; the points are the text of the cells after it, split as prose points are. A row
for both gives its remedy-worded points (加强, 完善 …) to the measures and the rest to the
problems. Column headers (偏差原因分析及改进措施 over an indicator table) are not such rows:
their cells after the label are short headers, not sentences.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Table
from ingestion.parsing.points import is_remedy, split_points
from ingestion.parsing.tables.recovered import recovered_blocks

_SPACES = re.compile(r"[\s\u3000]+")
_PROBLEM_LABEL = re.compile(r"^(?:[一二三四五六七八九十\d]+[、.．])?(?:存在的?|主要)?(?:主要)?问题")
_MEASURE_LABEL = re.compile(r"(?:改进|整改)(?:措施|意见|建议)|下一步|对策|意见建议")
_MAX_LABEL = 16
# A cell worth reading as points is a sentence, not a column header or a tick.
_MIN_STATEMENT = 8


def _label_and_statements(row: list[str]) -> tuple[str, list[str]] | None:
    filled = [_SPACES.sub("", cell) for cell in row if cell.strip()]
    if len(filled) < 2 or len(filled[0]) > _MAX_LABEL:
        return None
    # A merged cell repeats its text across its span: read each distinct text once.
    statements = [
        cell for cell in dict.fromkeys(filled[1:]) if cell != filled[0] and len(cell) >= _MIN_STATEMENT
    ]
    return (filled[0], statements) if statements else None


def table_points(document: Document) -> tuple[list[str], list[str]]:
    """(problems, measures) stated in labelled rows of the document's tables."""
    problems: list[str] = []
    measures: list[str] = []
    for block in recovered_blocks(document.blocks):
        if not isinstance(block, Table):
            continue
        for row in block.texts():
            found = _label_and_statements(row)
            if found is None:
                continue
            label, statements = found
            is_problem, is_measure = bool(_PROBLEM_LABEL.search(label)), bool(_MEASURE_LABEL.search(label))
            points = [point for statement in statements for point in split_points(statement)]
            if is_problem and is_measure:
                problems.extend(p for p in points if not is_remedy(p))
                measures.extend(p for p in points if is_remedy(p))
            elif is_problem:
                problems.extend(points)
            elif is_measure:
                measures.extend(points)
    return problems, measures
