"""load_documents against a real DuckDB file: upsert by document, exact decimals, lineage, evidence."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingestion.contract import ReportExtraction
from ingestion.settings import Settings, load_settings
from ingestion.warehouse import Warehouse, connect, load_documents
from ingestion.warehouse.bulk import RowShapeError, insert_rows
from ingestion.warehouse.staging_rows import fact_rows
from ingestion.warehouse.staging_schema import all_tables, table_columns
from tests.contract.builders import build_extraction

SHA_A = "a" * 64
SHA_B = "b" * 64


def ledger_row(sha: str, **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "document_sha256": sha,
        "source_uri": f"https://portal.example/{sha[:8]}.docx",
        "portal": "example",
        "format": "docx",
        "size_bytes": 12345,
        "collected_at": "2024-05-01T16:30:00+08:00",
        "published_date": "2024-04-30",
        "listing_title": "2023年度整体支出绩效自评报告",
        "publisher": "某街道办事处",
        "unit_hint": None,
        "archive_path": f"archive/{sha[:2]}/{sha}",
        "status": "parsed",
        "status_reason": None,
        "parser_version": "1.2.0",
    }
    row.update(overrides)
    return row


def extraction(**overrides: Any) -> ReportExtraction:
    """A small report-extraction/1 document (what it leaves out is not stated)."""
    document: dict[str, Any] = {
        "contract": "report-extraction/1",
        "source": {"path": "x.docx", "sha256": SHA_A, "format": "docx"},
        "report": {
            "kind": "overall_expenditure",
            "title": "2023年度某街道办事处整体支出绩效自评报告",
            "unit_name": "某街道办事处",
            "region": {
                "province": "湖南省", "city": "株洲市", "district": "天元区", "division_code": "430211",
            },
            "fiscal_year": 2023,
        },
        "amounts_wan": {"basic": "1263.48", "project": "0.000001", "gov_fund": "0", "personnel": None},
        "projects": [
            {"name": "社区服务补助经费", "budget_wan": "300", "spent_wan": "258.37"},
            {"name": "其他项目支出", "budget_wan": "30.5", "spent_wan": None},
        ],
        "staffing": {"authorized": 33, "actual": 33, "retired": None},
        "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "落实", "target": "全部",
                        "actual": "全部", "weight": 20, "score": 19.5, "note": None}],
        "budget_execution": {"initial_wan": "537.60", "full_year_wan": "1682.24", "executed_wan": "1682.24",
                             "rate_pct": 100, "weight": 10, "score": 10},
        "self_score": 96,
        "cost_control": [{"item": "公务接待", "prior_final_wan": "0", "budget_wan": "3", "final_wan": "0"}],
        "problems": ["预算编制不够细化。"],
        "measures": ["细化预算管理。", "加强督促。"],
        "metrics": [{"name": "新增就业", "value": "642", "unit": "人", "qualifier": None,
                     "evidence": "新增就业642人"}],
        "evidence": {
            "/amounts_wan/basic": {"text": "基本支出1263.48万元", "start": 100, "end": 114},
            "/projects/0/spent_wan": {"text": "社区服务补助经费258.37万元", "start": 200, "end": 217},
            "/projects/0/name": {"text": "社区服务补助经费", "start": 200, "end": 208},
            "/projects/1/name": {"text": "其他项目支出", "start": 300, "end": 306},
        },
        "warnings": ["表格第3行无法解析"],
    }  # fmt: skip
    document.update(overrides)
    return build_extraction(document)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "home")


@pytest.fixture
def warehouse(settings: Settings) -> Any:
    with connect(settings) as opened:
        yield opened


def table_rows(warehouse: Warehouse, table: str) -> list[tuple[Any, ...]]:
    rows = warehouse.query(f"select * from raw.{table}")
    columns = [row[0] for row in warehouse.query(
        "select column_name from information_schema.columns "
        "where table_schema = 'raw' and table_name = ? order by ordinal_position", [table])]  # fmt: skip
    keep = [i for i, name in enumerate(columns) if name != "loaded_at"]
    return sorted((tuple(row[i] for i in keep) for row in rows), key=repr)


def test_connect_creates_the_warehouse_folder(settings: Settings) -> None:
    assert not settings.warehouse_path.parent.exists()
    with connect(settings) as opened:
        assert opened.kind == "duckdb"
    assert settings.warehouse_path.exists()


def test_loading_twice_yields_the_same_rows(warehouse: Warehouse) -> None:
    documents = [ledger_row(SHA_A), ledger_row(SHA_B, status="quarantined", status_reason="encrypted")]
    first = load_documents(warehouse, documents, {SHA_A: extraction()})
    before = {table: table_rows(warehouse, table) for table in all_tables()}
    second = load_documents(warehouse, documents, {SHA_A: extraction()})
    after = {table: table_rows(warehouse, table) for table in all_tables()}
    assert first == second
    assert before == after
    assert first.rows_by_table["report_amounts"] == 3  # the null personnel amount is not a stated fact
    assert len(after["report_amounts"]) == 3


def test_reloading_a_document_drops_rows_it_no_longer_has(warehouse: Warehouse) -> None:
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    fewer = extraction(projects=[{"name": "社区服务补助经费", "budget_wan": None, "spent_wan": "1"}])
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: fewer})
    assert warehouse.query("select project_seq, spent_wan from raw.report_projects") == [(0, Decimal("1"))]


def test_amounts_are_exact_decimals(warehouse: Warehouse) -> None:
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    amounts = dict(warehouse.query("select line_item, amount_wan from raw.report_amounts"))
    assert amounts == {"basic": Decimal("1263.48"), "project": Decimal("0.000001"), "gov_fund": Decimal("0")}
    assert warehouse.query("select score from raw.report_indicators") == [(Decimal("19.5"),)]


@pytest.mark.parametrize(
    ("seq", "expected"),
    [
        pytest.param(0, ("社区服务补助经费258.37万元", 200, 217), id="spent_wan evidence preferred"),
        pytest.param(1, ("其他项目支出", 300, 306), id="falls back to the name's evidence"),
    ],
)
def test_project_evidence_is_its_main_value(
    warehouse: Warehouse, seq: int, expected: tuple[Any, ...]
) -> None:
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    cited = warehouse.query(
        "select evidence_text, evidence_start, evidence_end from raw.report_projects where project_seq = ?",
        [seq],
    )
    assert cited == [expected]


def test_fact_rows_carry_lineage(warehouse: Warehouse) -> None:
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    lineage = warehouse.query("select distinct document_sha256, parser_version from raw.report_statements")
    assert lineage == [(SHA_A, "1.2.0")]
    (collected_at,) = warehouse.query("select collected_at from raw.documents")[0]
    assert collected_at.isoformat() == "2024-05-01T08:30:00"  # +08:00 stored as UTC


def test_quarantined_documents_reach_the_ledger_only(warehouse: Warehouse) -> None:
    quarantined = ledger_row(SHA_A, status="quarantined", status_reason="not_a_report")
    result = load_documents(warehouse, [quarantined], {SHA_A: extraction()})
    assert (result.documents, result.reports, result.quarantined) == (1, 0, 1)
    assert warehouse.query("select status, status_reason from raw.documents") == [
        ("quarantined", "not_a_report")
    ]
    assert warehouse.query("select count(*) from raw.reports") == [(0,)]


def test_quarantining_a_loaded_document_removes_its_facts(warehouse: Warehouse) -> None:
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    load_documents(warehouse, [ledger_row(SHA_A, status="quarantined", status_reason="unsafe")], {})
    assert warehouse.query("select count(*) from raw.report_amounts") == [(0,)]


def test_a_failed_load_changes_nothing(warehouse: Warehouse) -> None:
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    broken = ledger_row(SHA_A, size_bytes="not a number")
    with pytest.raises(duckdb.ConversionException):
        load_documents(warehouse, [broken], {SHA_A: extraction(amounts_wan={"basic": "1"})})
    assert warehouse.query("select line_item from raw.report_amounts order by 1") == [
        ("basic",), ("gov_fund",), ("project",)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("amounts", "message"),
    [
        pytest.param({"basic": 1263.48}, "valid string", id="float amount refused"),
        pytest.param(
            {"basic": "1.0000001"}, "more than 6 decimal places", id="more places than decimal(18,6)"
        ),
        pytest.param({"basic": "12,345"}, "should match pattern", id="not a number"),
    ],
)
def test_inexact_amounts_are_refused(warehouse: Warehouse, amounts: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction(amounts_wan=amounts)})


def test_an_extraction_needs_its_ledger_row(warehouse: Warehouse) -> None:
    with pytest.raises(ValueError, match="without a ledger row"):
        load_documents(warehouse, [ledger_row(SHA_A)], {SHA_B: extraction()})


def test_a_row_with_a_renamed_column_fails_loudly(warehouse: Warehouse) -> None:
    """Rows are keyed by column: a key that is not the table's column name stops the load, not NULL."""
    load_documents(warehouse, [ledger_row(SHA_A)], {SHA_A: extraction()})
    columns = table_columns("report_projects")
    row: dict[str, Any] = {name: None for name, _ in columns} | {"document_sha256": SHA_B}
    row["project_name"] = row.pop("name")
    with pytest.raises(RowShapeError, match=r"missing: name; unknown: project_name"):
        insert_rows(warehouse, "raw.report_projects", "report_projects", columns, [row])


def test_rows_of_every_table_name_exactly_its_columns() -> None:
    """What fact_rows builds for a full extraction is what the tables declare, column for column."""
    rows = fact_rows(SHA_A, extraction(), "1.2.0", datetime(2024, 1, 1))
    assert set(rows) == set(all_tables()) - {"documents"}
    for table, table_rows in rows.items():
        names = {name for name, _ in table_columns(table)}
        assert all(row.keys() == names for row in table_rows), table
