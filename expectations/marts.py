"""Reading the marts: which marts exist with which grain, and read-only reads from the warehouse.

DuckDB by default; PostgreSQL when ``BPW_WAREHOUSE_TARGET=postgres`` (marts in
``<prefix>_marts``), through the same SQL. Money leaves the database as text
(``CAST(... AS VARCHAR)``) or integer fen, never through DuckDB's ``.df()``, which would turn
DECIMAL into float64.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ingestion.settings import Settings
from ingestion.warehouse.connection import Warehouse, connect

# The layer's name; on PostgreSQL its schema is ``<prefix>_marts`` (``Warehouse.schema``).
SCHEMA = "marts"


@dataclass(frozen=True)
class Mart:
    name: str
    grain: tuple[str, ...]
    money_yuan: tuple[str, ...] = ()
    has_report_id: bool = True
    has_fiscal_year: bool = False

    @property
    def index_columns(self) -> list[str]:
        """The columns that name a failing row in GX results: the report, else the grain."""
        return ["report_id"] if self.has_report_id else list(self.grain)


# The marts of docs/data-model.md that the blocking rules guard (fct_validation_finding is ours).
MARTS: tuple[Mart, ...] = (
    Mart("dim_report", ("report_id",), has_fiscal_year=True),
    Mart("dim_unit", ("unit_id",), has_report_id=False),
    Mart("dim_region", ("division_code",), has_report_id=False),
    Mart("dim_fiscal_year", ("fiscal_year",), has_report_id=False, has_fiscal_year=True),
    Mart("fct_expenditure", ("report_id", "line_item"), ("amount_yuan",), has_fiscal_year=True),
    Mart(
        "fct_project_expenditure",
        ("report_id", "project_seq"),
        ("budget_yuan", "spent_yuan"),
        has_fiscal_year=True,
    ),
    Mart("fct_performance_indicator", ("report_id", "indicator_seq"), has_fiscal_year=True),
    Mart("fct_budget_execution", ("report_id",), ("initial_yuan", "full_year_yuan", "executed_yuan")),
    Mart("fct_staffing", ("report_id", "staff_category")),
    Mart("fct_cost_control", ("report_id", "row_seq"), ("prior_final_yuan", "budget_yuan", "final_yuan")),
    Mart("fct_narrative_metric", ("report_id", "metric_seq")),
    Mart("fct_report_statement", ("report_id", "statement_kind", "statement_seq")),
    Mart("fct_document_ledger", ("document_sha256",), has_report_id=False),
)


class MartsMissing(RuntimeError):
    """The warehouse lacks marts that validation reads: dbt has not built them (yet)."""


def open_marts(settings: Settings) -> Warehouse:
    """A read-only connection to the warehouse, after checking every mart is there."""
    try:
        warehouse = connect(settings, read_only=True)
    except FileNotFoundError as exc:
        raise MartsMissing(f"{exc}: run the load and dbt build first") from exc
    schema = warehouse.schema(SCHEMA)
    rows = warehouse.query(
        "select table_name from information_schema.tables where table_schema = ?", [schema]
    )
    missing = sorted({mart.name for mart in MARTS} - {row[0] for row in rows})
    if missing:
        warehouse.close()
        raise MartsMissing(f"{settings.warehouse_target} warehouse lacks {schema}.{', '.join(missing)}: "
                           "run dbt build first")  # fmt: skip
    return warehouse


def _columns_and_rows(warehouse: Warehouse, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    if warehouse.kind == "duckdb":
        cursor = warehouse.connection.execute(sql)
        return [column[0] for column in cursor.description], cursor.fetchall()
    with warehouse.connection.cursor() as cursor:
        cursor.execute(sql)
        return [column[0] for column in cursor.description], cursor.fetchall()


def fetch_frame(warehouse: Warehouse, sql: str, integer_columns: Sequence[str] = ()) -> pd.DataFrame:
    """A query's rows as a frame; integer_columns become nullable Int64 so NULL does not make floats."""
    columns, rows = _columns_and_rows(warehouse, sql)
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    for column in integer_columns:
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    return frame
