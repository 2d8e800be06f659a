"""Landing: content-addressed bytes, one document per content, every sighting kept, reruns idempotent."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ingestion.cli import main
from ingestion.collect.model import CollectedFile, Provenance
from ingestion.landing import collect_into_archive, iter_ledger, land
from ingestion.landing.ledger import LEDGER_COLUMNS
from ingestion.settings import Settings, load_settings

REPORT = "某镇2023年度部门整体支出绩效自评报告\n基本支出100万元\n".encode()


def _collected(
    name: str,
    data: bytes = REPORT,
    *,
    portal: str = "p",
    uri: str = "https://p.example/a",
    title: str | None = None,
    day: int = 1,
) -> CollectedFile:
    seen = Provenance(
        portal=portal,
        source_uri=uri,
        listing_title=title,
        published_date=date(2024, 1, day),
        publisher=None,
        unit_hint=None,
        collected_at=datetime(2024, 5, day, tzinfo=UTC),
    )
    return CollectedFile(name=name, data=data, provenance=seen)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "home")


def test_bytes_are_kept_byte_for_byte_under_their_sha256(settings: Settings) -> None:
    result = land([_collected("a.txt")], settings)
    sha = hashlib.sha256(REPORT).hexdigest()
    stored = settings.archive_dir / "objects" / sha[:2] / sha
    assert stored.read_bytes() == REPORT
    [row] = iter_ledger(settings)
    assert tuple(row) == LEDGER_COLUMNS
    assert (row["document_sha256"], row["archive_path"], row["status"]) == (sha, str(stored), "landed")
    assert (row["format"], row["size_bytes"]) == ("txt", len(REPORT))
    assert (result.found, result.new, result.already_known) == (1, 1, 0)


def test_same_bytes_twice_are_one_document_with_two_sightings(settings: Settings) -> None:
    later = _collected("copy.txt", portal="q", uri="https://q.example/b", title="新标题", day=9)
    earlier = _collected("a.txt", title="旧标题", day=2)
    result = land([later, earlier], settings)
    assert (result.new, result.already_known) == (1, 1)
    [row] = iter_ledger(settings)
    # the first sighting's address and time; the latest sighting's listing values
    assert (row["portal"], row["source_uri"]) == ("p", "https://p.example/a")
    assert row["collected_at"] == "2024-05-02T00:00:00+00:00"
    assert (row["listing_title"], row["published_date"]) == ("新标题", "2024-01-09")
    record = json.loads((settings.archive_dir / "documents" / f"{row['document_sha256']}.json").read_text())
    assert len(record["sightings"]) == 2


def test_rerun_adds_no_sighting_and_keeps_the_first_collected_at(settings: Settings) -> None:
    land([_collected("a.txt", day=1)], settings)
    again = land([_collected("a.txt", day=7, title="更正后的标题")], settings)
    assert (again.new, again.already_known) == (0, 1)
    [row] = iter_ledger(settings)
    assert (row["collected_at"], row["listing_title"]) == ("2024-05-01T00:00:00+00:00", "更正后的标题")
    record = json.loads((settings.archive_dir / "documents" / f"{row['document_sha256']}.json").read_text())
    assert len(record["sightings"]) == 1


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("../../escape.txt", id="traversal"),
        pytest.param("/etc/passwd", id="absolute"),
        pytest.param("a\x00.txt", id="nul"),
        pytest.param("x" * 300 + ".txt", id="very long"),
    ],
)
def test_unsafe_names_are_rejected_and_nothing_is_written(settings: Settings, name: str) -> None:
    result = land([_collected(name, data=b"unique " + name.encode())], settings)
    assert [reason for _, reason in result.rejected_names] and result.new == 0
    assert list(iter_ledger(settings)) == []
    assert not (settings.archive_dir / "objects").exists()


def test_drop_folder_rerun_is_idempotent(tmp_path: Path, settings: Settings) -> None:
    drop = tmp_path / "drop"
    (drop / "zhuzhou").mkdir(parents=True)
    (drop / "zhuzhou" / "a.txt").write_bytes(REPORT)
    (drop / "b.txt").write_bytes(b"another report")
    first = collect_into_archive(str(drop), settings)
    second = collect_into_archive(str(drop), settings)
    assert (first.new, second.new, second.already_known) == (2, 0, 2)
    assert sorted(row["portal"] for row in iter_ledger(settings)) == ["default", "zhuzhou"]


def test_missing_drop_folder_is_named(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(FileNotFoundError, match=f"drop folder {tmp_path}/nope does not exist"):
        collect_into_archive(str(tmp_path / "nope"), settings)


def test_collect_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drop = tmp_path / "drop"
    (drop / "p").mkdir(parents=True)
    (drop / "p" / "a.txt").write_bytes(REPORT)
    home = str(tmp_path / "home")
    assert main(["collect", str(drop), "--home", home]) == 0
    assert "found 1, new 1" in capsys.readouterr().err
    assert main(["collect", str(tmp_path / "missing"), "--home", home]) == 2
    assert "does not exist" in capsys.readouterr().err
