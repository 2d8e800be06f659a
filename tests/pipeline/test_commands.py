"""``collect`` and ``validate`` are runs of the pipeline's own steps: step records, one run-id format.

``collect --parse`` runs ``steps.collect`` and ``steps.parse``; ``validate`` runs
``steps.validate`` (every report rechecked), then promotes its staged findings as a finishing
run does, or, with ``--no-write``, leaves them staged and the mart as it was.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ingestion.cli import main
from ingestion.pipeline import run_pipeline
from ingestion.pipeline.records import read_step, run_dir
from ingestion.settings import Settings, load_settings
from sample_drop.drop import DropOptions, write_drop


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("BPW_RUN_LOCK_WAIT_S", "0")
    return load_settings(tmp_path / "bpw")


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    out = tmp_path / "drop"
    write_drop(DropOptions(out=out, reports=3, years=[2023], formats=["txt"], seed=11, broken=1,
                           progress_every=0))  # fmt: skip
    return out


def _only_run(settings: Settings) -> str:
    [folder] = [path for path in settings.runs_dir.iterdir() if path.is_dir()]
    assert folder.name.startswith("manual__"), folder.name
    return folder.name


def test_collect_with_parse_runs_the_collect_and_parse_steps(
    settings: Settings, drop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collect", str(drop), "--home", str(settings.home), "--parse"]) == 0
    printed = capsys.readouterr().err
    run_id = _only_run(settings)
    collected, parsed = read_step(settings, run_id, "collect"), read_step(settings, run_id, "parse")
    assert collected is not None and parsed is not None
    assert collected["status"] == parsed["status"] == "ok"
    assert f"found {collected['found']}, new {collected['new']}" in printed
    assert parsed["parsed"] >= 3 and len(parsed["quarantined"]) >= 1
    assert f"parsed {parsed['parsed']}, quarantined {len(parsed['quarantined'])}" in printed
    assert "quarantined " in printed
    assert (run_dir(settings, run_id) / "ledger.jsonl").is_file()
    # Nothing is left pending: the next run's parse step finds it all done.
    assert main(["collect", str(drop), "--home", str(settings.home), "--parse"]) == 0
    runs = sorted(path.name for path in settings.runs_dir.iterdir() if path.is_dir())
    second = read_step(settings, runs[-1], "parse")
    assert second is not None and second["parsed"] == 0


def _findings(settings: Settings) -> list[tuple[str, str]]:
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as warehouse:
        rows = warehouse.execute("select run_id, rule_id from marts.fct_validation_finding").fetchall()
    return sorted(rows)


@pytest.mark.slow
def test_validate_runs_the_validate_step_and_promotes_when_it_ends(
    settings: Settings, drop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(settings.home)
    assert main(["validate", "--home", home, "--run-id", "early"]) == 2
    assert "validate:" in capsys.readouterr().err
    assert read_step(settings, "early", "validate")["status"] == "failed"  # type: ignore[index]

    run_pipeline(settings, str(drop), run_id="night", echo=False)
    nightly = _findings(settings)
    assert {run for run, _ in nightly} == {"night"}

    assert main(["validate", "--home", home, "--run-id", "dry", "--no-write"]) == 0
    dry = read_step(settings, "dry", "validate")
    assert dry is not None and dry["status"] == "ok" and not dry.get("skipped")
    assert _findings(settings) == nightly, "--no-write leaves the mart as it was"

    assert main(["validate", "--home", home, "--run-id", "by-hand"]) == 0
    printed = capsys.readouterr().out
    checked = read_step(settings, "by-hand", "validate")
    assert checked is not None and checked["reports_checked"] >= 3  # every report, not only changed ones
    assert f"{checked['findings']} findings of run by-hand written to marts.fct_validation_finding" in printed
    # Every finding is now the hand run's: it rechecked every report and every blocking rule.
    assert {run for run, _ in _findings(settings)} == {"by-hand"}
    assert len(_findings(settings)) == len(nightly)
