"""An indicator table checked against itself, and read another way when it does not hold together.

A self-evaluation form adds up: the indicators' 得分 plus the budget-execution row's 得分 make
the 总分 (``score_total``), their 分值 make the 总分 row's 分值 or 100 (``weights_total``), and
no row scores more than it is worth (``score_within_weight``); the ids are the validation
rules' (expectations/rules.yml). A reading that breaks one of them may be lined up wrong (a
Word row whose cells stand off the header's grid columns reads 实际完成值 as 分值 and 分值 as
得分, and still adds up its 总分), so the table's rows are read again each other way
(``align.ALIGNMENTS``; the 总分 row is read the same way as the rows) and the first reading
that breaks none replaces the first one. When none does, the first reading stays (the stated
values as read) and a warning names each rule it breaks, so validation and findings show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ingestion.parsing.tables.align import ALIGNMENTS, FIT, GRID
from ingestion.parsing.tables.facts import Record, TableFacts
from ingestion.parsing.tables.indicators import IndicatorTable, reread

SCORE_TOTAL, WEIGHTS_TOTAL, SCORE_WITHIN_WEIGHT = "score_total", "weights_total", "score_within_weight"
FULL_MARKS = Decimal(100)


@dataclass(slots=True)
class OpenIndicators:
    """An indicator table whose 总分 row has not been seen: the next table may be its continuation."""

    table: IndicatorTable
    execution: dict[str, Any] | None  # the budget-execution row's values (score, weight ...)
    first_index: int  # where its records start in ``TableFacts.indicators``


def _decimal(value: int | float | None) -> Decimal:
    # Decimal because scores like 9.5 + 8.3 do not add up exactly in binary floating point.
    return Decimal(str(value)) if value is not None else Decimal(0)


def _column_sum(table: IndicatorTable, key: str) -> Decimal:
    return sum((_decimal(r.values[key]) for r in table.records), Decimal(0))


def _broken_rules(table: IndicatorTable, execution: dict[str, Any]) -> list[str]:
    """The ids of the checks this reading of the table fails."""
    broken = []
    scores = _column_sum(table, "score") + _decimal(execution.get("score"))
    if table.total_score is not None and scores != _decimal(table.total_score):
        broken.append(SCORE_TOTAL)
    if all(r.values["weight"] is not None for r in table.records):
        weights = _column_sum(table, "weight") + _decimal(execution.get("weight"))
        if weights != (_decimal(table.total_weight) if table.total_weight is not None else FULL_MARKS):
            broken.append(WEIGHTS_TOTAL)
    scored = [(r.values["score"], r.values["weight"]) for r in table.records]
    if any(score is not None and weight is not None and score > weight for score, weight in scored):
        broken.append(SCORE_WITHIN_WEIGHT)
    return broken


def _replace_records(found: OpenIndicators, better: IndicatorTable, facts: TableFacts) -> None:
    start = found.first_index

    def is_stale(key: str) -> bool:
        return key.startswith("/indicators/") and int(key.split("/")[2]) >= start

    for key in [key for key in facts.evidence if is_stale(key)]:
        del facts.evidence[key]
    del facts.indicators[start:]
    for record in better.records:
        facts.append("indicators", record)
    found.table = better


def _settle(found: OpenIndicators, facts: TableFacts) -> None:
    """Check the closed table; read it another way when it does not hold together."""
    table, execution = found.table, found.execution or {}
    if not any(r.values["score"] is not None for r in table.records):
        return  # an unscored form: nothing to check
    broken = _broken_rules(table, execution)
    if not broken:
        return
    # Without a grid (a text export) GRID lines every row up as FIT does: reading the rows FIT
    # would repeat the reading that just broke the rules.
    read_alike = (
        {table.how, FIT} if table.how == GRID and table.header and table.header.slots is None else {table.how}
    )
    for how in ALIGNMENTS:
        other = reread(table, how) if how not in read_alike else None
        if (
            other is not None
            and other.total_score is not None
            and other.records
            and not _broken_rules(other, execution)
        ):
            facts.warnings.append(
                f"indicator table: read {table.how}-aligned it breaks {', '.join(broken)}; "
                f"read {how}-aligned it adds up, and that reading is kept"
            )
            _replace_records(found, other, facts)
            return
    scores, execution_score = _column_sum(table, "score"), _decimal(execution.get("score"))
    details = {
        SCORE_TOTAL: f"indicator scores ({scores}) plus budget execution ({execution_score}) "
        f"add up to {scores + execution_score}, the 总分 row states {table.total_score}",
        WEIGHTS_TOTAL: f"indicator weights add up to {_column_sum(table, 'weight')}",
        SCORE_WITHIN_WEIGHT: "an indicator scores more than its weight",
    }
    for rule in broken:
        facts.warnings.append(
            f"{rule}: {details[rule]}; no other alignment of the rows adds up, the stated values are kept"
        )


def add_indicators(found: OpenIndicators, records: list[Record], facts: TableFacts) -> None:
    """Add newly read indicator ``records``; once the 总分 row is read, check the table and set self_score."""
    for record in records:
        facts.append("indicators", record)
    table = found.table
    facts.warnings.extend(table.warnings)
    table.warnings.clear()
    if table.total_score is None:
        return
    _settle(found, facts)
    table = found.table
    if facts.self_score is None and table.total_cite is not None:
        facts.self_score = table.total_score
        facts.evidence["/self_score"] = table.total_cite
    elif facts.self_score is not None:
        facts.warnings.append(f"another 总分 {table.total_score}; self_score keeps {facts.self_score}")
