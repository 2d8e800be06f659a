"""The nightly DAG, really run (``dag.test()``) on the seed reports, end to end into published marts.

Everything is real: the archive, the parser, DuckDB, one ``dbt build``, Great Expectations and the
publication. The marts are read the way BI reads them: the v1.4.0 DuckDB copy behind ``current``.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingestion.settings import Settings, load_settings
from tests.contract.gold import gold_extraction

SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"
# Columns that legitimately differ between two runs over the same documents: when rows were loaded
# or checked, and the run a finding belongs to (finding_id hashes the run id).
PER_RUN_COLUMNS = ("loaded_at", "checked_at", "run_id", "finding_id")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed reports not found at {SEEDS} (../shared is absent)"),
]


def _run(dagbag: Any, dag_id: str, conf: dict[str, Any]) -> str:
    run = dagbag.dags[dag_id].test(run_conf=conf)
    # A rerun with nothing new to parse maps zero parse batches: that task alone is skipped.
    failed = {
        ti.task_id: ti.state
        for ti in run.get_task_instances()
        if ti.state != "success" and (ti.task_id, ti.state) != ("parse_batch", "skipped")
    }
    assert (run.state, failed) == ("success", {})
    return str(run.run_id)


def _run_nightly(dagbag: Any, home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BPW_HOME", str(home))
    return _run(dagbag, "budget_reports_nightly", {"drop": str(SEEDS.resolve()), "fiscal_year": None})


def _published(settings: Settings) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    bi_copy = settings.published_dir / "current" / "budget_marts.duckdb"
    connection.execute("attach ? as bi (read_only)", [str(bi_copy)])
    connection.execute("use bi.marts")
    return connection


def _fingerprint(connection: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, str]]:
    """(rows, sha256 of the sorted rows) per mart, without the per-run columns."""
    listed = "select table_name from duckdb_tables() where database_name = 'bi' and schema_name = 'marts'"
    tables = [name for (name,) in connection.execute(listed).fetchall()]
    prints = {}
    for table in sorted(tables):
        columns = [
            c for (c,) in connection.execute(f"select name from pragma_table_info('{table}')").fetchall()
        ]
        kept = ", ".join(f'"{c}"' for c in columns if c not in PER_RUN_COLUMNS)
        # Findings are stored once per report (with the run that checked it): the whole table.
        rows = connection.execute(f'select {kept} from "{table}" order by all').fetchall()
        prints[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return prints


def test_nightly_publishes_the_seeds_and_a_rerun_or_backfill_changes_nothing(
    dagbag: Any, airflow_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(tmp_path / "bpw")
    first_run = _run_nightly(dagbag, settings.home, monkeypatch)

    # What the seed report states, as its gold file has it: the marts must carry exactly that.
    gold = gold_extraction("000")
    with _published(settings) as marts:
        report = """
            select r.report_id from dim_report r join dim_unit u using (unit_id)
            where u.unit_name = ? and r.fiscal_year = ? and r.is_current
        """
        ((report_id,),) = marts.execute(
            report, [gold["report"]["unit_name"], gold["report"]["fiscal_year"]]
        ).fetchall()
        appropriation = marts.execute(
            "select amount_yuan from fct_expenditure where report_id = ? and line_item = ?",
            [report_id, "appropriation_expenditure"],
        ).fetchall()
        assert appropriation == [(Decimal(gold["amounts_wan"]["appropriation_expenditure"]) * 10_000,)]
        projects = marts.execute(
            "select count(*), sum(spent_yuan) from fct_project_expenditure where report_id = ?", [report_id]
        ).fetchone()
        spent = [Decimal(p["spent_wan"]) * 10_000 for p in gold["projects"]]
        assert len(spent) > 1
        assert projects == (len(spent), sum(spent))

        outcomes = marts.execute(
            "select severity, outcome, count(*) from fct_validation_finding where run_id = ? group by all",
            [first_run],
        ).fetchall()
        assert outcomes, "the validate step wrote no findings"
        # The seeds add up: every arithmetic (warning) rule passes or cannot be checked; nothing fails.
        assert {outcome for severity, outcome, _ in outcomes if severity == "warning"} <= {
            "pass",
            "not_checkable",
        }
        assert {outcome for _, outcome, _ in outcomes} & {"warn", "fail"} == set()
        assert ("warning", "pass") in {(severity, outcome) for severity, outcome, _ in outcomes}
        first = _fingerprint(marts)

    second_run = _run_nightly(dagbag, settings.home, monkeypatch)
    assert second_run != first_run
    with _published(settings) as marts:
        assert _fingerprint(marts) == first

    # Reprocessing: the backfill DAG re-parses the archive and reloads 2021; same parser, same marts.
    _run(dagbag, "budget_reports_backfill", {"fiscal_years": [2021]})
    with _published(settings) as marts:
        assert _fingerprint(marts) == first
    assert len(list(settings.runs_dir.glob("*/summary.json"))) == 3
