"""Helpers for parsing tests: build a Document from plain text the way the txt reader does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingestion.documents.model import Document, DocumentBuilder
from ingestion.documents.plaintext import add_plain_text

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "seeds"
CONTRACT = SHARED / "contract"


def document_of(text: str) -> Document:
    builder = DocumentBuilder("txt", encoding="utf-8")
    add_plain_text(builder, text)
    return builder.build()


@pytest.fixture
def make_document() -> Callable[[str], Document]:
    return document_of


@pytest.fixture
def shared_contract() -> Path:
    if not (CONTRACT / "score.py").exists() or not SEEDS.is_dir():
        pytest.skip(f"the shared contract and seeds are not at {SHARED.resolve()} (../shared of the repo)")
    return CONTRACT
