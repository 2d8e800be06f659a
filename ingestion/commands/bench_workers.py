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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingestion.settings import Settings

BENCH_SEED = 7
FORMATS = ["txt", "docx", "pdf", "html", "xlsx"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reports", type=int, default=150, help="reports in the drop (default 150)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--repeat", type=int, default=2, help="rounds over the worker counts (default 2)")


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process (the ledger writer) and of its finished workers."""
    times = os.times()
    return times.user + times.system, times.children_user + times.children_system


def _parse_once(settings: Settings, workers: int) -> tuple[float, float, float, int]:
    """(wall s, parent CPU s, workers' CPU s, documents) of one forced parse of the archive."""
    from ingestion.landing import parse_pending

    wall, (parent, children) = time.perf_counter(), _cpu_seconds()
    result = parse_pending(settings, force=True, workers=workers)
    documents = len(result.parsed) + len(result.quarantined)
    parent_after, children_after = _cpu_seconds()
    return time.perf_counter() - wall, parent_after - parent, children_after - children, documents


def run(args: argparse.Namespace) -> int:
    from ingestion.generate.drop import DropOptions, write_drop
    from ingestion.landing import collect_into_archive
    from ingestion.settings import load_settings

    counts = [int(count) for count in args.workers.split(",")]
    best: dict[int, tuple[float, float, float, int]] = {}
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
    for workers, (wall, parent, children, documents) in best.items():
        rate = documents / wall
        print(f"  {workers} worker(s): {documents} documents in {wall:.2f} s = {rate:.1f}/s wall; "
              f"CPU {parent:.2f} s parent + {children:.2f} s workers")  # fmt: skip
    if len(counts) >= 2:
        first, last = best[counts[0]], best[counts[-1]]
        ratio = (last[3] / last[0]) / (first[3] / first[0])
        print(f"  throughput {counts[-1]} vs {counts[0]} worker(s): {ratio:.2f}x (wall)")
    return 0
