"""Parsing as mapped tasks, really run (``dag.test()``): several batches, then a drop with nothing new.

The batch size is set small, so a handful of generated reports makes several ``parse_batch``
tasks; the gathering ``parse`` record must account for every pending document exactly once.
The rerun of the same drop finds nothing pending: zero mapped tasks, and the run still publishes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from ingestion.pipeline.records import read_step, run_dir
from ingestion.settings import Settings, load_settings
from sample_drop.drop import DropOptions, write_drop

pytestmark = pytest.mark.slow
BATCH_SIZE = 3


@pytest.fixture(scope="module")
def drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mapped") / "drop"
    # Fast formats only, and one broken file: a quarantined document is accounted for too.
    write_drop(DropOptions(out=out, reports=7, years=[2022, 2023], formats=["txt", "html"], seed=5, broken=1))
    return out


def _run_nightly(dagbag: Any, drop: Path) -> Any:
    run = dagbag.dags["budget_reports_nightly"].test(run_conf={"drop": str(drop), "fiscal_year": None})
    instances = run.get_task_instances()
    failed = {ti.task_id: ti.state for ti in instances if ti.state not in ("success", "skipped")}
    assert (run.state, failed) == ("success", {})
    return run


def _batch_states(run: Any) -> list[str]:
    return [ti.state for ti in run.get_task_instances() if ti.task_id == "parse_batch" and ti.map_index >= 0]


def test_parse_runs_as_one_task_per_batch_and_a_quiet_rerun_maps_none(
    dagbag: Any, airflow_settings: Settings, drop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BPW_HOME", str(tmp_path / "bpw"))
    monkeypatch.setenv("BPW_PARSE_BATCH_SIZE", str(BATCH_SIZE))
    settings = load_settings()

    first = _run_nightly(dagbag, drop)
    plan = read_step(settings, first.run_id, "parse_plan")
    parsed = read_step(settings, first.run_id, "parse")
    assert plan is not None and parsed is not None
    assert plan["pending"] >= 2 * BATCH_SIZE + 1 and plan["up_to_date"] == 0
    assert _batch_states(first) == ["success"] * math.ceil(plan["pending"] / BATCH_SIZE)
    assert parsed["batches"] == plan["batches"] == len(_batch_states(first))
    # Every pending document is in exactly one batch: parsed or quarantined, none twice.
    quarantined = [item["sha256"] for item in parsed["quarantined"]]
    assert parsed["parsed"] + len(quarantined) == plan["pending"]
    assert len(set(quarantined)) == len(quarantined) >= 1
    loaded = read_step(settings, first.run_id, "load_staging")
    assert loaded is not None and loaded["documents"] == plan["pending"]
    assert loaded["staging_checks"]["pass"] > 0  # the report arithmetic ran on what the batches parsed

    second = _run_nightly(dagbag, drop)
    assert _batch_states(second) == []
    states = {ti.task_id: ti.state for ti in second.get_task_instances()}
    assert states["parse_batch"] == "skipped" and states["parse"] == "success"
    assert states["summarize"] == "success"
    quiet = read_step(settings, second.run_id, "parse")
    assert quiet is not None
    assert (quiet["parsed"], quiet["quarantined"], quiet["batches"]) == (0, [], 0)
    assert quiet["up_to_date"] == plan["pending"]
    summary = json.loads((run_dir(settings, second.run_id) / "summary.json").read_text("utf-8"))
    assert summary["status"] == "published"
