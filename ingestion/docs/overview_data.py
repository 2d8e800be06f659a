"""What the overview page shows, read from the published marts (what BI reads).

DuckDB: the read-only BI copy behind ``published/current`` (never the live file, which a run
may be writing). PostgreSQL: the marts schema. Each query returns plain rows as dicts; money
and rates stay Decimal until the page turns them into chart values.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ingestion.settings import Settings
from ingestion.warehouse.connection import Warehouse, connect

# {marts} is the schema of the marts; every query reads only current reports.
QUERIES = {
    "documents": """
        select coalesce(g.province_name, '(unknown)') as province, r.fiscal_year, r.report_kind,
               count(*) as reports
        from {marts}.dim_report r left join {marts}.dim_region g on r.division_code = g.division_code
        where r.is_current and r.fiscal_year is not null
        group by 1, 2, 3 order by 1, 2, 3""",
    "expenditure": """
        select coalesce(g.province_name, '(unknown)') as province, e.fiscal_year,
               sum(e.amount_wan) as expenditure_wan
        from {marts}.fct_expenditure e
        join {marts}.dim_report r on e.report_id = r.report_id
        left join {marts}.dim_region g on r.division_code = g.division_code
        where e.line_item = 'appropriation_expenditure' and e.fiscal_year is not null
        group by 1, 2 order by 1, 2""",
    "execution": """
        select coalesce(g.province_name, '(unknown)') as province, b.fiscal_year,
               avg(b.execution_rate_pct) as execution_rate_pct, count(*) as reports
        from {marts}.fct_budget_execution b
        join {marts}.dim_report r on b.report_id = r.report_id
        left join {marts}.dim_region g on r.division_code = g.division_code
        where b.execution_rate_pct is not null and b.fiscal_year is not null
        group by 1, 2 order by 1, 2""",
    "validation": """
        select rule_id, outcome, count(*) as findings
        from {marts}.fct_validation_finding
        group by 1, 2 order by 1, 2""",
    "quarantine": """
        select coalesce(status_reason, '(none given)') as reason, count(*) as documents
        from {marts}.fct_document_ledger where status = 'quarantined'
        group by 1 order by 2 desc, 1""",
    "parser_versions": """
        select coalesce(parser_version, '(not parsed)') as parser_version, status, count(*) as documents
        from {marts}.fct_document_ledger group by 1, 2 order by 1, 2""",
    "not_published": """
        select e.unit_name, coalesce(g.province_name, '(unknown)') as province, e.division_code,
               e.fiscal_year, e.report_kind, e.due_date, e.publication_status, e.is_in_registry
        from {marts}.fct_expected_document e
        left join {marts}.dim_region g on e.division_code = g.division_code
        where e.publication_status in ('overdue', 'expected')
        order by e.publication_status desc, e.due_date, e.unit_name, e.report_kind""",
}


@contextmanager
def published_marts(settings: Settings) -> Iterator[tuple[Warehouse, str]]:
    """An open read-only connection to the published marts and the marts schema's name."""
    if settings.warehouse_target == "postgres":
        with connect(settings, read_only=True) as warehouse:
            yield warehouse, warehouse.schema("marts")
        return
    import duckdb

    bi_copy = settings.published_dir / "current" / "budget_marts.duckdb"
    if not bi_copy.exists():
        raise FileNotFoundError(f"nothing published yet ({bi_copy} is missing): run the pipeline first")
    with Warehouse(kind="duckdb", connection=duckdb.connect(str(bi_copy), read_only=True)) as warehouse:
        yield warehouse, "marts"


def overview_data(settings: Settings) -> dict[str, list[dict[str, Any]]]:
    """Every query's rows, by query name."""
    data = {}
    with published_marts(settings) as (warehouse, marts):
        for name, sql in QUERIES.items():
            cursor_rows = _rows(warehouse, sql.format(marts=marts))
            data[name] = cursor_rows
    return data


def _rows(warehouse: Warehouse, sql: str) -> list[dict[str, Any]]:
    if warehouse.kind == "duckdb":
        result = warehouse.connection.execute(sql)
        columns = [column[0] for column in result.description]
        return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
    with warehouse.connection.cursor() as cursor:
        cursor.execute(sql)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
