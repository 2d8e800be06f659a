"""One report, one row: attachments, duplicates and re-publications are not counted again.

The generator's truth says which files are a report's attachment (its 自评表), a byte-for-byte
duplicate or an older publication; the current main reports are the rest. The marts must hold
exactly their budget execution, once each, and every unit once.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from drop_truth import manifest, truth

from ingestion.settings import Settings

pytestmark = pytest.mark.slow
FACT_MARTS = (
    "fct_expenditure", "fct_project_expenditure", "fct_performance_indicator", "fct_budget_execution",
    "fct_staffing", "fct_cost_control", "fct_narrative_metric", "fct_report_statement",
)  # fmt: skip


def _current_main_truths(drop: Path) -> list[dict]:
    listed = manifest(drop)
    set_aside = {d["file"] for d in listed["duplicates"]} | {r["old"] for r in listed["republications"]}
    return [
        truth(drop, d)
        for d in listed["documents"]
        if d["file"] not in set_aside and not d["file"].endswith("-自评表.xlsx")
    ]


def _marts(settings: Settings) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(settings.warehouse_path), read_only=True)


def test_budget_execution_is_counted_once_per_report(generated_run: tuple[Path, Settings]) -> None:
    drop, settings = generated_run
    expected = {
        t["source"]["sha256"]: Decimal(t["budget_execution"]["executed_wan"]) * 10000
        for t in _current_main_truths(drop)
        if t["budget_execution"]
    }
    with _marts(settings) as marts:
        stated = dict(
            marts.execute("select report_id, executed_yuan from marts.fct_budget_execution").fetchall()
        )
        attachments = marts.execute(
            "select count(*) from marts.dim_report where attached_to_report_id is not null"
        ).fetchall()[0][0]
    assert attachments > 0, "the drop's xlsx 自评表 attachments are linked to their reports"
    assert stated == expected
    by_year_truth: Counter[int] = Counter()
    for t in _current_main_truths(drop):
        if t["budget_execution"]:
            by_year_truth[t["report"]["fiscal_year"]] += (
                Decimal(t["budget_execution"]["executed_wan"]) * 10000
            )
    with _marts(settings) as marts:
        by_year = marts.execute(
            "select fiscal_year, sum(executed_yuan) from marts.fct_budget_execution group by fiscal_year"
        ).fetchall()
    assert dict(by_year) == dict(by_year_truth)


def test_facts_belong_to_current_main_reports_only(generated_run: tuple[Path, Settings]) -> None:
    drop, settings = generated_run
    mains = {t["source"]["sha256"] for t in _current_main_truths(drop)}
    with _marts(settings) as marts:
        current = {
            r for (r,) in marts.execute("select report_id from marts.dim_report where is_current").fetchall()
        }
        assert current <= mains, "no attachment, duplicate or older publication is a current report"
        for mart in FACT_MARTS:
            reports = {r for (r,) in marts.execute(f"select distinct report_id from marts.{mart}").fetchall()}
            assert reports <= current, mart


def test_a_unit_is_one_unit_id_whether_or_not_a_document_named_its_region(
    generated_run: tuple[Path, Settings],
) -> None:
    _, settings = generated_run
    with _marts(settings) as marts:
        split = marts.execute(
            "select unit_name from marts.dim_unit group by unit_name "
            "having count(*) filter (where division_code is null) > 0 "
            "and count(*) filter (where division_code is not null) > 0"
        ).fetchall()
        attachments_without_unit = marts.execute(
            "select count(*) from marts.dim_report a join marts.dim_report m "
            "on a.attached_to_report_id = m.report_id "
            "where m.unit_id is not null and a.unit_id is distinct from m.unit_id"
        ).fetchall()[0][0]
    assert split == []
    assert attachments_without_unit == 0
