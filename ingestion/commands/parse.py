"""``python -m ingestion parse PATH``: print the report-extraction/1 JSON of one report.

Exit 0 when the document could be read (even if little was found); otherwise exit 2 with one
line on stderr saying why (unreadable, not a report, too large, or ``parser_error`` with the
exception and the parser version: what the pipeline would quarantine the document with).
Imports stay light: no pandas, Airflow, dbt or Great Expectations on this path.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from ingestion import errors

EXIT_REJECTED = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="the report file (txt; docx/pdf/html when readers exist)")
    parser.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")


def run(args: argparse.Namespace) -> int:
    from ingestion.documents.read import read_path
    from ingestion.parsing import parse_report

    path: Path = args.path
    try:
        data = path.read_bytes()
        document = read_path(path)
        result = parse_report(document, path=path.name, sha256=hashlib.sha256(data).hexdigest())
    except OSError as exc:
        print(f"{errors.CORRUPT}: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_REJECTED
    except errors.DocumentRejected as exc:
        print(f"{exc} ({path.name})".replace("\n", " "), file=sys.stderr)
        return EXIT_REJECTED
    except Exception as exc:  # a parser defect: one line, as the pipeline records it, not a traceback
        from ingestion.parsing.version import PARSER_VERSION

        detail = " ".join(str(exc).split())[:500]
        print(f"{errors.PARSER_ERROR}: {path.name}: {type(exc).__name__}: {detail} (parser {PARSER_VERSION})",
              file=sys.stderr)  # fmt: skip
        return EXIT_REJECTED
    out = json.dumps(result.as_json(), ensure_ascii=False, indent=args.indent)
    sys.stdout.buffer.write(out.encode("utf-8") + b"\n")
    return 0
