"""The dbt scenario both warehouse tests share: the five gold extractions as loaded reports.

Besides the gold files it loads a corrected re-publication of seed 002 (same unit, year and
kind, published later, one amount changed) and a quarantined document, then runs ``dbt build``,
loads and builds again, and keeps a snapshot of every mart after each build.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ingestion.contract import ReportExtraction
from ingestion.expected import load_registry
from ingestion.settings import PROJECT_ROOT, Settings
from ingestion.warehouse import Warehouse, connect, load_documents
from ingestion.warehouse.dbt import DbtRunResult, run_dbt
from ingestion.warehouse.expected_tables import load_registry_tables
from tests.contract.builders import build_extraction
from tests.contract.gold import gold_files

REGISTRY = PROJECT_ROOT / "config" / "expected_documents.yml"

MARTS = (
    "dim_report", "dim_unit", "dim_region", "dim_fiscal_year", "fct_expenditure", "fct_project_expenditure",
    "fct_performance_indicator", "fct_budget_execution", "fct_staffing", "fct_cost_control",
    "fct_narrative_metric", "fct_report_statement", "fct_document_ledger",
)  # fmt: skip
# Columns that record when a row was written: a rerun changes them by design.
VOLATILE_COLUMNS = frozenset({"loaded_at"})

CORRECTED_SHA = hashlib.sha256(b"corrected re-publication of seed 002").hexdigest()
QUARANTINED_SHA = hashlib.sha256(b"a scanned pdf without a text layer").hexdigest()


def gold_extractions() -> dict[str, dict[str, Any]]:
    """Seed number ("000" ...) -> gold extraction with its source sha256 set."""
    extractions = {}
    for path in gold_files():
        extraction = json.loads(path.read_text(encoding="utf-8"))
        extraction["source"]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        extractions[path.name[:3]] = extraction
    return extractions


def ledger_row(sha: str, name: str, published_date: str, **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "document_sha256": sha,
        "source_uri": f"file:///drop/{name}",
        "portal": "drop_folder",
        "format": "txt",
        "size_bytes": 10_000,
        "collected_at": "2024-06-01T00:00:00Z",
        "published_date": published_date,
        "listing_title": name,
        "publisher": None,
        "unit_hint": None,
        "archive_path": f"archive/{sha[:2]}/{sha}",
        "status": "parsed",
        "status_reason": None,
        "parser_version": "test-1",
    }
    row.update(overrides)
    return row


@dataclass(frozen=True)
class Scenario:
    shas: dict[str, str]  # seed number -> document sha256
    documents: list[dict[str, Any]]
    extractions: dict[str, ReportExtraction]


def scenario() -> Scenario:
    gold = gold_extractions()
    shas = {seed: extraction["source"]["sha256"] for seed, extraction in gold.items()}
    documents = [ledger_row(shas[seed], f"{seed}.txt", "2024-03-01") for seed in sorted(gold)]
    extractions = {shas[seed]: build_extraction(gold[seed]) for seed in gold}

    corrected = copy.deepcopy(gold["002"])
    corrected["source"]["sha256"] = CORRECTED_SHA
    corrected["amounts_wan"]["basic"] = "1257.34"
    documents.append(ledger_row(CORRECTED_SHA, "002-corrected.txt", "2024-04-15"))
    extractions[CORRECTED_SHA] = build_extraction(corrected)
    documents.append(
        ledger_row(QUARANTINED_SHA, "scan.pdf", "2024-03-01", format="pdf", status="quarantined",
                   status_reason="no_text_layer", parser_version=None)
    )  # fmt: skip
    shas["002-corrected"] = CORRECTED_SHA
    shas["quarantined"] = QUARANTINED_SHA
    return Scenario(shas=shas, documents=documents, extractions=extractions)


def mart_snapshot(warehouse: Warehouse) -> dict[str, tuple[int, str]]:
    """Per mart: row count and a checksum of its sorted rows (volatile columns left out)."""
    snapshot = {}
    for mart in MARTS:
        relation = f"{warehouse.schema('marts')}.{mart}"
        columns = [
            name for (name,) in warehouse.query(
                "select column_name from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position",
                [warehouse.schema("marts"), mart],
            ) if name not in VOLATILE_COLUMNS
        ]  # fmt: skip
        rows = sorted(repr(row) for row in warehouse.query(f"select {', '.join(columns)} from {relation}"))
        snapshot[mart] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return snapshot


@dataclass(frozen=True)
class BuiltWarehouse:
    settings: Settings
    target: str
    scenario: Scenario
    first_build: DbtRunResult
    second_build: DbtRunResult
    first_snapshot: dict[str, tuple[int, str]]
    second_snapshot: dict[str, tuple[int, str]]

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run ``sql`` with ``{marts}`` standing for this warehouse's marts schema."""
        with connect(self.settings, read_only=True) as warehouse:
            return warehouse.query(sql.format(marts=warehouse.schema("marts")), params or [])


def load_and_build_twice(settings: Settings, target: str) -> BuiltWarehouse:
    built = scenario()
    snapshots = []
    builds = []
    for _ in range(2):
        with connect(settings) as warehouse:
            load_documents(warehouse, built.documents, built.extractions)
            load_registry_tables(warehouse, load_registry(REGISTRY))
        builds.append(run_dbt(settings, ["build"], target=target))
        with connect(settings, read_only=True) as warehouse:
            snapshots.append(mart_snapshot(warehouse))
    return BuiltWarehouse(settings, target, built, builds[0], builds[1], snapshots[0], snapshots[1])
