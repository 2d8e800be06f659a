"""Build a throwaway DuckDB warehouse holding the marts with the documented columns, by hand.

The marts are dbt's job; these tests build the tables themselves (columns and types as in
docs/data-model.md) so validation is tested on exactly the rows each case needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

from ingestion.contract import ReportExtraction
from ingestion.warehouse.connection import Warehouse
from tests.contract.builders import build_extraction

WAN = "decimal(18, 6)"
YUAN = "decimal(20, 2)"
POINTS = "decimal(9, 3)"
MART_COLUMNS: dict[str, str] = {
    "dim_report": f"""report_id varchar, report_kind varchar, report_title varchar, unit_id varchar,
        division_code varchar, fiscal_year integer, self_score {POINTS}, source_uri varchar, portal varchar,
        document_format varchar, collected_at timestamp, published_date date, parser_version varchar,
        loaded_at timestamp, is_current boolean, superseded_by_report_id varchar""",
    "dim_unit": "unit_id varchar, unit_name varchar, division_code varchar",
    "dim_region": "division_code varchar, province_name varchar, city_name varchar, district_name varchar, "
    "region_level varchar",
    "dim_fiscal_year": "fiscal_year integer, year_start_date date, year_end_date date",
    "fct_expenditure": f"""report_id varchar, line_item varchar, line_item_name_zh varchar,
        parent_line_item varchar, amount_wan {WAN}, amount_yuan {YUAN}, fiscal_year integer, unit_id varchar,
        evidence_text varchar, evidence_start integer, evidence_end integer""",
    "fct_project_expenditure": f"""report_id varchar, project_seq integer, project_name varchar,
        project_type varchar, project_purpose varchar, budget_yuan {YUAN}, spent_yuan {YUAN},
        fiscal_year integer, unit_id varchar, evidence_text varchar""",
    "fct_performance_indicator": f"""report_id varchar, indicator_seq integer, level1_name varchar,
        level2_name varchar, indicator_name varchar, target_value varchar, actual_value varchar,
        weight_points {POINTS}, score_points {POINTS}, deviation_note varchar, fiscal_year integer,
        unit_id varchar, evidence_text varchar""",
    "fct_budget_execution": f"""report_id varchar, initial_yuan {YUAN}, full_year_yuan {YUAN},
        executed_yuan {YUAN}, execution_rate_pct decimal(9, 3), weight_points {POINTS},
        score_points {POINTS}""",
    "fct_staffing": "report_id varchar, staff_category varchar, headcount integer",
    "fct_cost_control": f"""report_id varchar, row_seq integer, item_name varchar,
        prior_final_yuan {YUAN}, budget_yuan {YUAN}, final_yuan {YUAN}""",
    "fct_narrative_metric": """report_id varchar, metric_seq integer, metric_name varchar,
        metric_value varchar, metric_unit varchar, qualifier varchar, evidence_text varchar""",
    "fct_report_statement": """report_id varchar, statement_kind varchar, statement_seq integer,
        statement_text varchar""",
    "fct_document_ledger": """document_sha256 varchar, status varchar, status_reason varchar,
        source_uri varchar, portal varchar, document_format varchar, size_bytes bigint,
        collected_at timestamp, parser_version varchar, superseded_by varchar""",
}


@dataclass
class MartReport:
    """One report as the marts hold it; money in 万元 as stated (yuan is derived exactly)."""

    report_id: str
    unit_name: str | None
    fiscal_year: int | None
    amounts_wan: Mapping[str, str] = field(default_factory=dict)
    projects: Sequence[tuple[str | None, str | None]] = ()  # (budget_wan, spent_wan)
    indicators: Sequence[tuple[str | None, str | None]] = ()  # (weight, score)
    # (full_year_wan, executed_wan, rate_pct, weight, score)
    execution: tuple[str | None, str | None, str | None, str | None, str | None] | None = None
    self_score: str | None = None
    kind: str = "overall_expenditure"
    is_current: bool = True


def _yuan(wan: str | None) -> Decimal | None:
    return None if wan is None else Decimal(wan) * 10000


@contextmanager
def _opened(target: Path | Warehouse) -> Iterator[tuple[Warehouse, str]]:
    """A DuckDB file path or an open warehouse (PostgreSQL tests), with its marts schema, in a transaction."""
    warehouse = target if isinstance(target, Warehouse) else Warehouse("duckdb", duckdb.connect(str(target)))
    try:
        with warehouse.transaction():
            yield warehouse, warehouse.schema("marts")
    finally:
        if warehouse is not target:
            warehouse.close()


def create_marts(target: Path | Warehouse) -> None:
    with _opened(target) as (warehouse, marts):
        warehouse.execute(f"create schema if not exists {marts}")
        for mart, columns in MART_COLUMNS.items():
            warehouse.execute(f"create table {marts}.{mart} ({columns})")


def add_report(target: Path | Warehouse, report: MartReport) -> None:
    unit_id = None if report.unit_name is None else f"unit-{report.unit_name}"
    rid, year = report.report_id, report.fiscal_year
    with _opened(target) as (warehouse, marts):
        warehouse.execute(
            f"insert into {marts}.dim_report (report_id, report_kind, unit_id, fiscal_year, self_score,"
            " is_current) values (?, ?, ?, ?, ?, ?)",
            [rid, report.kind, unit_id, year, report.self_score, report.is_current],
        )
        if unit_id is not None:
            warehouse.execute(
                f"insert into {marts}.dim_unit (unit_id, unit_name) select ?, ? "
                f"where not exists (select 1 from {marts}.dim_unit where unit_id = ?)",
                [unit_id, report.unit_name, unit_id],
            )
        warehouse.executemany(
            f"insert into {marts}.fct_expenditure (report_id, line_item, amount_wan, amount_yuan,"
            " fiscal_year) values (?, ?, ?, ?, ?)",
            [(rid, line_item, wan, _yuan(wan), year) for line_item, wan in report.amounts_wan.items()],
        )
        warehouse.executemany(
            f"insert into {marts}.fct_project_expenditure (report_id, project_seq, project_name,"
            " budget_yuan, spent_yuan, fiscal_year) values (?, ?, ?, ?, ?, ?)",
            [
                (rid, seq, f"project {seq}", _yuan(budget), _yuan(spent), year)
                for seq, (budget, spent) in enumerate(report.projects, start=1)
            ],
        )
        warehouse.executemany(
            f"insert into {marts}.fct_performance_indicator (report_id, indicator_seq, indicator_name,"
            " weight_points, score_points, fiscal_year) values (?, ?, ?, ?, ?, ?)",
            [
                (rid, seq, f"indicator {seq}", weight, score, year)
                for seq, (weight, score) in enumerate(report.indicators, start=1)
            ],
        )
        if report.execution is not None:
            full_year, executed, rate, weight, score = report.execution
            warehouse.execute(
                f"insert into {marts}.fct_budget_execution (report_id, full_year_yuan, executed_yuan,"
                " execution_rate_pct, weight_points, score_points) values (?, ?, ?, ?, ?, ?)",
                [rid, _yuan(full_year), _yuan(executed), rate, weight, score],
            )


def execute(path: Path, sql: str, params: Sequence[object] = ()) -> None:
    with duckdb.connect(str(path)) as connection:
        connection.execute(sql, list(params))


# Invented reports shaped like the four seeds (kind, which facts they state), figures that add up.
SEED_000 = MartReport(
    "0" * 63 + "0",
    "柏溪街道办事处",
    2021,
    amounts_wan={
        "appropriation_expenditure": "2846.27",
        "basic": "2102.15",
        "personnel": "1240.60",
        "public_funds": "861.55",
        "project": "744.12",
    },
    projects=[(None, s) for s in ("6.2", "80.0", "96.35", "231.40", "240.04", "88.19", "1.74", "0.2")],
    self_score="89",
)
SEED_002 = MartReport(
    "0" * 63 + "2",
    "松岭街道办事处",
    2023,
    amounts_wan={
        "appropriation_expenditure": "1682.24",
        "basic": "1263.48",
        "personnel": "831.20",
        "public_funds": "344.50",
        "household_subsidy": "81.43",
        "capital": "6.35",
        "project": "418.76",
        "budget_full_year": "1682.24",
        "executed": "1682.24",
    },
    projects=[(None, "258.37"), (None, "131.25"), (None, "29.14")],
    indicators=[
        ("20", "20"),
        ("10", "10"),
        ("10", "10"),
        ("10", "10"),
        ("10", "10"),
        ("10", "6"),
        ("20", "20"),
    ],
    execution=("1682.24", "1682.24", "100", "10", "10"),
    self_score="96",
)
SEED_003 = MartReport("0" * 63 + "3", "青枫街道办事处", 2023)
SEED_004 = MartReport(
    "0" * 63 + "4",
    "石湾街道办事处",
    2021,
    kind="key_projects",
    amounts_wan={"project": "2020.7", "project_budget": "1960.80"},
    projects=[("472.30", "640.25"), ("1488.50", "1380.45")],
)
SEEDS = (SEED_000, SEED_002, SEED_003, SEED_004)


def as_extraction(report: MartReport) -> ReportExtraction:
    """The same report as a report-extraction/1 document, to run it through the staging boundary too."""
    execution = None
    if report.execution is not None:
        full_year, executed, rate, weight, score = report.execution
        execution = {
            "full_year_wan": full_year,
            "executed_wan": executed,
            "rate_pct": rate,
            "weight": weight,
            "score": score,
        }
    return build_extraction({
        "report": {"unit_name": report.unit_name, "fiscal_year": report.fiscal_year},
        "amounts_wan": dict(report.amounts_wan),
        "projects": [{"name": "", "budget_wan": b, "spent_wan": s} for b, s in report.projects],
        "indicators": [{"name": "", "weight": w, "score": s} for w, s in report.indicators],
        "budget_execution": execution,
        "self_score": report.self_score,
    })  # fmt: skip
