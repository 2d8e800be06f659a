"""``anchored_finditer``/``anchored_search`` find exactly what ``finditer``/``search`` find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingestion.parsing.scan import Anchor, anchored_finditer, anchored_search

# The shapes the parsers scan with: a lookbehind first, a lazy run before the literal, a year.
SHORT_UNIT = re.compile(r"(?<![本全各该我此两每])(?P<name>[\u4e00-\u9fff]{2,4})(?P<kind>街道|镇)")
SHORT_UNIT_ANCHORS: tuple[Anchor, ...] = (("街道", 2, 4), ("镇", 2, 4))
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(度)?")
YEAR_ANCHORS: tuple[Anchor, ...] = (("19", 0, 0), ("20", 0, 0))


def spans(matches: object) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("pattern", "anchors", "text"),
    [
        pytest.param(
            SHORT_UNIT, SHORT_UNIT_ANCHORS, "青枫岭街道办事处在青枫岭街道开展", id="a name named twice"
        ),
        pytest.param(SHORT_UNIT, SHORT_UNIT_ANCHORS, "本街道和各街道", id="lookbehind refuses 本 and 各"),
        pytest.param(SHORT_UNIT, SHORT_UNIT_ANCHORS, "太平镇镇长前山镇街道", id="overlapping candidates"),
        pytest.param(SHORT_UNIT, SHORT_UNIT_ANCHORS, "镇街道", id="literal at the very start"),
        pytest.param(YEAR, YEAR_ANCHORS, "2019年 2020 年度 120201年 1920年", id="years, one inside a number"),
        pytest.param(YEAR, YEAR_ANCHORS, "", id="empty text"),
    ],
)
def test_same_matches_as_finditer(pattern: re.Pattern[str], anchors: tuple[Anchor, ...], text: str) -> None:
    assert spans(anchored_finditer(pattern, text, anchors)) == spans(pattern.finditer(text))


def test_search_is_the_first_match() -> None:
    found = anchored_search(YEAR, "截至2023年12月，2024年度", YEAR_ANCHORS)
    assert found is not None and found.group(1) == "2023"
    assert anchored_search(YEAR, "没有年份", YEAR_ANCHORS) is None


@given(st.text(alphabet="本各太平前山镇街道办0129 年度x", max_size=40))
def test_random_text_agrees_with_finditer(text: str) -> None:
    for pattern, anchors in ((SHORT_UNIT, SHORT_UNIT_ANCHORS), (YEAR, YEAR_ANCHORS)):
        assert spans(anchored_finditer(pattern, text, anchors)) == spans(pattern.finditer(text))
