"""The parser against generated truth: how many stated facts it reads back, scored as score.py does.

Skips when the parser or the contract's scorer is absent. Every format must read back every
stated fact (the drop holds every table layout the generator knows: merged label columns,
key-project tables, LibreOffice-style PDF tables); below that is a regression on one side.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.sample_drop.conftest import SHARED, load_manifest, load_truths

SCORER = SHARED / "contract" / "score.py"


def _scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"the contract's score.py is not at {SCORER} (../shared absent)")
    spec = importlib.util.spec_from_file_location("contract_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parse(path: Path) -> dict[str, Any]:
    parsing = pytest.importorskip("ingestion.parsing", reason="the parser is not importable yet")
    read = pytest.importorskip("ingestion.documents.read", reason="the readers are not importable yet")
    return dict(parsing.extract_report(read.read_path(path), path=path.name, sha256="0" * 64).as_json())


@pytest.mark.parametrize(
    "fmt",
    [
        pytest.param("txt", id="txt"),
        pytest.param("docx", id="docx"),
        pytest.param("pdf", id="pdf"),
        pytest.param("html", id="html"),
        pytest.param("xlsx", id="xlsx attachment"),
    ],
)
def test_parser_reads_back_the_stated_facts(fmt: str, full_drop: Path) -> None:
    score = _scorer()
    tally = score.Tally()
    documents = [d for d in load_manifest(full_drop)["documents"] if d["format"] == fmt]
    truths = load_truths(full_drop, fmt)
    assert documents, f"the drop should hold {fmt} documents"
    for document, truth in zip(documents, truths, strict=True):
        before = len(tally.misses)
        score.score(truth, _parse(full_drop / document["file"]), tally)
        tally.misses[before:] = [f"{document['file']}: {miss}" for miss in tally.misses[before:]]
    assert tally.correct == tally.total, f"{tally.correct}/{tally.total} facts; misses: {tally.misses[:8]}"
    assert tally.spurious == 0, tally.misses[:8]
