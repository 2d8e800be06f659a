"""An indicator table's scores against its 总分 row, and another reading when they do not agree.

A self-evaluation form adds up: the indicators' 得分 plus the budget-execution row's 得分 make
the 总分. When a table read one way (by grid place, or by content without a grid) does not add
up, its rows are read again lined up each other way (``align.ALIGNMENTS``); the first reading
that adds up to the same stated 总分 replaces the first one. When none does, the first reading
stays (the stated values as read) and a warning names the failed check by its rule id
(``score_total``, expectations/rules.yml), so validation and the findings show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ingestion.parsing.tables.align import ALIGNMENTS
from ingestion.parsing.tables.facts import Record, TableFacts
from ingestion.parsing.tables.indicators import IndicatorTable, reread

SCORE_TOTAL_RULE = "score_total"


@dataclass(slots=True)
class OpenIndicators:
    """An indicator table whose 总分 row has not been seen: the next table may be its continuation."""

    table: IndicatorTable
    execution_score: int | float | None
    first_index: int  # where its records start in ``TableFacts.indicators``


def _scores(table: IndicatorTable) -> Decimal:
    # Decimal because scores like 9.5 + 8.3 do not add up exactly in binary floating point.
    return sum((Decimal(str(r.values["score"])) for r in table.records if r.values["score"] is not None),
               Decimal(0))  # fmt: skip


def _adds_up(table: IndicatorTable, execution: Decimal) -> bool:
    assert table.total_score is not None
    return _scores(table) + execution == Decimal(str(table.total_score))


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
    """Check the closed table's sum; read it another way when it does not add up."""
    table = found.table
    execution = Decimal(str(found.execution_score or 0))
    if not any(r.values["score"] is not None for r in table.records) or _adds_up(table, execution):
        return
    for how in ALIGNMENTS:
        if how == table.how:
            continue
        other = reread(table, how)
        if other.total_score == table.total_score and other.records and _adds_up(other, execution):
            facts.warnings.append(
                f"indicator table: read {table.how}-aligned its scores do not add up to the 总分; "
                f"read {how}-aligned they do, and that reading is kept"
            )
            _replace_records(found, other, facts)
            return
    scores = _scores(table)
    facts.warnings.append(
        f"{SCORE_TOTAL_RULE}: indicator scores ({scores}) plus budget execution ({execution}) add up to "
        f"{scores + execution}, the 总分 row states {table.total_score}; no other alignment of the rows "
        "adds up, the stated values are kept"
    )


def add_indicators(found: OpenIndicators, records: list[Record], facts: TableFacts) -> None:
    """Add newly read indicator ``records``; once the 总分 row is read, check the sum and set self_score."""
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
