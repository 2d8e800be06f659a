"""Small documents built in memory, and the seed reports when ../shared is present."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ingestion.documents.model import Document, DocumentBuilder

SEEDS = Path(__file__).resolve().parents[3] / "../shared/seeds"

Block = str | list[list[str]]


def make_document(*blocks: Block) -> Document:
    """A document of paragraphs (str) and tables (rows of cell texts), in order."""
    builder = DocumentBuilder("txt")
    for block in blocks:
        if isinstance(block, str):
            builder.add_paragraph(block)
        else:
            builder.add_table(block)
    return builder.build()


_WAN = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def as_decimals(value: Any) -> Any:
    """Money strings as Decimal, so "1.5000" equals "1.5" (amounts compare as exact decimals)."""
    if isinstance(value, dict):
        return {key: as_decimals(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_decimals(item) for item in value]
    if isinstance(value, str) and _WAN.match(value):
        return Decimal(value)
    return value


def seed_path(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (needs the shared folder beside the repo)")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"no seed {prefix}_*.txt in {SEEDS}")
    return matches[0]
