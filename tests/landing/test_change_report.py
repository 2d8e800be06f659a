"""Fact-level differences between two extractions, as JSON pointers."""

from __future__ import annotations

import pytest

from ingestion.landing.change_report import fact_changes, flatten


@pytest.mark.parametrize(
    ("value", "leaves"),
    [
        pytest.param({"a": {"b": 1}, "c": [{"d": None}]}, {"/a/b": 1, "/c/0/d": None}, id="nested"),
        pytest.param({"a/b": 1, "t~": 2}, {"/a~1b": 1, "/t~0": 2}, id="escaped keys"),
        pytest.param({"projects": []}, {"/projects": []}, id="empty list is a leaf"),
    ],
)
def test_flatten(value: dict, leaves: dict) -> None:
    assert flatten(value) == leaves


def test_list_items_shift_as_changes_and_evidence_is_ignored() -> None:
    before = {"projects": [{"name": "甲"}], "warnings": ["w"], "evidence": {"/x": "old"}}
    after = {"projects": [{"name": "乙"}, {"name": "甲"}], "warnings": [], "evidence": {}}
    assert fact_changes(before, after) == {
        "added": {"/projects/1/name": "甲"},
        "changed": {"/projects/0/name": ["甲", "乙"]},
        "removed": {},
    }
