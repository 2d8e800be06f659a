"""Every broken file the generator puts in a drop is rejected with the manifest's reason.

The drop is written once per module by the project's generator (one report and its ten broken
files). A legacy .doc needs LibreOffice to be read: with it the generator's .doc fails to
convert (``reason_with_converter``); without it the reader says the converter is missing.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from ingestion import errors
from ingestion.documents.read import read_path
from ingestion.parsing import extract_report
from sample_drop.drop import DropOptions, write_drop

OVERSIZE_LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def drop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """(drop folder, manifest's broken entries by "suffix reason", e.g. "pdf corrupt")."""
    out = tmp_path_factory.mktemp("drop")
    options = DropOptions(
        out=out,
        reports=1,
        years=[2021],
        formats=["txt"],
        seed=5,
        broken=10,
        oversize_bytes=OVERSIZE_LIMIT,
        progress_every=0,
    )
    manifest = write_drop(options)
    return out, {f"{Path(e['file']).suffix[1:]} {e['reason']}": e for e in manifest["broken"]}


def _reason_of(folder: Path, entry: dict[str, Any]) -> str:
    """Why the pipeline sets the file aside: its reader, or the parser (a page that is no report)."""
    with pytest.raises(errors.DocumentRejected) as rejected:
        document = read_path(folder / entry["file"], max_bytes=OVERSIZE_LIMIT)
        extract_report(document, path=Path(entry["file"]).name, sha256="0" * 64)
    assert Path(entry["file"]).name in rejected.value.message
    return rejected.value.reason


@pytest.mark.parametrize(
    ("suffix", "reason"),
    [
        pytest.param("pdf", errors.EMPTY, id="empty pdf"),
        pytest.param("docx", errors.TRUNCATED, id="truncated docx"),
        pytest.param("docx", errors.CORRUPT, id="corrupt docx"),
        pytest.param("pdf", errors.ENCRYPTED, id="encrypted pdf"),
        pytest.param("pdf", errors.NO_TEXT_LAYER, id="scanned pdf"),
        pytest.param("pdf", errors.CORRUPT, id="garbled pdf"),
        pytest.param("html", errors.NOT_A_REPORT, id="portal listing page"),
        pytest.param("txt", errors.OVERSIZED, id="oversized txt"),
        pytest.param("ofd", errors.UNSUPPORTED_FORMAT, id="ofd file"),
    ],
)
def test_broken_file_is_rejected_with_the_manifest_reason(
    drop: tuple[Path, dict[str, dict[str, Any]]], suffix: str, reason: str
) -> None:
    folder, broken = drop

    assert _reason_of(folder, broken[f"{suffix} {reason}"]) == reason


def test_every_broken_file_is_covered(drop: tuple[Path, dict[str, dict[str, Any]]]) -> None:
    _, broken = drop

    assert len(broken) == 10  # the nine above and the .doc below


def test_doc_without_libreoffice_is_converter_missing(
    drop: tuple[Path, dict[str, dict[str, Any]]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder, broken = drop
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no soffice on the path

    assert _reason_of(folder, broken[f"doc {errors.CONVERTER_MISSING}"]) == errors.CONVERTER_MISSING


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed here: the .doc conversion path cannot run",
)
def test_doc_with_libreoffice_fails_as_the_manifest_says(
    drop: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    folder, broken = drop
    entry = broken[f"doc {errors.CONVERTER_MISSING}"]

    assert _reason_of(folder, entry) == entry["reason_with_converter"]
