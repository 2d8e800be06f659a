"""The parser on real published report excerpts (../shared/corpus/real), scored as the project is.

The scorer runs ``python -m ingestion parse`` on every page and compares it with the labels; the
floor is what the parser reached (raise it as the parser improves, never lower it). A spurious
amount (a page number, a phone number, a count read as money) or a crash fails the test at any
accuracy. Skips with a clear message when ../shared is absent.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from ingestion.documents.read import read_path
from ingestion.parsing import extract_report
from tests.parsing.conftest import CONTRACT, SHARED

ROOT = Path(__file__).resolve().parents[2]
CORPUS = SHARED / "corpus" / "real"
SCORER = CONTRACT / "score_real.py"
FLOOR = 0.982
_SUMMARY = re.compile(
    r"real-report accuracy ([\d.]+)% \((\d+)/(\d+)\), (\d+) spurious amounts, (\d+) crashed"
)


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not SCORER.is_file() or not (CORPUS / "labels.jsonl").is_file():
        pytest.skip(
            f"the real-page corpus and its scorer are not at {SHARED.resolve()} (../shared of the repo)"
        )
    return CORPUS


def test_real_pages_score_above_the_floor_without_spurious_amounts_or_crashes(corpus: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCORER), "--cmd", f"{sys.executable} -m ingestion parse", "--dir", str(corpus),
         "--min", str(FLOOR), "-v"],
        capture_output=True, text=True, cwd=ROOT, timeout=1200,
    )  # fmt: skip
    summary = _SUMMARY.search(result.stdout)
    assert summary is not None, result.stdout[-2000:] + result.stderr[-2000:]
    accuracy, spurious, crashed = float(summary[1]) / 100, int(summary[4]), int(summary[5])
    assert result.returncode == 0 and accuracy >= FLOOR, f"below the floor {FLOOR:.0%}:\n{result.stdout}"
    assert spurious == 0, f"spurious amounts:\n{result.stdout}"
    assert crashed == 0, f"crashed:\n{result.stdout}"


def test_every_real_page_gives_schema_valid_output_with_true_evidence(corpus: Path) -> None:
    schema = json.loads((CONTRACT / "report-extraction.schema.json").read_text(encoding="utf-8"))
    pages = sorted((corpus / "reports").glob("*.txt"))
    assert pages
    for page in pages:
        document = read_path(page)
        result = extract_report(document, path=page.name, sha256="0" * 64).as_json()
        jsonschema.validate(result, schema)
        assert not [w for w in result["warnings"] if "extractor failed" in w], (page.name, result["warnings"])
        for pointer, cited in result["evidence"].items():
            assert document.text[cited["start"] : cited["end"]] == cited["text"], (page.name, pointer)
