"""Drop folders: portals as sub-folders, skipped entries, sidecars, any fsspec URL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import fsspec
import pytest

from ingestion.collect.drop_folder import DropFolderError, iter_drop_folder


@pytest.fixture
def memory_drop() -> str:
    fs = fsspec.filesystem("memory")
    root = "/drop-test"
    if fs.exists(root):
        fs.rm(root, recursive=True)
    fs.pipe(
        {
            f"{root}/zhuzhou/a.txt": b"report a",
            f"{root}/zhuzhou/a.txt.meta.json": json.dumps(
                {
                    "title": "松岭街道2023年度整体支出绩效自评报告",
                    "url": "https://portal.example/a.html",
                    "published_date": "2024-03-05",
                    "unit": "松岭街道办事处",
                    "publisher": "天元区财政局",
                }
            ).encode(),
            f"{root}/zhuzhou/2023/b.txt": b"report b",
            f"{root}/loose.txt": b"loose",
            f"{root}/_truth/a.json": b"{}",
            f"{root}/.hidden/c.txt": b"hidden",
            f"{root}/zhuzhou/_draft.txt": b"draft",
        }
    )
    yield f"memory://{root}"
    fs.rm(root, recursive=True)


def test_portals_come_from_sub_folders_and_hidden_entries_are_skipped(memory_drop: str) -> None:
    collected = {item.name: item for item in iter_drop_folder(memory_drop)}
    assert set(collected) == {"a.txt", "b.txt", "loose.txt"}
    assert collected["b.txt"].provenance.portal == "zhuzhou"  # nested folders keep their portal
    assert collected["loose.txt"].provenance.portal == "default"
    assert collected["b.txt"].data == b"report b"
    assert collected["b.txt"].provenance.source_uri == "memory:///drop-test/zhuzhou/2023/b.txt"


def test_sidecar_fills_the_provenance(memory_drop: str) -> None:
    item = next(item for item in iter_drop_folder(memory_drop) if item.name == "a.txt")
    seen = item.provenance
    assert (seen.listing_title, seen.source_uri) == (
        "松岭街道2023年度整体支出绩效自评报告",
        "https://portal.example/a.html",
    )
    assert (seen.published_date, seen.unit_hint, seen.publisher) == (
        date(2024, 3, 5),
        "松岭街道办事处",
        "天元区财政局",
    )
    assert seen.collected_at.utcoffset() is not None and seen.collected_at.utcoffset().total_seconds() == 0
    assert item.warnings == ()


def test_malformed_sidecar_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "r.txt").write_bytes(b"report")
    (tmp_path / "p" / "r.txt.meta.json").write_text("{not json", "utf-8")
    [item] = iter_drop_folder(str(tmp_path))
    assert item.provenance.listing_title is None
    assert len(item.warnings) == 1 and "not UTF-8 JSON" in item.warnings[0]


def test_symbolic_links_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"secret")
    drop = tmp_path / "drop"
    (drop / "p").mkdir(parents=True)
    (drop / "p" / "link.txt").symlink_to(outside)
    skipped: list[tuple[str, str]] = []
    assert list(iter_drop_folder(f"file://{drop}", skipped=skipped)) == []
    assert skipped == [(f"file://{drop}/p/link.txt", "symbolic link not followed")]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("/nonexistent/drop", id="missing local folder"),
        pytest.param("memory:///no-such-drop", id="missing memory folder"),
    ],
)
def test_missing_drop_folder_is_a_clear_error(source: str) -> None:
    with pytest.raises(DropFolderError, match=f"drop folder {source} does not exist"):
        list(iter_drop_folder(source))
