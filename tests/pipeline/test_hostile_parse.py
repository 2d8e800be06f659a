"""A hostile drop through the real collect and parse steps: the generator's broken files, a zip
that lies about its sizes and a PDF bomb are each quarantined with their own reason, every good
report is parsed, and no parse worker's resident memory comes near 1 GiB."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest

from ingestion import errors
from ingestion.generate.drop import DropOptions, write_drop
from ingestion.landing import iter_ledger
from ingestion.pipeline import steps
from ingestion.settings import load_settings
from tests.documents.test_hostile_sizes import bomb_pdf, lying_docx

SIZE_LIMIT = 3 * 1024 * 1024  # above the hostile files: their own checks must catch them


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _expected_reason(broken: dict[str, Any]) -> str:
    # The generator's fake .doc is only recognisable as corrupt when LibreOffice can try it.
    if shutil.which("soffice") and "reason_with_converter" in broken:
        return str(broken["reason_with_converter"])
    return str(broken["reason"])


def test_a_hostile_drop_sets_each_bad_file_aside_and_parses_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop = tmp_path / "drop"
    options = DropOptions(out=drop, reports=5, years=[2022], formats=["txt", "docx", "pdf", "html"], seed=3,
                          broken=10, oversize_bytes=SIZE_LIMIT, progress_every=0)  # fmt: skip
    manifest = write_drop(options)
    (drop / "hostile").mkdir()
    (drop / "hostile" / "lying.docx").write_bytes(lying_docx())
    (drop / "hostile" / "bomb.pdf").write_bytes(bomb_pdf())
    monkeypatch.setenv("BPW_MAX_DOCUMENT_BYTES", str(SIZE_LIMIT))
    settings = load_settings(tmp_path / "home")

    steps.collect(settings, "hostile", str(drop))
    parsed = steps.parse(settings, "hostile")

    ledger = {row["document_sha256"]: (row["status"], row["status_reason"]) for row in iter_ledger(settings)}
    expected = {_sha256(drop / b["file"]): ("quarantined", _expected_reason(b)) for b in manifest["broken"]}
    expected[_sha256(drop / "hostile" / "lying.docx")] = ("quarantined", errors.CORRUPT)
    expected[_sha256(drop / "hostile" / "bomb.pdf")] = ("quarantined", errors.UNSAFE)
    expected.update({_sha256(drop / d["file"]): ("parsed", None) for d in manifest["documents"]})
    assert ledger == expected
    assert len(parsed["quarantined"]) == len(manifest["broken"]) + 2
    assert 0 < parsed["peak_worker_rss_mib"] < 512
