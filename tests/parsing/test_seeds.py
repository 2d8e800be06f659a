"""The parser on the real seed reports: the contract scorer at 100 % and schema-valid output.

Both read ../shared (the contract and the seeds) and skip with a clear message without it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from ingestion.documents.read import read_path
from ingestion.parsing import extract_report
from ingestion.privacy import mask_document

ROOT = Path(__file__).resolve().parents[2]


def test_score_reaches_100_percent_without_spurious(shared_contract: Path) -> None:
    seeds = shared_contract.parent / "seeds"
    result = subprocess.run(
        [sys.executable, str(shared_contract / "score.py"), "--cmd", f"{sys.executable} -m ingestion parse",
         "--docs", str(seeds), "--gold", str(shared_contract / "gold"), "--min", "1.0", "-v"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("0 spurious"), result.stdout


def test_every_seed_output_is_schema_valid_with_true_evidence(shared_contract: Path) -> None:
    schema = json.loads((shared_contract / "report-extraction.schema.json").read_text(encoding="utf-8"))
    seeds = sorted((shared_contract.parent / "seeds").glob("*.txt"))
    assert seeds
    for seed in seeds:
        document = read_path(seed)
        result = extract_report(document, path=seed.name, sha256="0" * 64).as_json()
        jsonschema.validate(result, schema)
        # Evidence cites the text with personal data masked (docs/privacy.md): same length, same offsets.
        masked = mask_document(document).text
        assert len(masked) == len(document.text)
        for pointer, cited in result["evidence"].items():
            assert masked[cited["start"] : cited["end"]] == cited["text"], (seed.name, pointer)
