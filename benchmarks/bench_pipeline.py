"""The whole pipeline without Airflow on N generated reports; the same as ``make bench-pipeline N=...``.

    .venv/bin/python benchmarks/bench_pipeline.py --reports 2000

Prints CPU and wall seconds per step, documents per second and peak RSS, for a full load and a
quiet rerun. Targets (issue 10, 2 cores): 10,000 reports in <= 8 min wall and <= 2 GiB; the quiet
rerun of 10,000 in <= 30 s wall.
"""

from __future__ import annotations

import argparse
import sys

from ingestion.commands import bench_pipeline

if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    bench_pipeline.add_arguments(parser)
    sys.exit(bench_pipeline.run(parser.parse_args()))
