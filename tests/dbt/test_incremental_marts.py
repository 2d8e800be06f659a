"""An incremental build gives the marts a full refresh gives, step after step of a warehouse's life.

The warehouse goes through an initial load, new reports (one a corrected re-publication that
supersedes an older one), a re-parse that changes a report's figures, and quarantines that remove
a report and make a superseded one current again. After each step the pipeline's build step runs
(incremental); a copy of the same warehouse file is then rebuilt with ``--full-refresh``, and every
mart of both must hold the same rows (checksums, loaded_at included: the copy has the same data).
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from typing import Any

import pytest
from dbt_scenario import CORRECTED_SHA, REGISTRY, Scenario, mart_snapshot, scenario

from ingestion.expected import load_registry
from ingestion.pipeline import steps
from ingestion.settings import Settings, load_settings
from ingestion.warehouse import connect, load_documents
from ingestion.warehouse.dbt import run_dbt
from ingestion.warehouse.expected_tables import load_registry_tables

pytestmark = pytest.mark.slow

Step = Callable[[Scenario], tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]]


def initial_load(built: Scenario) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    seeds = [built.shas[seed] for seed in ("000", "001", "002", "003")]
    documents = [row for row in built.documents if row["document_sha256"] in seeds]
    return documents, {sha: built.extractions[sha] for sha in seeds}


def new_reports(built: Scenario) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    added = [built.shas["004"], CORRECTED_SHA]  # the correction supersedes seed 002
    documents = [row for row in built.documents if row["document_sha256"] in added]
    return documents, {sha: built.extractions[sha] for sha in added}


def reparse(built: Scenario) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    sha = built.shas["001"]
    extraction = copy.deepcopy(built.extractions[sha])
    extraction["amounts_wan"]["basic"] = "1.5"
    extraction["projects"] = (extraction.get("projects") or [])[:1]
    extraction["report"]["fiscal_year"] = 2019
    document = next(dict(row) for row in built.documents if row["document_sha256"] == sha)
    document["parser_version"] = "test-2"
    return [document], {sha: extraction}


def quarantine(built: Scenario) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    # Seed 003 leaves the marts; the correction of 002 goes, so 002 is current again.
    gone = [built.shas["003"], CORRECTED_SHA]
    documents = [
        dict(row, status="quarantined", status_reason="parser_error", parser_version=None)
        for row in built.documents
        if row["document_sha256"] in gone
    ]
    return documents, {}


SEQUENCE = [
    pytest.param(initial_load, id="initial load"),
    pytest.param(new_reports, id="new reports, one superseding another"),
    pytest.param(reparse, id="a report re-parsed with other figures and year"),
    pytest.param(quarantine, id="a report quarantined, a superseded one current again"),
]


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Settings]:
    incremental = load_settings(tmp_path_factory.mktemp("incremental"))
    full = load_settings(tmp_path_factory.mktemp("full_refresh"))
    return incremental, full


def _snapshot(settings: Settings) -> dict[str, tuple[int, str]]:
    with connect(settings, read_only=True) as warehouse:
        return mart_snapshot(warehouse)


@pytest.mark.parametrize("step", SEQUENCE)
def test_incremental_build_equals_full_refresh(homes: tuple[Settings, Settings], step: Step) -> None:
    incremental, full = homes
    built = scenario()
    documents, extractions = step(built)
    with connect(incremental) as warehouse:
        load_documents(warehouse, documents, extractions)
        load_registry_tables(warehouse, load_registry(REGISTRY))
    result = steps.build_models(incremental, f"run-{step.__name__}")
    expected = "full refresh: no marts yet" if step is initial_load else "incremental: documents loaded since"
    assert result["build"] == expected

    full.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(incremental.warehouse_path, full.warehouse_path)
    refreshed = run_dbt(full, ["build", "--full-refresh"])
    assert refreshed.success, refreshed.failures
    assert _snapshot(incremental) == _snapshot(full)


def test_the_sequence_changed_what_it_meant_to(homes: tuple[Settings, Settings]) -> None:
    """Guards the test above: the steps did move reports in and out of the marts."""
    incremental, _ = homes
    built = scenario()
    with connect(incremental, read_only=True) as warehouse:
        marts = warehouse.schema("marts")
        reports = warehouse.query(f"select report_id from {marts}.dim_report where is_current")
        current = {sha for (sha,) in reports}
        reparsed = warehouse.query(
            f"select fiscal_year, count(*) from {marts}.fct_project_expenditure "
            "where report_id = ? group by 1",
            [built.shas["001"]],
        )
    assert built.shas["002"] in current and CORRECTED_SHA not in current
    assert built.shas["003"] not in current and built.shas["004"] in current
    assert reparsed == [(2019, 1)]


def test_a_quiet_build_runs_no_dbt(homes: tuple[Settings, Settings]) -> None:
    incremental, _ = homes
    result = steps.build_models(incremental, "run-quiet")
    assert result["skipped"] == "nothing changed since the last build"
    assert "dbt" not in result
