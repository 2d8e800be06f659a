"""``python -m ingestion parse``: JSON on stdout, or one line on stderr and a non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _parse(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingestion", "parse", str(path)], capture_output=True, text=True, cwd=ROOT
    )


def test_prints_the_contract_for_a_gbk_report(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes("2022年度整体支出绩效自评报告\n一、基本情况\n基本支出12.5万元。\n".encode("gbk"))
    result = _parse(report)
    assert result.returncode == 0, result.stderr
    extraction = json.loads(result.stdout)
    assert extraction["source"]["encoding"] == "gb18030"
    assert extraction["amounts_wan"]["basic"] == "12.5"
    assert extraction["report"]["fiscal_year"] == 2022
    assert len(extraction["source"]["sha256"]) == 64


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", ("empty",), id="empty file"),
        pytest.param(bytes(range(256)) * 4, ("undecodable", "unsupported_format"), id="binary"),
        pytest.param(b"Hello, this is a menu page.", ("not_a_report",), id="not a report"),
    ],
)
def test_rejected_documents_exit_non_zero_with_one_line(
    tmp_path: Path, data: bytes, reason: tuple[str, ...]
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    result = _parse(path)
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(reason)


def test_missing_file(tmp_path: Path) -> None:
    result = _parse(tmp_path / "absent.txt")
    assert result.returncode != 0 and len(result.stderr.splitlines()) == 1


def test_a_parser_defect_is_one_line_naming_the_exception_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    import ingestion.parsing
    from ingestion.commands import parse as parse_command

    def defective(*args: object, **kwargs: object) -> None:
        raise ValueError("invalid literal for int() with base 10: '⑤'")

    monkeypatch.setattr(ingestion.parsing, "parse_report", defective)
    report = tmp_path / "report.txt"
    report.write_text("2022年度部门整体支出绩效自评报告\n⑤部\n", encoding="utf-8")
    assert parse_command.run(argparse.Namespace(path=report, indent=None)) == parse_command.EXIT_REJECTED
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("parser_error: report.txt: ValueError: invalid literal") and "(parser " in err
