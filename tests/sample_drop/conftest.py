"""Drops generated once per test session and shared by the generator's tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sample_drop.drop import DropOptions, write_drop

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SCHEMA = SHARED / "contract" / "report-extraction.schema.json"


@pytest.fixture(scope="session")
def full_drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format of a few reports, with attachments, broken files, a duplicate, a republication."""
    out = tmp_path_factory.mktemp("full-drop")
    write_drop(
        DropOptions(
            out=out,
            reports=6,
            years=[2021, 2022, 2023],
            formats=["txt", "docx", "pdf", "html", "xlsx"],
            seed=11,
            broken=10,
            every_format=True,
            oversize_bytes=4096,
            progress_every=0,
        )
    )
    return out


@pytest.fixture(scope="session")
def text_drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Many txt reports, half of them not adding up on purpose: cheap breadth."""
    out = tmp_path_factory.mktemp("text-drop")
    write_drop(
        DropOptions(
            out=out,
            reports=60,
            years=list(range(2019, 2025)),
            formats=["txt"],
            seed=5,
            broken_sum_share=0.5,
            progress_every=0,
        )
    )
    return out


# Some generated reports are typed with full-width digits; compare texts with them folded.
FOLD_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def load_manifest(drop: Path) -> dict[str, Any]:
    return json.loads((drop / "_truth" / "manifest.json").read_text(encoding="utf-8"))


def load_truths(drop: Path, fmt: str | None = None) -> list[dict[str, Any]]:
    """Truths of the manifest's documents, optionally of one format."""
    documents = load_manifest(drop)["documents"]
    return [
        json.loads((drop / d["truth"]).read_text(encoding="utf-8"))
        for d in documents
        if fmt is None or d["format"] == fmt
    ]
