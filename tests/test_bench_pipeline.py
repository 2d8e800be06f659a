"""``make bench-pipeline``: the generated drop is cached per (N, seed), and the table reads right."""

from __future__ import annotations

from pathlib import Path

from ingestion.commands.bench_pipeline import RunFigures, cached_drop, render


def test_the_drop_is_generated_once_per_size_and_seed(tmp_path: Path) -> None:
    first = cached_drop(1, 3, 0, root=tmp_path)
    files = sorted(p for p in first.rglob("*") if p.is_file())
    assert files and first.name == "n1-seed3-broken0"
    stamps = {p: p.stat().st_mtime_ns for p in files}
    again = cached_drop(1, 3, 0, root=tmp_path)
    assert again == first
    assert {p: p.stat().st_mtime_ns for p in files} == stamps  # not written again
    # The marker lies beside the drop, where collect does not see it.
    assert not list(first.rglob("*.complete")) and (tmp_path / "n1-seed3-broken0.complete").exists()
    assert cached_drop(1, 4, 0, root=tmp_path) != first


def test_the_table_has_a_row_per_step_and_the_rates_of_both_runs() -> None:
    full = RunFigures("full", 100.0, 150.0, 650, 900, 400, {"parse": {"cpu_s": 60.0, "wall_s": 35.0}})
    quiet = RunFigures("quiet", 10.0, 12.0, 650, 300, 250, {"parse": {"cpu_s": 0.5, "wall_s": 0.6}})
    text = render(500, [full, quiet])
    assert "500 generated reports (650 documents)" in text
    parse_row = next(line for line in text.splitlines() if line.startswith("parse"))
    assert parse_row.split()[1:] == ["60.0", "35.0", "0.5", "0.6"]
    assert "full: 6.5 documents/s wall; peak RSS 900 MiB (process tree), 400 MiB (largest process)" in text
    assert "quiet: 65.0 documents/s" in text
