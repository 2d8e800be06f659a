"""The drop as a whole: deterministic per seed; broken files, duplicates, republications as listed."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from conftest import load_manifest
from pdfplumber.utils.exceptions import PdfminerException

from ingestion import cli, errors
from ingestion.generate.drop import DropOptions, write_drop

REASON_CODES = {value for name, value in vars(errors).items() if name.isupper() and isinstance(value, str)}


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _small_drop(out: Path, seed: int) -> dict[str, bytes]:
    # Formats rotate over the reports, so every renderer runs once or twice.
    write_drop(
        DropOptions(
            out=out,
            reports=6,
            years=[2020, 2021],
            formats=["txt", "html", "docx", "pdf", "xlsx"],
            seed=seed,
            broken=4,
            progress_every=0,
        )
    )
    return _tree(out)


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    first = _small_drop(tmp_path / "a", seed=3)
    again = _small_drop(tmp_path / "b", seed=3)
    other = _small_drop(tmp_path / "c", seed=4)
    assert first.keys() == again.keys()
    differing = [name for name in first if first[name] != again[name]]
    assert not differing, differing[:5]
    assert {name.rsplit(".", 1)[-1] for name in first} >= {"txt", "html", "docx", "pdf", "json"}
    assert first != other


def test_broken_files_fail_the_way_the_manifest_says(full_drop: Path) -> None:
    broken = load_manifest(full_drop)["broken"]
    assert len(broken) == 10
    for entry in broken:
        assert entry["reason"] in REASON_CODES
        data = (full_drop / entry["file"]).read_bytes()
        assert not (full_drop / "_truth" / f"{entry['file']}.json").exists(), "broken files have no truth"
        reason = entry["reason"]
        if reason == errors.EMPTY:
            assert data == b""
        elif reason == errors.OVERSIZED:
            assert len(data) > entry["limit_bytes"]
        elif reason == errors.UNSUPPORTED_FORMAT:
            assert "OFD.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
        elif reason == errors.CONVERTER_MISSING:
            assert data.startswith(b"\xd0\xcf\x11\xe0") and entry["file"].endswith(".doc")
        elif reason == errors.NO_TEXT_LAYER:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                assert all(not (page.extract_text() or "").strip() for page in pdf.pages)
                assert pdf.pages[0].images
        elif reason == errors.ENCRYPTED:
            assert b"/Encrypt" in data
            with pytest.raises(PdfminerException):
                pdfplumber.open(io.BytesIO(data)).pages[0].extract_text()
        elif reason in (errors.TRUNCATED, errors.CORRUPT) and entry["file"].endswith(".docx"):
            with pytest.raises((zipfile.BadZipFile, KeyError, ValueError, OSError)):
                docx.Document(io.BytesIO(data))


def test_duplicate_has_the_same_bytes_and_truth(full_drop: Path) -> None:
    (duplicate,) = load_manifest(full_drop)["duplicates"]
    assert (full_drop / duplicate["file"]).read_bytes() == (full_drop / duplicate["same_as"]).read_bytes()
    truths = [json.loads((full_drop / "_truth" / f"{f}.json").read_text("utf-8")) for f in duplicate.values()]
    assert truths[0]["source"]["sha256"] == truths[1]["source"]["sha256"]
    assert truths[0]["amounts_wan"] == truths[1]["amounts_wan"]


def test_republication_is_the_same_report_corrected_and_published_later(full_drop: Path) -> None:
    (republication,) = load_manifest(full_drop)["republications"]
    old, new = (
        json.loads((full_drop / "_truth" / f"{republication[k]}.json").read_text("utf-8"))
        for k in ("old", "new")
    )
    for key in ("kind", "unit_name", "fiscal_year"):
        assert old["report"][key] == new["report"][key]
    assert old["amounts_wan"] != new["amounts_wan"]
    dates = [
        json.loads((full_drop / f"{republication[k]}.meta.json").read_text("utf-8"))["published_date"]
        for k in ("old", "new")
    ]
    assert dates[0] < dates[1]


def test_collector_facing_layout(full_drop: Path) -> None:
    manifest = load_manifest(full_drop)
    portals = [p for p in full_drop.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))]
    assert portals and all(p.name.startswith("district-") for p in portals)
    published = {
        str(f.relative_to(full_drop))
        for p in portals
        for f in p.iterdir()
        if not f.name.endswith(".meta.json")
    }
    listed = {d["file"] for d in manifest["documents"]} | {b["file"] for b in manifest["broken"]}
    assert published == listed
    for sidecar in full_drop.glob("*/*.meta.json"):
        meta = json.loads(sidecar.read_text("utf-8"))
        assert set(meta) == {"title", "url", "published_date", "unit", "publisher"}


@pytest.mark.parametrize(
    ("argv_tail", "code"),
    [
        pytest.param(["--formats", "txt,html", "--years", "2022"], 0, id="txt and html for one year"),
        pytest.param(["--formats", "txt,wps"], 2, id="unknown format"),
    ],
)
def test_command_line(
    argv_tail: list[str], code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["generate", "--reports", "3", "--out", str(tmp_path / "drop"), "--seed", "1", *argv_tail]
    assert cli.main(argv) == code
    if code == 0:
        manifest = load_manifest(tmp_path / "drop")
        assert len(manifest["documents"]) == 3
        assert {d["format"] for d in manifest["documents"]} <= {"txt", "html"}
    else:
        assert "wps" in capsys.readouterr().err


def test_bad_year_range_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        cli.main(["generate", "--out", str(tmp_path), "--years", "20x9"])


def test_generating_twice_into_one_folder_gives_the_same_drop(tmp_path: Path) -> None:
    options = DropOptions(out=tmp_path / "drop", reports=3, years=[2022], formats=["txt"], seed=5)
    write_drop(options)
    first = sorted(p.relative_to(options.out) for p in options.out.rglob("*"))
    write_drop(options)
    assert sorted(p.relative_to(options.out) for p in options.out.rglob("*")) == first


def test_a_folder_that_is_not_a_generated_drop_is_never_overwritten(tmp_path: Path) -> None:
    own = tmp_path / "my-reports"
    own.mkdir()
    (own / "report.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="holds no generated drop"):
        write_drop(DropOptions(out=own, reports=1, years=[2022], formats=["txt"]))
    assert (own / "report.txt").read_text(encoding="utf-8") == "mine"
