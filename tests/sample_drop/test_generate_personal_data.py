"""The generator plants invented personal data in every report layout and lists it in the truth."""

from __future__ import annotations

import random
from pathlib import Path

from ingestion.documents.read import read_path
from sample_drop.personal import MASK, id_number, invent_personal_data, masked
from tests.sample_drop.conftest import FOLD_DIGITS, load_manifest, load_truths


def test_every_report_in_every_format_carries_its_planted_personal_data(full_drop: Path) -> None:
    documents = load_manifest(full_drop)["documents"]
    truths = load_truths(full_drop)
    planted_formats = set()
    for document, truth in zip(documents, truths, strict=True):
        pieces = truth["_personal_data"]
        if document["format"] == "xlsx":
            assert pieces == [], "an attachment's table names nobody"
            continue
        planted_formats.add(document["format"])
        text = read_path(full_drop / document["file"]).text.translate(FOLD_DIGITS)
        assert len(pieces) >= 7, document["file"]
        assert all(piece in text for piece in pieces), document["file"]
        stated = " ".join(truth["problems"] + truth["measures"])
        assert not any(piece in stated for piece in pieces), "the truth holds texts as masked"
    assert planted_formats == {"txt", "docx", "pdf", "html"}


def test_planted_pieces_cover_each_kind_of_personal_data() -> None:
    personal = invent_personal_data(random.Random(3), "430203")
    assert "经办人：" in personal.clerk_clause and "手机" in personal.clerk_clause
    assert "@" in personal.footer_email
    assert any(name in personal.petition_sentence for name in personal.pieces)


def test_id_numbers_carry_a_valid_check_character() -> None:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    for seed in range(20):
        card = id_number(random.Random(seed), "430203")
        total = sum(int(d) * w for d, w in zip(card[:17], weights, strict=True))
        assert card[17] == "10X98765432"[total % 11] and card.startswith("430203")


def test_masking_in_the_truth_keeps_the_length() -> None:
    assert masked("经办人：张建华，手机13912345678", ["张建华", "13912345678"]) == (
        f"经办人：{MASK * 3}，手机{MASK * 11}"
    )
