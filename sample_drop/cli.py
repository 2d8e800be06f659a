"""``python -m sample_drop``: write an invented portal drop with ground truth.

    python -m sample_drop --reports 50 --years 2019-2024 --formats txt,docx,pdf,html,xlsx \
        --out DIR --seed 1 --broken 10
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from ingestion.cli import configure_logging
from sample_drop.drop import DropOptions, write_drop
from sample_drop.pdf_font import FontMissing

log = logging.getLogger("sample_drop")


def _years(text: str) -> list[int]:
    first, _, last = text.partition("-")
    try:
        years = list(range(int(first), int(last or first) + 1))
    except (ValueError, FontMissing) as exc:
        raise argparse.ArgumentTypeError(f"expected YEAR or FIRST-LAST, got {text!r}") from exc
    if not years:
        raise argparse.ArgumentTypeError(f"empty year range {text!r}")
    return years


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reports", type=int, default=20, help="how many reports (default 20)")
    parser.add_argument(
        "--years", type=_years, default=_years("2019-2024"), help="fiscal years, e.g. 2019-2024"
    )
    parser.add_argument(
        "--formats", default="txt,docx,pdf,html", help="comma-separated: txt,docx,pdf,html,xlsx"
    )
    parser.add_argument("--out", type=Path, required=True, help="the drop folder to write")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same drop")
    parser.add_argument(
        "--broken",
        type=int,
        default=0,
        metavar="K",
        help="add K broken files, plus a duplicate and a corrected republication",
    )
    parser.add_argument("--every-format", action="store_true", help="render each report in every format")
    parser.add_argument(
        "--oversize-bytes",
        type=int,
        default=256 * 1024,
        help="size the 'oversized' broken file exceeds (default 262144)",
    )
    parser.add_argument("--progress-every", type=int, default=10, help="report progress every N reports")


def run(args: argparse.Namespace) -> int:
    options = DropOptions(
        out=args.out,
        reports=args.reports,
        years=args.years,
        formats=[f.strip() for f in args.formats.split(",") if f.strip()],
        seed=args.seed,
        broken=args.broken,
        every_format=args.every_format,
        oversize_bytes=args.oversize_bytes,
        progress_every=args.progress_every,
    )
    started = time.perf_counter()
    try:
        manifest = write_drop(options)
    except ValueError as exc:
        log.error("generate: %s", exc)
        return 2
    log.info(
        "generate: %d documents, %d broken files in %s (%.1f s)",
        len(manifest["documents"]), len(manifest["broken"]), args.out, time.perf_counter() - started,
    )  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sample_drop", description=__doc__.splitlines()[0])
    add_arguments(parser)
    configure_logging(("sample_drop",))
    return run(parser.parse_args(sys.argv[1:] if argv is None else argv))
