"""Hostile names and links in a drop, through the real collect and parse steps and the summary.

Any byte string is a legal file name: one that is not UTF-8 lands and parses, kept escaped.
A name that tries to leave the drop is quarantined with its reason; a symbolic link is never
read, whether it stands for a document or for a sidecar, and each refusal shows in the summary.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingestion.collect.no_follow import LinkRefused, read_no_follow
from ingestion.landing import iter_ledger, land
from ingestion.landing.archive import Archive
from ingestion.landing.ledger import iter_records
from ingestion.pipeline import steps
from ingestion.pipeline.summary import build_summary, render_text
from ingestion.settings import Settings, load_settings

REPORT = "2022年度某某街道办事处部门整体支出绩效自评报告\n一、基本情况\n年初预算数{n}万元。\n"


def _report(n: int) -> bytes:
    return REPORT.format(n=n).encode()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "bpw")


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    (folder / "p").mkdir(parents=True)
    return folder


def test_a_name_that_is_not_utf8_lands_parses_and_the_files_after_it_land_too(
    settings: Settings, drop: Path
) -> None:
    portal = os.fsencode(drop / "p")
    with open(portal + b"/\xb1\xa8.txt", "wb") as handle:  # GB2312 bytes of 报, not UTF-8
        handle.write(_report(100))
    (drop / "p" / "z-after.txt").write_bytes(_report(200))
    collected = steps.collect(settings, "r", str(drop))
    parsed = steps.parse(settings, "r")
    assert (collected["found"], collected["new"], parsed["parsed"]) == (2, 2, 2)
    names = sorted(record["sightings"][0]["name"] for record in iter_records(Archive(settings.archive_dir)))
    assert names == ["\\xb1\\xa8.txt", "z-after.txt"], "the bytes that are not UTF-8 are spelled \\xNN"
    [uri] = [row["source_uri"] for row in iter_ledger(settings) if "xb1" in row["source_uri"]]
    assert uri.endswith("/p/\\xb1\\xa8.txt")
    assert {row["status"] for row in iter_ledger(settings)} == {"parsed"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("..\\..\\x.txt", id="windows traversal, hidden-looking"),
        pytest.param("..\\x.txt", id="one level up"),
        pytest.param("C:x.txt", id="a drive"),
    ],
)
def test_a_name_that_tries_to_leave_the_drop_is_quarantined_with_its_reason(
    settings: Settings, drop: Path, name: str
) -> None:
    (drop / "p" / name).write_bytes(b"escape attempt")
    (drop / "p" / "good.txt").write_bytes(_report(1))
    (drop / "p" / ".DS_Store").write_bytes(b"hidden, skipped as ever")
    collected = steps.collect(settings, "r", str(drop))
    assert collected["new"] == 1, "only good.txt is archived"
    [(shown, reason)] = collected["rejected_names"]
    assert reason == "path_in_name" and "x.txt" in shown
    [copy] = (settings.quarantine_dir / "path_in_name").glob("*[0-9a-f]")
    assert copy.read_bytes() == b"escape attempt", "the refused bytes are kept once, for people to look at"
    assert "seen at file://" in copy.with_name(copy.name + ".reason.txt").read_text("utf-8")
    text = render_text(build_summary(settings, "r"))
    assert "refused name" in text and "path_in_name" in text


@pytest.mark.parametrize(
    "name",
    [pytest.param("../x.txt", id="parent"), pytest.param("/etc/x.txt", id="absolute")],
)
def test_a_crawled_name_that_is_a_path_is_quarantined(settings: Settings, name: str) -> None:
    from datetime import UTC, datetime

    from ingestion.collect.model import CollectedFile, Provenance

    seen = Provenance("p", "https://p.example/a", None, None, None, None, datetime.now(UTC))
    result = land([CollectedFile(name=name, data=b"bytes", provenance=seen)], settings)
    assert result.rejected_names == [(repr(name), "path_in_name")] and result.new == 0
    assert len(list((settings.quarantine_dir / "path_in_name").iterdir())) == 2  # the bytes and why


def test_a_symlinked_sidecar_is_not_followed_and_the_summary_says_so(
    settings: Settings, drop: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.meta.json"
    outside.write_text('{"title": "OUTSIDE TITLE", "unit": "OUTSIDE UNIT"}', "utf-8")
    (drop / "p" / "r.txt").write_bytes(_report(3))
    (drop / "p" / "r.txt.meta.json").symlink_to(outside)
    (drop / "p" / "d.txt").write_bytes(_report(4))
    (drop / "p" / "d.txt.meta.json").symlink_to(tmp_path / "nowhere.json")  # dangling
    collected = steps.collect(settings, "r", str(drop))
    assert sorted(reason for _, reason in collected["skipped"]) == ["sidecar: symbolic link not followed"] * 2
    rows = list(iter_ledger(settings))
    assert len(rows) == 2, "the reports themselves still land"
    assert {row["listing_title"] for row in rows} == {None} and {row["unit_hint"] for row in rows} == {None}
    summary = build_summary(settings, "r")
    assert len(summary["documents"]["skipped_in_drop"]) == 2
    assert "r.txt.meta.json: sidecar: symbolic link not followed" in render_text(summary)


def test_a_symlinked_document_is_not_collected_and_the_summary_says_so(
    settings: Settings, drop: Path, tmp_path: Path
) -> None:
    (tmp_path / "secret.txt").write_bytes(_report(5))
    (drop / "p" / "link.txt").symlink_to(tmp_path / "secret.txt")
    collected = steps.collect(settings, "r", str(drop))
    assert collected["found"] == 0 and not settings.archive_dir.joinpath("documents").exists()
    assert "link.txt: symbolic link not followed" in render_text(build_summary(settings, "r"))


def test_a_file_swapped_for_a_link_after_the_listing_is_not_read(tmp_path: Path) -> None:
    from fsspec.implementations.local import LocalFileSystem

    (tmp_path / "secret.txt").write_bytes(b"outside the drop")
    (tmp_path / "report.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(LinkRefused):
        read_no_follow(LocalFileSystem(), str(tmp_path / "report.txt"), limit=100)
