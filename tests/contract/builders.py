"""Extractions for tests: a partial report-extraction/1 dict completed into a ``ReportExtraction``.

Tests state only the facts they are about; every other key gets the contract's "not stated"
(null, or an empty list). The nested objects (``source``, ``report``, ``region``, ``amounts_wan``,
``staffing``) are merged key by key; any other key given replaces the default.
"""

from __future__ import annotations

from typing import Any

from ingestion.contract import CONTRACT, LINE_ITEMS, STAFF_CATEGORIES, ReportExtraction

_MERGED = ("source", "report", "amounts_wan", "staffing")
_INDICATOR = dict.fromkeys(("level1", "level2", "target", "actual", "weight", "score"))


def empty_extraction() -> dict[str, Any]:
    """A report-extraction/1 dict that states nothing."""
    return {
        "contract": CONTRACT,
        "source": {"path": "x.txt", "sha256": "0" * 64, "format": "txt"},
        "report": {"kind": "unknown", "title": None, "unit_name": None, "fiscal_year": None,
                   "region": dict.fromkeys(("province", "city", "district", "division_code"))},
        "amounts_wan": dict.fromkeys(LINE_ITEMS), "projects": [],
        "staffing": dict.fromkeys(STAFF_CATEGORIES), "indicators": [], "budget_execution": None,
        "self_score": None, "cost_control": [], "problems": [], "measures": [], "metrics": [],
        "evidence": {}, "warnings": [],
    }  # fmt: skip


def completed(partial: dict[str, Any]) -> dict[str, Any]:
    """``partial`` with every key it leaves out set to "not stated"."""
    extraction = empty_extraction()
    for key, value in partial.items():
        if key in _MERGED and isinstance(value, dict):
            merged = {**extraction[key], **value}
            if key == "report" and isinstance(value.get("region"), dict):
                merged["region"] = {**extraction["report"]["region"], **value["region"]}
            extraction[key] = merged
        elif key == "indicators":
            extraction[key] = [{**_INDICATOR, "name": None, **row} for row in value]
        else:
            extraction[key] = value
    return extraction


def build_extraction(partial: dict[str, Any]) -> ReportExtraction:
    """The ``ReportExtraction`` of ``partial`` completed (raises when a stated value breaks the contract)."""
    return ReportExtraction.model_validate(completed(partial))
