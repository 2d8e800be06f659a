"""The checks on built marts, shared by the DuckDB and the PostgreSQL test modules.

Each takes a ``BuiltWarehouse`` (tests/dbt/dbt_scenario.py) and asserts on what BI would read.
"""

from __future__ import annotations

from decimal import Decimal

from dbt_scenario import BuiltWarehouse, gold_extractions


def check_builds_passed(built: BuiltWarehouse) -> None:
    for build in (built.first_build, built.second_build):
        assert build.failures == []
        assert build.success
        assert build.status_counts.get("pass", 0) > 100  # the data and unit tests ran
        assert build.status_counts.get("success", 0) == 31  # 30 models and the seed


def check_rebuild_is_identical(built: BuiltWarehouse) -> None:
    assert built.first_snapshot == built.second_snapshot
    assert all(
        count > 0 for mart, (count, _) in built.first_snapshot.items() if mart != "fct_narrative_metric"
    )


def check_appropriation_expenditure_in_yuan(built: BuiltWarehouse) -> None:
    rows = built.query(
        "select amount_wan, amount_yuan, line_item_name_zh, parent_line_item from {marts}.fct_expenditure "
        "where report_id = ? and line_item = 'appropriation_expenditure'",
        [built.scenario.shas["000"]],
    )
    stated = Decimal(gold_extractions()["000"]["amounts_wan"]["appropriation_expenditure"])
    assert rows == [(stated, stated * 10_000, "财政拨款支出", None)]


def check_basic_parts_point_to_basic(built: BuiltWarehouse) -> None:
    parents = dict(built.query(
        "select line_item, parent_line_item from {marts}.fct_expenditure where report_id = ?",
        [built.scenario.shas["000"]],
    ))  # fmt: skip
    assert parents["personnel"] == parents["public_funds"] == "basic"
    assert parents["basic"] == parents["project"] == "appropriation_expenditure"
    assert parents["budget_initial"] is None


def check_projects_sum(built: BuiltWarehouse) -> None:
    rows = built.query(
        "select count(*), sum(spent_yuan) from {marts}.fct_project_expenditure where report_id = ?",
        [built.scenario.shas["000"]],
    )
    assert rows == [(8, Decimal("7460100.00"))]


def check_indicators_and_budget_execution(built: BuiltWarehouse) -> None:
    report = built.scenario.shas["002-corrected"]
    (indicators,) = built.query(
        "select count(*), sum(score_points) from {marts}.fct_performance_indicator where report_id = ?",
        [report],
    )
    assert indicators == (7, Decimal("86"))
    executions = built.query(
        "select executed_yuan, execution_rate_pct, score_points from {marts}.fct_budget_execution "
        "where report_id = ?",
        [report],
    )
    assert executions == [(Decimal("16763500.00"), Decimal("100"), Decimal("10"))]


def check_corrected_republication_supersedes(built: BuiltWarehouse) -> None:
    old, new = built.scenario.shas["002"], built.scenario.shas["002-corrected"]
    reports = built.query(
        "select report_id, is_current, superseded_by_report_id from {marts}.dim_report "
        "where report_id in (?, ?) order by is_current",
        [old, new],
    )
    assert reports == [(old, False, new), (new, True, None)]
    basic = built.query(
        "select report_id, amount_wan from {marts}.fct_expenditure where line_item = 'basic' and unit_id = "
        "(select unit_id from {marts}.dim_report where report_id = ?)",
        [new],
    )
    assert basic == [(new, Decimal("1257.34"))]
    for mart in ("fct_project_expenditure", "fct_performance_indicator", "fct_report_statement"):
        assert built.query(f"select count(*) from {{marts}}.{mart} where report_id = ?", [old]) == [(0,)]
    ledger = built.query(
        "select document_sha256, status, superseded_by from {marts}.fct_document_ledger "
        "where document_sha256 in (?, ?) order by status",
        [old, new],
    )
    assert ledger == [(new, "parsed", None), (old, "superseded", new)]


def check_expected_documents(built: BuiltWarehouse) -> None:
    """The corrected re-publication makes its expected report superseded; the shipped registry's
    example unit never published, so each of its reports is overdue or not yet due."""
    new = built.scenario.shas["002-corrected"]
    superseded = built.query(
        "select publication_status, reports_published from {marts}.fct_expected_document where report_id = ?",
        [new],
    )
    assert superseded == [("superseded", 2)]
    listed = built.query(
        "select publication_status, due_date < as_of_date from {marts}.fct_expected_document "
        "where is_in_registry and report_id is null"
    )
    assert len(listed) == 6  # two kinds for 2022-2024
    assert all(status == ("overdue" if past_due else "expected") for status, past_due in listed)


def check_quarantined_document_in_ledger_only(built: BuiltWarehouse) -> None:
    sha = built.scenario.shas["quarantined"]
    assert built.query(
        "select status, status_reason, has_report from {marts}.fct_document_ledger where document_sha256 = ?",
        [sha],
    ) == [("quarantined", "no_text_layer", False)]
    assert built.query("select count(*) from {marts}.dim_report where report_id = ?", [sha]) == [(0,)]


def check_reports_without_unit_stay_current(built: BuiltWarehouse) -> None:
    rows = built.query(
        "select is_current, unit_id from {marts}.dim_report where report_id = ?", [built.scenario.shas["001"]]
    )
    assert rows == [(True, None)]


def check_dimensions(built: BuiltWarehouse) -> None:
    regions = built.query(
        "select division_code, district_name, region_level from {marts}.dim_region order by 1"
    )
    gold = gold_extractions().values()
    districts = {(g["report"]["region"]["division_code"], g["report"]["region"]["district"]) for g in gold}
    assert regions == sorted((code, name, "district") for code, name in districts if code is not None)
    years = built.query(
        "select fiscal_year, year_start_date, year_end_date from {marts}.dim_fiscal_year order by 1"
    )
    stated_years = sorted({g["report"]["fiscal_year"] for g in gold})
    assert [(year, str(start), str(end)) for year, start, end in years] == [
        (year, f"{year}-01-01", f"{year}-12-31") for year in stated_years
    ]
    units = built.query("select unit_name from {marts}.dim_unit order by 1")
    named = {g["report"]["unit_name"] for g in gold} - {None}
    assert len(named) == 4  # one seed names no unit: it must not become one
    assert sorted(name for (name,) in units) == sorted(named)


ALL_CHECKS = (
    check_builds_passed,
    check_rebuild_is_identical,
    check_appropriation_expenditure_in_yuan,
    check_basic_parts_point_to_basic,
    check_projects_sum,
    check_indicators_and_budget_execution,
    check_corrected_republication_supersedes,
    check_expected_documents,
    check_quarantined_document_in_ledger_only,
    check_reports_without_unit_stay_current,
    check_dimensions,
)
