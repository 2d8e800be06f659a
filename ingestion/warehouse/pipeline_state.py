"""What the warehouse last went through, so a run does only what changed: ``raw.pipeline_state``.

Name/value pairs written in the same transaction as the work they describe (or right after a
dbt build succeeded), so a killed run leaves the previous state and the next run redoes its work:

- ``registry_sha256``   the registry of expected documents last loaded
- ``built_through``     the newest raw.documents.loaded_at the last successful dbt build saw
- ``built_project``     the sha256 of the dbt project (models, macros, seeds, tests) it built
- ``built_as_of``       the date (UTC) of that build (``fct_expected_document`` depends on it)
- ``facts_version``     the run whose dbt build last changed the report marts
- ``marts_version``     the run whose dbt build last changed any mart
- ``validated_version`` the facts_version whose validation last finished, with ``validated_verdict``
- ``published_version`` the marts_version last published
"""

from __future__ import annotations

from collections.abc import Mapping

from ingestion.warehouse.connection import Warehouse

TABLE = "pipeline_state"


def create_statement(schema: str) -> str:
    return f"create table if not exists {schema}.{TABLE} (name varchar, value varchar)"


def read_state(warehouse: Warehouse) -> dict[str, str]:
    """Every recorded name and value (an empty dict before the first run or on a new warehouse).

    Reads only, so a read-only connection will do.
    """
    schema = warehouse.schema("raw")
    exists = warehouse.query(
        "select 1 from information_schema.tables where table_schema = ? and table_name = ?", [schema, TABLE]
    )
    if not exists:
        return {}
    rows = warehouse.query(f"select name, value from {schema}.{TABLE}")
    return {str(name): str(value) for name, value in rows}


def write_state(warehouse: Warehouse, values: Mapping[str, str | None]) -> None:
    """Set (or, with None, forget) ``values``; call inside the transaction of the work they record."""
    schema = warehouse.schema("raw")
    warehouse.execute(f"create schema if not exists {schema}")
    warehouse.execute(create_statement(schema))
    for name, value in values.items():
        warehouse.execute(f"delete from {schema}.{TABLE} where name = ?", [name])
        if value is not None:
            warehouse.execute(f"insert into {schema}.{TABLE} values (?, ?)", [name, value])
