"""An empty drop, or one with nothing new, is a warning in the summary; ``run --strict`` fails on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingestion.cli import main
from ingestion.pipeline import steps
from ingestion.pipeline.drop_check import drop_warnings
from ingestion.pipeline.summary import build_summary, render_text, summary_path
from ingestion.settings import Settings, load_settings

REPORT = "2022年度某某街道办事处部门整体支出绩效自评报告\n一、基本情况\n年初预算数100万元。\n".encode()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "bpw")


def _drop(folder: Path, files: dict[str, bytes]) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return str(folder)


def test_a_drop_with_new_files_has_no_warning() -> None:
    assert drop_warnings("/d", found=3, new=1, known_names=["a.txt", "b.txt"]) == []


def test_an_empty_drop_is_a_warning_in_the_summary(settings: Settings, tmp_path: Path) -> None:
    steps.collect(settings, "run-empty", _drop(tmp_path / "empty", {}))
    summary = build_summary(settings, "run-empty")
    assert summary["warnings"] == [f"empty drop: no report files in {tmp_path / 'empty'}"]
    assert f"WARNING: empty drop: no report files in {tmp_path / 'empty'}" in render_text(summary)


def test_a_drop_with_nothing_new_names_the_files_it_already_had(settings: Settings, tmp_path: Path) -> None:
    first = _drop(tmp_path / "night-1", {"a.txt": REPORT, "b.txt": REPORT + b"x"})
    steps.collect(settings, "run-1", first)
    assert build_summary(settings, "run-1")["warnings"] == []
    # The next night's drop holds the same bytes, one under another name.
    again = _drop(tmp_path / "night-2", {"a.txt": REPORT, "renamed.txt": REPORT + b"x"})
    steps.collect(settings, "run-2", again)
    (warning,) = build_summary(settings, "run-2")["warnings"]
    assert warning == "nothing new in the drop: 2 of 2 files were already in the archive: a.txt, renamed.txt"


def test_many_known_files_are_named_up_to_a_limit() -> None:
    names = [f"r{i:02d}.txt" for i in range(25)]
    (warning,) = drop_warnings("/d", found=25, new=0, known_names=names)
    assert warning.endswith("r08.txt, r09.txt and 15 more")


@pytest.mark.slow
def test_run_strict_exits_non_zero_on_an_empty_drop_after_running_it_through(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = _drop(tmp_path / "empty", {})
    assert main(["run", "--home", str(settings.home), "--drop", empty, "--run-id", "strict", "--strict"]) == 3
    summary = json.loads(summary_path(settings, "strict").read_text(encoding="utf-8"))
    assert summary["status"] == "published" and summary["warnings"]
    assert "WARNING: empty drop" in capsys.readouterr().err
