"""The 总分 of a self-evaluation form whose cells a PDF copy ran onto one line, out of order.

``… 分值 执行率 得分 … 10 8.62 … 分值 得分 =100% 100% 10 10 及时 及时 20 20 … 100 98.62 … 总分``:
the total row's ``100 98.62`` stands after the indicator rows, right after its label 总分 or
before it (a merged label cell is copied after the values). A figure that stands there is taken only when
the form adds up, as a self-evaluation form does (indicator_sums): the indicator rows' 分值/得分
pairs after the last 得分 header make 100 and the total, or leave exactly the budget-execution
row's 分值 and 得分 (a pair stated earlier in the form, ``10 8.62``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingestion.documents.model import Paragraph
from ingestion.parsing.text import Span, fold

_LABEL = "总分"
_REACH = 800
_FULL = Decimal(100)
# The total row: 100 and the score, standing alone (not 100%, not a part of a larger figure).
_TOTAL_ROW = re.compile(r"(?<![\d.%=<>])100\s+(?P<score>\d{1,2}(?:\.\d{1,2})?|100)(?![\d.%])")
_SPACES = re.compile(r"\s*")
_RATE = r"\d{1,3}(?:\.\d+)?%"
_PLAIN = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_HEADER = "得分"
_MIN_ROWS = 2


def _pairs(segment: str) -> list[tuple[Decimal, Decimal]] | None:
    """The (分值, 得分) pairs of the indicator rows: the plain figures of ``segment`` two by two
    (指标值 and 实际完成值 such as =100%, >=90%, 及时 are no plain figures)."""
    figures = [Decimal(token) for token in segment.split() if _PLAIN.match(token)]
    if len(figures) % 2 or len(figures) < 2 * _MIN_ROWS:
        return None
    pairs = list(zip(figures[::2], figures[1::2], strict=True))
    return pairs if all(0 <= score <= weight for weight, score in pairs) else None


def _adds_up(text: str, header: int, row: re.Match[str]) -> bool:
    pairs = _pairs(text[header + len(_HEADER) : row.start()])
    if pairs is None:
        return False
    total = Decimal(row["score"])
    weights, scores = sum(w for w, _ in pairs), sum(s for _, s in pairs)
    if weights == _FULL:
        return scores == total
    execution_weight, execution_score = _FULL - weights, total - scores
    if not 0 <= execution_score <= execution_weight or execution_weight <= 0:
        return False
    # 分值 then 得分, the 执行率 between them or not (10 94% 9.4, 10 8.62).
    weight, score = re.escape(str(execution_weight)), re.escape(str(execution_score))
    stated = re.compile(rf"(?<![\d.]){weight}\s+(?:{_RATE}\s+)?{score}(?![\d.%])")
    return stated.search(text, 0, header) is not None


def flattened_total(paragraphs: list[Paragraph]) -> tuple[Decimal, Span] | None:
    """The total score of the first form flattened onto a line whose figures add up to it."""
    for paragraph in paragraphs:
        if _LABEL not in paragraph.text or _HEADER not in paragraph.text:
            continue
        text = fold(paragraph.text)
        for label in re.finditer(_LABEL, text):
            start = max(0, label.start() - _REACH)
            # The total row right after its label (总分 100 99.4), else the last one before it.
            after = _TOTAL_ROW.match(text, _SPACES.match(text, label.end()).end())  # type: ignore[union-attr]
            rows = [after] if after else list(reversed(list(_TOTAL_ROW.finditer(text, start, label.start()))))
            for row in rows:
                header = text.rfind(_HEADER, start, row.start())
                if header >= 0 and _adds_up(text, header, row):
                    return Decimal(row["score"]), Span(
                        paragraph.text[row.start() : row.end()],
                        paragraph.start + row.start(),
                        paragraph.start + row.end(),
                    )
    return None
