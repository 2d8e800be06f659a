"""``python -m ingestion bench-workers``: parse-step throughput with 1 and with 2 worker processes.

Generates a drop (fixed seed, reports spread over txt, docx, pdf, html and xlsx), lands it in a
temporary home, then parses every document again (``force``) with each worker count in turn,
alternating the counts ``--repeat`` times and keeping each count's best wall time. Prints
documents per second (wall), the CPU seconds of the parent and its workers together, and the
ratio of the two throughputs. On a shared machine the wall ratio is the figure to distrust:
CPU seconds show whether the workers did the same work or were starved of a core.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

BENCH_SEED = 7
FORMATS = ["txt", "docx", "pdf", "html", "xlsx"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reports", type=int, default=60, help="reports in the generated drop (default 60)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--repeat", type=int, default=2, help="rounds over the worker counts (default 2)")


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _parse_once(settings: object, workers: int) -> tuple[float, float, int]:
    from ingestion.landing import parse_pending

    wall, cpu = time.perf_counter(), _cpu_seconds()
    result = parse_pending(settings, force=True, workers=workers)  # type: ignore[arg-type]
    documents = len(result.parsed) + len(result.quarantined)
    return time.perf_counter() - wall, _cpu_seconds() - cpu, documents


def run(args: argparse.Namespace) -> int:
    from ingestion.generate.drop import DropOptions, write_drop
    from ingestion.landing import collect_into_archive
    from ingestion.settings import load_settings

    counts = [int(count) for count in args.workers.split(",")]
    best: dict[int, tuple[float, float, int]] = {}
    with tempfile.TemporaryDirectory(prefix="bpw-bench-workers-") as folder:
        drop = Path(folder) / "drop"
        write_drop(DropOptions(out=drop, reports=args.reports, years=[2021, 2022, 2023], formats=FORMATS,
                               seed=BENCH_SEED, progress_every=10**6))  # fmt: skip
        settings = load_settings(Path(folder) / "home")
        collect_into_archive(str(drop), settings)
        for _ in range(args.repeat):
            for workers in counts:
                measured = _parse_once(settings, workers)
                if workers not in best or measured[0] < best[workers][0]:
                    best[workers] = measured
    print(f"parse step, {args.reports} generated reports, best of {args.repeat}, {os.cpu_count()} cores:")
    for workers, (wall, cpu, documents) in best.items():
        rate = documents / wall
        print(f"  {workers} worker(s): {documents} documents in {wall:.2f} s wall = {rate:.1f}/s; "
              f"{cpu:.2f} s CPU (parent + workers)")  # fmt: skip
    if len(counts) >= 2:
        first, last = best[counts[0]], best[counts[-1]]
        ratio = (last[2] / last[0]) / (first[2] / first[0])
        print(f"  throughput {counts[-1]} vs {counts[0]} worker(s): {ratio:.2f}x (wall); "
              f"CPU {last[1]:.2f} s vs {first[1]:.2f} s")  # fmt: skip
    return 0
