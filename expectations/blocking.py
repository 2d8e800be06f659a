"""The blocking value rules as frame checks on the marts: amounts in whole fen and in range, years.

Keys, grains, relationships and one current report per unit-year-kind are dbt's (its data tests
stop the run before validation); Great Expectations checks the values dbt does not.

The checks are pushed down: the database returns only the rows that break a rule (a sound mart
returns none, whatever its size), and GX gives its verdict on those rows, naming each one.
"""

from __future__ import annotations

from decimal import Decimal

from expectations.frame_checks import ExpectationSpec, FrameCheck
from expectations.marts import MARTS, SCHEMA, Mart, fetch_frame
from expectations.rules import load_rules
from ingestion.warehouse.connection import Warehouse

# At most 2 decimals; trailing zeros are allowed so a DECIMAL(20,6) 12.340000 still passes.
TWO_DECIMALS = r"^-?[0-9]+(?:\.[0-9]{0,2}0*)?$"
# Clamp before scaling to fen so an absurd amount still fits BIGINT and still fails the range check.
CLAMP_YUAN = "1000000000000::decimal(38, 2)"


def _money_specs(mart: Mart) -> list[ExpectationSpec]:
    rules = load_rules()
    fen = Decimal(100)
    low = int(Decimal(rules["amount_yuan_range"].param("min_yuan")) * fen)
    high = int(Decimal(rules["amount_yuan_range"].param("max_yuan")) * fen)
    specs = []
    for column in mart.money_yuan:
        subject = f"{SCHEMA}.{mart.name}.{column}"
        specs.append(
            ExpectationSpec(
                "amount_yuan_precision",
                subject,
                "ExpectColumnValuesToMatchRegex",
                {"column": f"{column}__text", "regex": TWO_DECIMALS},
            )
        )
        specs.append(
            ExpectationSpec(
                "amount_yuan_range",
                subject,
                "ExpectColumnValuesToBeBetween",
                {"column": f"{column}__fen", "min_value": low, "max_value": high},
            )
        )
    return specs


def _year_specs(mart: Mart) -> list[ExpectationSpec]:
    specs = []
    if mart.has_fiscal_year:
        years = load_rules()["fiscal_year_range"]
        specs.append(
            ExpectationSpec(
                "fiscal_year_range",
                f"{SCHEMA}.{mart.name}.fiscal_year",
                "ExpectColumnValuesToBeBetween",
                {
                    "column": "fiscal_year",
                    "min_value": years.param("min_year"),
                    "max_value": years.param("max_year"),
                },
            )
        )
    return specs


def _suspect_condition(mart: Mart) -> str:
    """SQL true for a row that breaks a rule of ``mart`` (NULL, never true, for unstated values)."""
    rules = load_rules()
    low = rules["amount_yuan_range"].param("min_yuan")
    high = rules["amount_yuan_range"].param("max_yuan")
    conditions = [
        f'"{column}" <> round("{column}", 2) or "{column}" < {low} or "{column}" > {high}'
        for column in mart.money_yuan
    ]
    if mart.has_fiscal_year:
        years = rules["fiscal_year_range"]
        conditions.append(
            f"fiscal_year < {years.param('min_year')} or fiscal_year > {years.param('max_year')}"
        )
    return " or ".join(f"({condition})" for condition in conditions)


def _mart_sql(mart: Mart, schema: str) -> tuple[str, list[str]]:
    """The SQL of the rows that break a rule, and its integer columns (nullable Int64, never float)."""
    columns = list(
        dict.fromkeys(
            [
                *mart.grain,
                *(["report_id"] if mart.has_report_id else []),
                *(["fiscal_year"] if mart.has_fiscal_year else []),
            ]
        )
    )
    selects = [f'"{column}"' for column in columns]
    integers = ["fiscal_year"] if mart.has_fiscal_year else []
    for column in mart.money_yuan:
        selects.append(f'cast("{column}" as varchar) as "{column}__text"')
        # Not least()/greatest(): they skip NULL, and an unstated amount would become the clamp.
        clamped = (
            f'case when "{column}" > {CLAMP_YUAN} then {CLAMP_YUAN} '
            f'when "{column}" < -{CLAMP_YUAN} then -{CLAMP_YUAN} else "{column}" end'
        )
        selects.append(f'cast({clamped} * 100 as bigint) as "{column}__fen"')
        integers.append(f"{column}__fen")
    sql = f"select {', '.join(selects)} from {schema}.{mart.name} where {_suspect_condition(mart)}"
    return sql, integers


def blocking_frame_checks(warehouse: Warehouse) -> list[FrameCheck]:
    """One frame per mart that holds money or a fiscal year: its rows that break a rule."""
    schema = warehouse.schema(SCHEMA)
    checks = []
    for mart in MARTS:
        specs = [*_money_specs(mart), *_year_specs(mart)]
        if not specs:
            continue
        sql, integers = _mart_sql(mart, schema)
        frame = fetch_frame(warehouse, sql, integers)
        checks.append(FrameCheck(f"{SCHEMA}.{mart.name}", frame, tuple(specs), tuple(mart.index_columns)))
    return checks
