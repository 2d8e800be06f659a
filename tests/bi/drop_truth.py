"""Where the BI tests' inputs are: the seeds, and the truth a generated drop writes beside itself.

A module of its own, not the conftest: test modules importing ``conftest`` by name get whichever
folder's conftest pytest loaded last when several folders run together.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def manifest(drop: Path) -> dict[str, Any]:
    return json.loads((drop / "_truth" / "manifest.json").read_text(encoding="utf-8"))


def truth(drop: Path, document: dict[str, Any]) -> dict[str, Any]:
    return json.loads((drop / document["truth"]).read_text(encoding="utf-8"))
