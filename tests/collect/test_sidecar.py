"""Sidecar validation: bad fields are dropped with a warning, good ones kept."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ingestion.collect.sidecar import parse_sidecar


def test_valid_sidecar_is_taken_whole() -> None:
    sidecar = parse_sidecar(
        json.dumps({"title": " 报告 ", "published_date": "2024-01-31"}).encode(), "x.meta.json"
    )
    assert (sidecar.title, sidecar.published_date, sidecar.warnings) == ("报告", date(2024, 1, 31), ())


@pytest.mark.parametrize(
    ("content", "kept", "warning"),
    [
        pytest.param({"published_date": "2024-02-30"}, {}, "not a YYYY-MM-DD date", id="impossible date"),
        pytest.param({"published_date": "20240105"}, {}, "not a YYYY-MM-DD date", id="compact date"),
        pytest.param(
            {"url": "javascript:alert(1)", "unit": "某单位"},
            {"unit": "某单位"},
            "not an http(s) URL",
            id="non-http url",
        ),
        pytest.param({"title": 42}, {}, "is int, not a string", id="number as title"),
        pytest.param({"titel": "x", "unit": "u"}, {"unit": "u"}, "unknown key 'titel'", id="misspelt key"),
    ],
)
def test_bad_fields_are_dropped_with_a_warning(content: dict, kept: dict, warning: str) -> None:
    sidecar = parse_sidecar(json.dumps(content).encode(), "x.meta.json")
    assert {key: getattr(sidecar, key) for key in kept} == kept
    assert sidecar.published_date is None and sidecar.url is None and sidecar.title is None
    assert len(sidecar.warnings) == 1 and warning in sidecar.warnings[0]


@pytest.mark.parametrize(
    ("raw", "warning"),
    [
        pytest.param(b"[1, 2]", "not a JSON object", id="a list"),
        pytest.param(b"\xff\xfe{", "not UTF-8 JSON", id="not utf-8"),
        pytest.param(b" " * (64 * 1024 + 1), "over 65536 bytes", id="too large"),
    ],
)
def test_unusable_sidecar_is_ignored_with_a_warning(raw: bytes, warning: str) -> None:
    sidecar = parse_sidecar(raw, "x.meta.json")
    assert sidecar.title is None and len(sidecar.warnings) == 1 and warning in sidecar.warnings[0]
