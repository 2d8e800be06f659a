"""The blocking rules as frame checks on the marts: keys, duplicates, amounts, relations, years."""

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


def _key_specs(mart: Mart) -> list[ExpectationSpec]:
    subject = f"{SCHEMA}.{mart.name}({', '.join(mart.grain)})"
    specs = [
        ExpectationSpec("keys_unique_not_null", subject, "ExpectColumnValuesToNotBeNull", {"column": column})
        for column in mart.grain
    ]
    if len(mart.grain) == 1:
        unique = ExpectationSpec(
            "keys_unique_not_null", subject, "ExpectColumnValuesToBeUnique", {"column": mart.grain[0]}
        )
    else:
        unique = ExpectationSpec(
            "keys_unique_not_null",
            subject,
            "ExpectCompoundColumnsToBeUnique",
            {"column_list": list(mart.grain)},
        )
    return [*specs, unique]


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


def _relation_and_year_specs(mart: Mart) -> list[ExpectationSpec]:
    specs = []
    if mart.has_report_id and mart.name != "dim_report":
        specs.append(
            ExpectationSpec(
                "report_in_dim_report",
                f"{SCHEMA}.{mart.name}.report_id",
                "ExpectColumnValuesToBeInSet",
                {"column": "in_dim_report", "value_set": [True]},
            )
        )
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


def _mart_sql(mart: Mart, schema: str) -> tuple[str, list[str]]:
    """The frame's SQL and its integer columns (kept nullable Int64, never float)."""
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
    if mart.has_report_id and mart.name != "dim_report":
        selects.append(f"report_id in (select report_id from {schema}.dim_report) as in_dim_report")
    return f"select {', '.join(selects)} from {schema}.{mart.name}", integers


def blocking_frame_checks(warehouse: Warehouse) -> list[FrameCheck]:
    """One frame per mart, plus the current-report duplicates frame of dim_report."""
    schema = warehouse.schema(SCHEMA)
    checks = []
    for mart in MARTS:
        sql, integers = _mart_sql(mart, schema)
        specs = [*_key_specs(mart), *_money_specs(mart), *_relation_and_year_specs(mart)]
        frame = fetch_frame(warehouse, sql, integers)
        checks.append(FrameCheck(f"{SCHEMA}.{mart.name}", frame, tuple(specs), tuple(mart.index_columns)))
    current = fetch_frame(
        warehouse,
        f"""
        select report_id, unit_id, fiscal_year, report_kind from {schema}.dim_report
        where is_current and unit_id is not null and fiscal_year is not null
    """,
    )
    duplicates = ExpectationSpec(
        "no_duplicate_report",
        f"{SCHEMA}.dim_report(unit_id, fiscal_year, report_kind) where is_current",
        "ExpectCompoundColumnsToBeUnique",
        {"column_list": ["unit_id", "fiscal_year", "report_kind"]},
    )
    checks.append(FrameCheck(f"{SCHEMA}.dim_report_current", current, (duplicates,)))
    return checks
