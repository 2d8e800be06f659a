"""A table row that Word or LibreOffice broke over a page, made one row again.

The first row of a table's piece at the top of a page is the rest of the row that ended the
page before ("年初预" / "算数") when it has the same cells, writes only under cells that wrote
above (or under a merged cell going down, whose text goes on), leaves some of those empty
(they were complete), and holds no figure except the end of a decimal number cut above
(1158. / 34, 1314.9 / 3): a new row of a form states figures (20, 95%), while a header or label
cut in two does not. A whole number cut in two (131 / 49) cannot be told from two rows'
figures and is left as two rows; a header ending a page above a first row that states no
figure at all would be taken for one row (forms' rows state scores and targets).
"""

from __future__ import annotations

import re

from ingestion.documents.pdf_text import join_wrapped

# A cell that is a figure and nothing else: 20, 9.5分, 100%, ≥95%, 1,234.50万元.
_FIGURE = re.compile(r"^[<>≤≥=＜＞]?-?[\d.,]+(?:%|％|分|万元|元)?$")
_DECIMAL = re.compile(r"^-?\d[\d,]*\.\d{1,2}$")

Bounds = tuple[float, float]  # a cell's left and right edge


def _number_goes_on(above: str, below: str) -> bool:
    """Whether the figure ``below`` is the cut-off end of the number ``above``: cut at its
    decimal point (1158. / 34), or inside its decimals (1314.9 / 3) as money is written."""
    if above.endswith((".", ",")):
        return True
    return "." in above and below.isdigit() and _DECIMAL.match(f"{above}{below}") is not None


def is_rest_of(first: list[str], last: list[str], last_covered: list[bool]) -> bool:
    """Whether ``first`` (a piece's first row) is the rest of ``last`` (the row ending the page
    before, same cells); ``last_covered`` marks the cells of ``last`` a merged cell covers."""
    if not any(first):
        return False
    cells = list(zip(last, first, last_covered, strict=True))
    writes_below_writing = all(not below or above or covered for above, below, covered in cells)
    some_complete = any(above and not below for above, below, _ in cells)
    figures_go_on = all(
        not _FIGURE.match(below) or _number_goes_on(above, below) for above, below, _ in cells
    )
    return writes_below_writing and some_complete and figures_go_on


def _owner(bounds: list[list[Bounds]], covered: list[list[bool]], row: int, cell: Bounds) -> tuple[int, int]:
    """(row, index) of the merged cell that covers ``cell``'s place in ``row`` from above."""
    for above in range(row - 1, -1, -1):
        for index, place in enumerate(bounds[above]):
            if place == cell and not covered[above][index]:
                return above, index
    return row, bounds[row].index(cell)


def merge_rest(
    rows: list[list[str]], bounds: list[list[Bounds]], covered: list[list[bool]], rest: list[str]
) -> None:
    """Append ``rest`` (the next page's part of the last row) to the last row's cells, in place;
    text under a merged cell goes to that cell."""
    last = len(rows) - 1
    for index, text in enumerate(rest):
        if not text:
            continue
        row, at = (last, index)
        if covered[last][index]:
            row, at = _owner(bounds, covered, last, bounds[last][index])
        rows[row][at] = join_wrapped([rows[row][at], text])
