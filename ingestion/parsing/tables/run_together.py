"""A 自评表's budget row whose figures ran together: a form copied to text with nothing between cells.

Document-sharing sites flatten a .docx form cell after cell without separators:
``全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额76.476.4100%``. The figures after the row
label are split again only when exactly one split gives the stated 执行率 (what was executed over
the budget, to the rate's own precision), each figure written as a number is (no leading zero, at
most two decimals). The columns come from the header words just before the label (or on the line above a row
that opens its line), in their order (a 分值 column may stand between the money and the rate; a
weight above the form's 100 points is no split); a 预算数 that names no stage is the full-year
budget. What comes out is an ordinary ``Table`` (header row, figure row) with every cell's
offsets, read by the budget-execution extractor.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations

from ingestion.documents.model import Cell, Paragraph, Table

_ROW = re.compile(r"(?:年度)?(?:财政\s*)?资金\s*总额[:：]?\s*(?P<run>\d[\d.]{2,40}?)%")
_HEADER_REACH = 80
_HEADER_WORD = re.compile(r"年初预算数?|全年预算数?|调整后?预算数?|预算数|全年执行数|执行数|分值|权重|执行率")
# A weight column may stand between the money and the rate (…全年执行数(B)分值执行率…).
_WEIGHT = ("分值", "权重")
_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
_MAX_MONEY_COLUMNS = 3
_MAX_WEIGHT = Decimal(100)


def _columns(text: str, label_at: int) -> list[re.Match[str]]:
    """The header words (money columns, then 执行率) standing before the row label."""
    words = list(_HEADER_WORD.finditer(text, max(0, label_at - _HEADER_REACH), label_at))
    rate = next((i for i, w in enumerate(words) if w.group() == "执行率" and i > 0), None)
    if rate is None:
        return []
    before = [w for w in words[:rate] if w.group() != "执行率"]
    weight = before[-1:] if before and before[-1].group() in _WEIGHT else []
    money = [w for w in before[: len(before) - len(weight)] if w.group() not in _WEIGHT]
    return [*money[-_MAX_MONEY_COLUMNS:], *weight, words[rate]]


def _splits(run: str, parts: int) -> list[list[tuple[int, int]]]:
    """Every way to cut ``run`` into ``parts`` numbers, as (start, end) pairs."""
    found = []
    for cuts in combinations(range(1, len(run)), parts - 1):
        bounds = [0, *cuts, len(run)]
        pieces = [(bounds[i], bounds[i + 1]) for i in range(parts)]
        if all(_NUMBER.fullmatch(run[a:b]) for a, b in pieces):
            found.append(pieces)
    return found


def _consistent(run: str, pieces: list[tuple[int, int]], weighted: bool) -> bool:
    """The last figure (the rate) is the executed figure over the budget before it (before the
    weight, when a weight column stands between), rounded as written."""
    *figures, rate_at = (Decimal(run[a:b]) for a, b in pieces)
    money = figures[:-1] if weighted else figures
    if weighted and figures[-1] > _MAX_WEIGHT:  # 分值 is points of the 100 a form scores
        return False
    written = run[pieces[-1][0] : pieces[-1][1]]
    budget, executed = money[-2], money[-1]
    if budget <= 0 or rate_at <= 0:  # a zero rate fits any tiny execution: no evidence
        return False
    places = len(written.split(".")[1]) if "." in written else 0
    return abs(executed / budget * 100 - rate_at) <= Decimal(5).scaleb(-places - 1) * 2


def _cell(paragraph: Paragraph, start: int, end: int) -> Cell:
    """A cell over ``paragraph.text[start:end]`` (positions in the paragraph), at document offsets."""
    return Cell(paragraph.text[start:end], paragraph.start + start, paragraph.start + end)


def run_together_table(paragraph: Paragraph, above: Paragraph | None = None) -> tuple[Table, int, int] | None:
    """(table, start, stop) of a budget row whose figures ran together in ``paragraph``; its header
    words stand before the row label, or make up the line ``above`` it."""
    text = paragraph.text
    for row in _ROW.finditer(text):
        columns = _columns(text, row.start())
        header_of = paragraph
        if len(columns) < 3 and above is not None and not text[: row.start()].strip():
            columns, header_of = _columns(above.text, len(above.text)), above
        if len(columns) < 3:
            continue
        run, at = row["run"], row.start("run")
        weighted = columns[-2].group() in _WEIGHT
        if weighted and len(columns) < 4:
            continue
        good = [p for p in _splits(run, len(columns)) if _consistent(run, p, weighted)]
        if len(good) != 1:
            continue
        figures = [_cell(paragraph, at + a, at + b) for a, b in good[0]]
        figures[-1] = _cell(paragraph, at + good[0][-1][0], at + good[0][-1][1] + 1)  # the rate with its %
        header = [_cell(header_of, w.start(), w.end()) for w in columns]
        label = _cell(paragraph, row.start(), at - (len(text[:at]) - len(text[:at].rstrip())))
        rows = ((Cell("", header[0].start, header[0].start), *header), (label, *figures))
        return Table(rows=rows, start=header[0].start, end=figures[-1].end), header[0].start, figures[-1].end
    return None
