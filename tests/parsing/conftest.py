"""Helpers for parsing tests: build a Document from plain text the way the txt reader does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ingestion.documents.model import Document, DocumentBuilder
from ingestion.documents.plaintext import add_plain_text
from ingestion.documents.read import read_document
from ingestion.parsing import extract_report

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "seeds"
CONTRACT = SHARED / "contract"


def document_of(text: str) -> Document:
    builder = DocumentBuilder("txt", encoding="utf-8")
    add_plain_text(builder, text)
    return builder.build()


def extraction_of(text: str) -> dict[str, Any]:
    """The report-extraction JSON of ``text`` read as a .txt file, as ``ingestion parse`` gives it."""
    document = read_document(text.encode("utf-8"), "x.txt")
    return extract_report(document, path="x.txt", sha256="0" * 64).as_json()


@pytest.fixture
def make_document() -> Callable[[str], Document]:
    return document_of


@pytest.fixture
def shared_contract() -> Path:
    if not (CONTRACT / "score.py").exists() or not SEEDS.is_dir():
        pytest.skip(f"the shared contract and seeds are not at {SHARED.resolve()} (../shared of the repo)")
    return CONTRACT
