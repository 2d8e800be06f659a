"""No planted personal data anywhere BI can look: marts, raw tables, published files, Data Docs.

The generator plants invented names, phone numbers, ID numbers and e-mail addresses in every
report layout and lists them in its truth. The seeds' 填表人, signatures, phones and petitioners
are found in the seed text here, at test time, with this test's own patterns (never copied into
the repository), and must not reach any mart either.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from drop_truth import SEEDS, manifest, truth
from text_columns import published_texts

from ingestion.settings import Settings

pytestmark = pytest.mark.slow
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _leaks(pieces: set[str], texts: list[str]) -> list[tuple[str, str]]:
    return [(piece, text[:160]) for text in texts for piece in pieces if piece in text]


def test_no_planted_personal_data_reaches_bi(generated_run: tuple[Path, Settings]) -> None:
    drop, settings = generated_run
    planted = {piece for doc in manifest(drop)["documents"] for piece in truth(drop, doc)["_personal_data"]}
    assert len(planted) > 100, "every report plants its personal data"
    pieces = planted | {piece.translate(_FULL_WIDTH) for piece in planted}
    texts = list(published_texts(settings))
    assert any("＊" in text for text in texts), "masked placeholders are what BI sees instead"
    assert _leaks(pieces, texts) == []


def _seed_personal_data() -> set[str]:
    """What the seeds say about private persons, read with patterns of this test's own."""
    found: set[str] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        found |= set(re.findall(r"(?:填表人|签字)[:：]\s*([\u4e00-\u9fff]{2,3}?)(?=\s|填|联|$)", text))
        found |= set(re.findall(r"(?:电话|手机)[:：]?\s*(\d{7,12})", text))
        for listed in re.findall(r"((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3})等信访", text):
            found |= {name[-3:] if len(name) > 3 else name for name in listed.split("、")}
        found |= set(re.findall(r"的([\u4e00-\u9fff]{3})信访积案", text))
    return found


def test_the_seeds_personal_data_is_absent_from_every_mart(seeds_run: Settings) -> None:
    pieces = _seed_personal_data()
    assert len(pieces) >= 6, f"the seeds name form fillers, phones and petitioners: {len(pieces)} found"
    assert _leaks(pieces, list(published_texts(seeds_run))) == []
