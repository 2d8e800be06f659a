"""The contract's gold extractions of the five seed reports (../shared/contract/gold), read once here.

Tests that run the real seeds take the facts they expect from these files instead of restating them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLD_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "contract" / "gold"


def gold_files() -> list[Path]:
    """The gold files in seed order; the test is skipped when ../shared is absent or incomplete."""
    files = sorted(GOLD_DIR.glob("*.json")) if GOLD_DIR.is_dir() else []
    if len(files) < 5:
        pytest.skip(
            f"expected the five seed gold files in {GOLD_DIR}, found {len(files)} (../shared absent?)"
        )
    return files


def gold_extractions() -> dict[str, dict[str, Any]]:
    """Seed number ("000" …) -> its gold extraction."""
    return {path.name[:3]: json.loads(path.read_text(encoding="utf-8")) for path in gold_files()}


def gold_extraction(seed: str) -> dict[str, Any]:
    """The gold extraction of one seed ("000" …)."""
    return gold_extractions()[seed]
