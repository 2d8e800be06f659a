"""``python -m ingestion parse PATH``: print the report-extraction/1 JSON of one report.

Exit 0 when the document could be read (even if little was found); otherwise exit 2 with one
line on stderr saying why (unreadable, not a report, too large). Imports stay light: no
pandas, Airflow, dbt or Great Expectations on this path.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from ingestion import errors
from ingestion.documents.model import Document

EXIT_REJECTED = 2
# A report speaks of budgets or performance; a page without any of these words is not one.
_REPORT_WORDS = re.compile(r"绩效|预算|决算|支出|资金|经费")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="the report file (txt; docx/pdf/html when readers exist)")
    parser.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")


def check_is_report(document: Document, name: str) -> None:
    if not document.text.strip():
        raise errors.DocumentRejected(errors.NOT_A_REPORT, f"{name} has no text")
    if not _REPORT_WORDS.search(document.text):
        raise errors.DocumentRejected(errors.NOT_A_REPORT, f"{name} names no budget or performance terms")


def run(args: argparse.Namespace) -> int:
    from ingestion.documents.read import read_path
    from ingestion.parsing import extract_report

    path: Path = args.path
    try:
        data = path.read_bytes()
        document = read_path(path)
        check_is_report(document, path.name)
    except OSError as exc:
        print(f"{errors.CORRUPT}: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_REJECTED
    except errors.DocumentRejected as exc:
        print(str(exc).replace("\n", " "), file=sys.stderr)
        return EXIT_REJECTED
    result = extract_report(document, path=path.name, sha256=hashlib.sha256(data).hexdigest())
    out = json.dumps(result, ensure_ascii=False, indent=args.indent)
    sys.stdout.buffer.write(out.encode("utf-8") + b"\n")
    return 0
