"""Parsing throughput per format and core; the same as ``python -m ingestion bench``.

    .venv/bin/python benchmarks/bench_parse.py [--docs FOLDER] [--repeat N]

Target: at least 300 txt reports per second per core.
"""

from __future__ import annotations

import argparse
import sys

from ingestion.commands import bench

if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    bench.add_arguments(parser)
    sys.exit(bench.run(parser.parse_args()))
