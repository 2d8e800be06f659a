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
import yaml

from ingestion.settings import PROJECT_ROOT, Settings
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


# The marts dbt builds and BI reads, as dbt declares them (fct_validation_finding is ours; the
# registry marts of _marts__expected_models.yml are checked by dbt alone).
MARTS_YML = PROJECT_ROOT / "dbt_project" / "models" / "marts" / "_marts__models.yml"


def _grain(model: dict[str, Any]) -> tuple[str, ...]:
    """The model's key as its dbt tests state it: a unique combination, else a unique column."""
    for test in model.get("data_tests") or []:
        if isinstance(test, dict) and "unique_combination_of_columns" in test:
            return tuple(test["unique_combination_of_columns"]["arguments"]["combination_of_columns"])
    unique = [c["name"] for c in model["columns"] if "unique" in (c.get("data_tests") or [])]
    if len(unique) != 1:
        raise ValueError(f"{MARTS_YML.name}: {model['name']} declares no single grain (unique test)")
    return (unique[0],)


def _mart(model: dict[str, Any]) -> Mart:
    columns = [column["name"] for column in model["columns"]]
    return Mart(
        model["name"],
        _grain(model),
        tuple(column for column in columns if column.endswith("_yuan")),
        has_report_id="report_id" in columns,
        # A fact's fiscal_year is its report's (dbt joins it from dim_report): checked where it starts.
        has_fiscal_year="fiscal_year" in columns and model["name"].startswith("dim_"),
    )


def _marts() -> tuple[Mart, ...]:
    document = yaml.safe_load(MARTS_YML.read_text(encoding="utf-8"))
    return tuple(_mart(model) for model in document["models"])


MARTS: tuple[Mart, ...] = _marts()


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
