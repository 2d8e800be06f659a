"""``make bench-pipeline N=...``: the whole pipeline without Airflow on N generated reports, timed.

Generates N reports once per (N, seed) into ``var/bench/drops/`` (a rerun reuses them), then runs
``python -m ingestion run`` twice on a fresh home (``var/bench/home-<N>``): a full load, and a
quiet rerun of the same drop with nothing new. For each run it prints CPU and wall seconds per
step (the step records' ``timing``), documents per second, and the peak memory of the run's
process tree (the sum of every process's RSS) and of its largest single process, both sampled
every 0.2 s (``ru_maxrss`` cannot tell the two runs apart: it is a maximum over all children).
The figures also go to ``var/bench/pipeline-<N>.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ingestion.settings import PROJECT_ROOT

BENCH_DIR = PROJECT_ROOT / "var" / "bench"
FORMATS = ["txt", "docx", "pdf", "html", "xlsx"]
YEARS = "2019-2024"
SAMPLE_EVERY_S = 0.2


@dataclass
class RunFigures:
    label: str
    wall_s: float
    cpu_s: float
    documents: int
    peak_tree_rss_mib: float
    peak_process_rss_mib: float
    steps: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def documents_per_s(self) -> float:
        return self.documents / self.wall_s if self.wall_s else 0.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reports", type=int, default=500, help="generated reports (default 500)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument("--broken", type=int, default=6, help="broken files in the drop (default 6)")


def cached_drop(reports: int, seed: int, broken: int, root: Path = BENCH_DIR / "drops") -> Path:
    """The generated drop for these parameters, written on first use only."""
    drop = root / f"n{reports}-seed{seed}-broken{broken}"
    done = root / f"{drop.name}.complete"  # beside the drop: collect would take it for a document
    if done.exists():
        return drop
    shutil.rmtree(drop, ignore_errors=True)
    command = [
        sys.executable, "-m", "ingestion", "generate", "--reports", str(reports), "--years", YEARS,
        "--formats", ",".join(FORMATS), "--broken", str(broken), "--seed", str(seed),
        "--out", str(drop), "--progress-every", str(max(reports // 10, 1)),
    ]  # fmt: skip
    subprocess.run(command, check=True)
    done.write_text("generated\n", encoding="utf-8")
    return drop


def timed_run(label: str, drop: Path, home: Path, run_id: str) -> RunFigures:
    """``python -m ingestion run`` once, with its CPU, wall, memory and step records."""
    import psutil

    command = [sys.executable, "-m", "ingestion", "run", "--drop", str(drop), "--home", str(home),
               "--run-id", run_id]  # fmt: skip
    log_path = home.parent / f"{home.name}-{label}.log"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        peak_tree, peak_one = _watch_memory(psutil.Process(process.pid), process)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"{label} run failed (exit {process.returncode}); see {log_path}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    steps = _step_timings(home, run_id)
    return RunFigures(label, round(wall, 1), round(cpu, 1), _documents(home, run_id), round(peak_tree),
                      round(peak_one), steps)  # fmt: skip


def _watch_memory(root: Any, process: subprocess.Popen[bytes]) -> tuple[float, float]:
    """Peak (sum of the tree's RSS, largest single RSS) in MiB until ``process`` ends."""
    import psutil

    peak_tree = peak_one = 0.0
    while process.poll() is None:
        try:
            members = [root, *root.children(recursive=True)]
            sizes = []
            for member in members:
                try:
                    sizes.append(member.memory_info().rss / 2**20)
                except psutil.Error:
                    continue  # ended between listing and reading
            peak_tree, peak_one = max(peak_tree, sum(sizes)), max(peak_one, *sizes, 0.0)
        except psutil.Error:
            pass
        time.sleep(SAMPLE_EVERY_S)
    return peak_tree, peak_one


def _step_timings(home: Path, run_id: str) -> dict[str, dict[str, float]]:
    from ingestion.pipeline.records import STEPS, read_step
    from ingestion.settings import load_settings

    settings = load_settings(home)
    timings = {}
    for step in STEPS:
        record = read_step(settings, run_id, step)
        if record is not None and "timing" in record:
            timings[step] = record["timing"]
    return timings


def _documents(home: Path, run_id: str) -> int:
    """Documents the run handled: every file the drop held (collect's count)."""
    from ingestion.pipeline.records import read_step
    from ingestion.settings import load_settings

    collected = read_step(load_settings(home), run_id, "collect") or {}
    return int(collected.get("found", 0))


def render(reports: int, runs: list[RunFigures]) -> str:
    lines = [f"pipeline without Airflow, {reports} generated reports ({runs[0].documents} documents)"]
    steps = list(dict.fromkeys(step for run in runs for step in run.steps))
    header = f"{'step':14}" + "".join(
        f"{run.label + ' CPU s':>16}{run.label + ' wall s':>16}" for run in runs
    )
    lines.append(header)
    for step in steps:
        cells = "".join(
            f"{run.steps.get(step, {}).get('cpu_s', float('nan')):16.1f}"
            f"{run.steps.get(step, {}).get('wall_s', float('nan')):16.1f}"
            for run in runs
        )
        lines.append(f"{step:14}{cells}")
    lines.append(f"{'whole run':14}" + "".join(f"{run.cpu_s:16.1f}{run.wall_s:16.1f}" for run in runs))
    for run in runs:
        lines.append(
            f"{run.label}: {run.documents_per_s:.1f} documents/s wall; peak RSS"
            f" {run.peak_tree_rss_mib:.0f} MiB (process tree),"
            f" {run.peak_process_rss_mib:.0f} MiB (largest process)"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    drop = cached_drop(args.reports, args.seed, args.broken)
    home = BENCH_DIR / f"home-{args.reports}"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    runs = [timed_run("full", drop, home, "bench-full"), timed_run("quiet", drop, home, "bench-quiet")]
    print(render(args.reports, runs))
    result = {
        "reports": args.reports,
        "seed": args.seed,
        "cores": _cores(),
        "runs": [asdict(r) for r in runs],
    }
    out = BENCH_DIR / f"pipeline-{args.reports}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"figures: {out}")
    return 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0))
