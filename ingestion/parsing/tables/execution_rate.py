"""Which way a budget row short of a cell lines up: the way its stated 执行率 holds.

A text export that drops an empty cell (a blank 年初预算数) leaves the 年度资金总额 row one cell
short of its header, and nothing in the row says which column lost its cell. The form states its
own check: 执行率 is the 执行数 over the budget (全年预算数, else 年初预算数). Of the ways to put
the row under the header, the one whose stated rate agrees with its figures, to the last digit the
rate states (rounded or cut), is taken. When some way can be checked and none agrees, the row is
not read: a budget read from the wrong column is worse than none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from ingestion.documents.model import Cell
from ingestion.parsing.tables.cells import WAN, money_figure, score_figure, wan_string

Aligned = list[Cell | None]
_HUNDRED = Decimal(100)


def _money(cells: Aligned, column: int | None, unit: str) -> Decimal | None:
    figure = money_figure(cells[column]) if column is not None else None
    return Decimal(wan_string(figure, unit)) if figure is not None else None


def rate_holds(
    cells: Aligned, money_columns: Mapping[str, int], rate_column: int | None, unit: str = WAN
) -> bool | None:
    """Whether the row's 执行率 is its 执行数 over its budget; None when it states no rate, no
    execution or no budget to check it by."""
    rate_cell = cells[rate_column] if rate_column is not None else None
    rate = score_figure(rate_cell)
    executed = _money(cells, money_columns.get("executed_wan"), unit)
    budget = _money(cells, money_columns.get("full_year_wan"), unit)
    if budget is None:
        budget = _money(cells, money_columns.get("initial_wan"), unit)
    if rate is None or executed is None or not budget:
        return None
    places = len(rate.written.partition(".")[2])
    computed = executed / budget * _HUNDRED
    # Cut or rounded to the digits it states; a form caps the rate at 100% when it spent more.
    return abs(computed - rate.value) <= Decimal(1).scaleb(-places) or (
        rate.value == _HUNDRED and computed >= rate.value
    )


def checked_placement(
    row: Sequence[Cell],
    width: int,
    usual: Aligned,
    money_columns: Mapping[str, int],
    rate_column: int | None,
    unit: str = WAN,
) -> Aligned | None:
    """The placement of a row shorter or longer than its header whose rate holds (``usual``
    first); ``usual`` when no placement can be checked; None when some can and none holds."""
    missing = width - len(row)
    shifts: list[Aligned] = (
        [[None] * k + list(row) + [None] * (missing - k) for k in range(missing + 1)]
        if missing >= 0
        else [list(row[k : k + width]) for k in range(-missing + 1)]
    )
    checks = [(cells, rate_holds(cells, money_columns, rate_column, unit)) for cells in (usual, *shifts)]
    if all(held is None for _, held in checks):
        return usual
    holding = [cells for cells, held in checks if held]
    # Two placements that both hold but read different money leave the row undecided.
    readings = {tuple(_money(cells, column, unit) for column in money_columns.values()) for cells in holding}
    return holding[0] if len(readings) == 1 else None
