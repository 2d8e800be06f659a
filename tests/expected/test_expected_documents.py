"""fct_expected_document on a generated drop: a unit that published in 2022 but not 2023 is overdue.

Real generator, parser, DuckDB and ``dbt build``; the registry is a test YAML that also expects a
unit that never published at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingestion.pipeline import steps
from ingestion.settings import load_settings
from sample_drop.drop import DropOptions, write_drop

pytestmark = pytest.mark.slow

REGISTRY = """
due: {default: "09-30"}
carry_forward_kinds: [overall_expenditure]
units:
  - {unit_name: 从未发布局, division_code: "430203", kinds: [overall_expenditure], years: "2022-2023"}
"""


def _reports(drop: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(file in the drop, its truth's report header) for every generated report."""
    found = []
    for truth in (drop / "_truth").rglob("*.json"):
        if truth.name == "manifest.json":
            continue
        report = json.loads(truth.read_text(encoding="utf-8"))["report"]
        found.append((drop / truth.relative_to(drop / "_truth").with_suffix(""), report))
    return found


def _drop_without_a_units_2023_report(drop: Path) -> str:
    """Delete every 2023 overall report of one unit that has a 2022 one; return that unit."""
    reports = _reports(drop)
    overall = [(path, r) for path, r in reports if r["kind"] == "overall_expenditure"]
    # A report whose text names no unit (truth unit_name null) cannot be one unit's publication.
    unit = sorted({r["unit_name"] for _, r in overall if r["fiscal_year"] == 2022 and r["unit_name"]})[0]
    for path, report in overall:
        if report["unit_name"] == unit and report["fiscal_year"] == 2023:
            path.unlink()
            Path(f"{path}.meta.json").unlink(missing_ok=True)
    # Some other report still reaches 2023, so 2023 is a year units are expected to report on.
    assert any(r["fiscal_year"] == 2023 and r["unit_name"] != unit for _, r in reports)
    return unit


def test_a_unit_that_published_in_2022_but_not_2023_is_overdue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop = tmp_path / "drop"
    write_drop(
        DropOptions(out=drop, reports=16, years=[2022, 2023], formats=["txt"], seed=12, progress_every=0)
    )
    unit = _drop_without_a_units_2023_report(drop)
    registry = tmp_path / "expected.yml"
    registry.write_text(REGISTRY, encoding="utf-8")
    monkeypatch.setenv("BPW_EXPECTED_DOCUMENTS", str(registry))

    settings = load_settings(tmp_path / "bpw")
    steps.collect(settings, "run", str(drop))
    steps.parse(settings, "run")
    steps.load_staging(settings, "run")
    steps.build_models(settings, "run")

    with duckdb.connect(str(settings.warehouse_path), read_only=True) as warehouse:
        rows = warehouse.execute(
            """
            select unit_name, fiscal_year, publication_status, report_id is not null, is_in_registry
            from marts.fct_expected_document where report_kind = 'overall_expenditure'
            order by unit_name, fiscal_year
            """
        ).fetchall()
    by_unit = {(name, year): (status, has_report, listed) for name, year, status, has_report, listed in rows}
    assert by_unit[(unit, 2022)] == ("published", True, False)
    assert by_unit[(unit, 2023)] == ("overdue", False, False)
    assert by_unit[("从未发布局", 2022)] == by_unit[("从未发布局", 2023)] == ("overdue", False, True)
    # Every unit that published in 2022 is expected in 2023 too: each 2023 row is accounted for.
    assert {status for (_, year), (status, _, _) in by_unit.items() if year == 2023} <= {
        "published", "superseded", "overdue",
    }  # fmt: skip
