"""The seeds' tables as Word forms (merged 绩效指标 label column), as their HTML, and as ruled PDFs
with multi-line cells, built at test time from ../shared/seeds and scored against the gold.

What must come out right whatever the layout: the indicators, the budget-execution row, the
self score and the key-project table (projects, 项目预算, 项目支出); the rest of each report
is scored too. The LibreOffice variant exports the Word files to PDF as portals do and skips
where soffice is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from seed_forms import FORMATS, LAYOUTS, render, seed_document

from ingestion.documents.read import read_document
from ingestion.parsing import extract_report

# The seeds whose text holds tables: a self-evaluation form and a key-project table.
TABLE_SEEDS = ("002", "004")
TABLE_FACTS = ("indicators", "budget_execution", "self_score", "projects", "amounts_wan.project")


def _scorer(shared_contract: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("contract_score", shared_contract / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seed(shared_contract: Path, prefix: str) -> Path:
    seeds = shared_contract.parent / "seeds"
    matches = sorted(seeds.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"no seed {prefix}_*.txt in {seeds}")
    return matches[0]


def _misses(shared_contract: Path, seed: Path, parsed: dict[str, Any]) -> tuple[Any, list[str]]:
    score = _scorer(shared_contract)
    gold = json.loads((shared_contract / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))
    tally = score.Tally()
    score.score(gold, parsed, tally)
    return tally, tally.misses


def _parse(data: bytes, name: str) -> dict[str, Any]:
    return dict(extract_report(read_document(data, name), path=name, sha256="0" * 64).as_json())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("prefix", TABLE_SEEDS)
def test_seed_forms_read_right_in_every_format(
    shared_contract: Path, tmp_path: Path, prefix: str, layout: str, fmt: str
) -> None:
    seed = _seed(shared_contract, prefix)
    data = render(seed_document(seed, layout), fmt, tmp_path)

    parsed = _parse(data, f"{seed.stem}.{fmt}")
    tally, misses = _misses(shared_contract, seed, parsed)

    table_misses = [miss for miss in misses if miss.startswith(TABLE_FACTS)]
    assert not table_misses, table_misses
    assert (tally.correct, tally.spurious) == (tally.total, 0), misses
    assert not any(warning.startswith("score_total") for warning in parsed["warnings"]), parsed["warnings"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("prefix", TABLE_SEEDS)
def test_seed_forms_exported_to_pdf_by_libreoffice_read_right(
    shared_contract: Path, tmp_path: Path, prefix: str, layout: str
) -> None:
    seed = _seed(shared_contract, prefix)
    source = tmp_path / f"{seed.stem}.docx"
    source.write_bytes(render(seed_document(seed, layout), "docx", tmp_path))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip

    parsed = _parse(source.with_suffix(".pdf").read_bytes(), f"{seed.stem}.pdf")
    tally, misses = _misses(shared_contract, seed, parsed)

    assert (tally.correct, tally.spurious) == (tally.total, 0), misses
