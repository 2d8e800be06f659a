"""``python -m ingestion bench``: parsing speed per format, per core.

For every document in a folder (default: the shared seeds), times reading alone (bytes ->
``Document``) and full parsing (reading + ``extract_report``), in one process, so the figures
are per core. Prints reports per second by format and the ratio full / reading.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ingestion import errors
from ingestion.settings import PROJECT_ROOT

DEFAULT_DOCS = PROJECT_ROOT.parent / "shared" / "seeds"


@dataclass
class FormatTiming:
    documents: int = 0
    read_seconds: float = 0.0
    parse_seconds: float = 0.0

    def per_second(self) -> float:
        return self.documents / self.parse_seconds if self.parse_seconds else 0.0

    def ratio(self) -> float:
        return self.parse_seconds / self.read_seconds if self.read_seconds else 0.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="folder of documents to time")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the folder")


def measure(paths: list[Path], repeat: int) -> dict[str, FormatTiming]:
    from ingestion.documents.read import detect_format, read_document
    from ingestion.parsing import extract_report

    timings: dict[str, FormatTiming] = defaultdict(FormatTiming)
    loaded = [(path.name, path.read_bytes()) for path in paths]
    readable = []
    for name, data in loaded:
        try:
            extract_report(read_document(data, name), path=name, sha256="0" * 64)  # warm caches
            readable.append((name, data, detect_format(data, name)))
        except errors.DocumentRejected:
            continue
    for _ in range(repeat):
        for name, data, fmt in readable:
            started = time.perf_counter()
            document = read_document(data, name)
            read_done = time.perf_counter()
            extract_report(document, path=name, sha256="0" * 64)
            finished = time.perf_counter()
            timing = timings[fmt]
            timing.documents += 1
            timing.read_seconds += read_done - started
            timing.parse_seconds += finished - started
    return dict(timings)


def run(args: argparse.Namespace) -> int:
    paths = sorted(p for p in args.docs.glob("*") if p.is_file()) if args.docs.is_dir() else []
    if not paths:
        print(f"no documents in {args.docs}")
        return 1
    timings = measure(paths, args.repeat)
    print(f"{'format':8} {'docs':>6} {'reports/s/core':>15} {'read-only/s':>12} {'full/read':>10}")
    for fmt, timing in sorted(timings.items()):
        read_rate = timing.documents / timing.read_seconds if timing.read_seconds else 0.0
        rates = f"{timing.per_second():15.1f} {read_rate:12.1f} {timing.ratio():10.1f}"
        print(f"{fmt:8} {timing.documents:6d} {rates}")
    return 0
