"""The subset font the generator embeds is the same bytes whenever it is made, so a seed's PDFs are."""

from __future__ import annotations

from pathlib import Path

import pytest

from sample_drop.pdf_font import subset_font


def test_the_subset_font_does_not_depend_on_when_it_was_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = []
    # fontTools takes "now" from SOURCE_DATE_EPOCH when set: two fonts made a day apart.
    for day, epoch in enumerate(("1700000000", "1700086400")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        made.append(subset_font("预算执行率", tmp_path / str(day)).read_bytes())
    assert made[0] == made[1]
