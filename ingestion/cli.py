"""``python -m ingestion <command>``: the shell face of the package.

Each command lives in ``ingestion/commands/<name>.py`` with ``add_arguments(parser)`` and
``run(args) -> int``. Modules are imported only when their command runs, so ``parse`` stays fast
and never pays for Airflow, dbt or Great Expectations imports.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from ingestion.dsn import mask_dsn

COMMANDS: dict[str, str] = {
    "parse": "print the report-extraction/1 JSON of one report",
    "generate": "write an invented portal drop with ground truth",
    "collect": "land a drop folder or crawl portals into the archive",
    "run": "run the whole pipeline once, without Airflow",
    "validate": "run the Great Expectations suites on the marts",
    "bench": "measure parsing speed per format",
    "bench-workers": "parse-step throughput with 1 vs 2 worker processes",
    "airflow": "start, stop or check the local Airflow (api-server, scheduler, ...)",
    "docs": "build dbt docs, GX Data Docs and the overview page for offline reading",
}


def _build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingestion", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = next((arg for arg in argv if not arg.startswith("-")), None)
    for name, help_text in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == wanted:
            module = importlib.import_module(f"ingestion.commands.{name.replace('-', '_')}")
            module.add_arguments(command_parser)
            command_parser.set_defaults(handler=module.run)
    return parser


class _TerminalHandler(logging.Handler):
    """Plain messages to whatever ``sys.stderr`` is now; warnings and errors say so. A message
    that quotes a connection string shows it with its password masked."""

    def emit(self, record: logging.LogRecord) -> None:
        message = mask_dsn(record.getMessage())
        if record.levelno >= logging.WARNING:
            message = f"{record.levelname.lower()}: {message}"
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def configure_logging() -> None:
    """The project's loggers at INFO on stderr; stdout stays for a command's output (the parse
    command's JSON, a table). Other libraries keep their own defaults (warnings and up)."""
    for name in ("ingestion", "expectations"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, _TerminalHandler) for handler in logger.handlers):
            logger.addHandler(_TerminalHandler())
        logger.setLevel(logging.INFO)
        logger.propagate = False


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    configure_logging()
    args = _build_parser(argv).parse_args(argv)
    return int(args.handler(args))
