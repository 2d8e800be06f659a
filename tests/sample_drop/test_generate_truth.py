"""The truth JSON: valid against the contract, consistent with the text, adding up unless marked."""

from __future__ import annotations

import json
import random
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sample_drop.breakage import RULES
from sample_drop.invent import invent_facts
from sample_drop.regions import pick_regions
from sample_drop.units import invent_units
from tests.sample_drop.conftest import FOLD_DIGITS, SCHEMA, load_truths


def _sum(values: list[Any]) -> Decimal:
    return sum((Decimal(str(v)) for v in values), Decimal(0))


def violated_rules(truth: dict[str, Any]) -> set[str]:
    """The arithmetic rules a truth's own figures break, computed from the figures alone."""
    a = {k: Decimal(v) for k, v in truth["amounts_wan"].items() if v is not None}
    broken = set()
    parts = [a[k] for k in ("personnel", "public_funds", "household_subsidy", "capital") if k in a]
    if "basic" in a and "personnel" in a and sum(parts) != a["basic"]:
        broken.add("basic_parts_sum")
    if {"basic", "project", "appropriation_expenditure"} <= a.keys() and a["basic"] + a["project"] != a[
        "appropriation_expenditure"
    ]:
        broken.add("appropriation_sum")
    spent = [p["spent_wan"] for p in truth["projects"]]
    if "project" in a and spent and _sum(spent) != a["project"]:
        broken.add("projects_sum")
    execution, indicators = truth["budget_execution"], truth["indicators"]
    if execution and indicators:
        if _sum([i["score"] for i in indicators] + [execution["score"]]) != _sum([truth["self_score"]]):
            broken.add("score_total")
        if any(i["score"] > i["weight"] for i in indicators):
            broken.add("score_within_weight")
        if _sum([i["weight"] for i in indicators] + [execution["weight"]]) != 100:
            broken.add("weights_total")
        rate = Decimal(execution["executed_wan"]) * 100 / Decimal(execution["full_year_wan"])
        if abs(rate - Decimal(str(execution["rate_pct"]))) >= Decimal("0.01"):
            broken.add("execution_rate")
    return broken


@pytest.mark.parametrize(
    "drop_name", [pytest.param("full_drop", id="all formats"), pytest.param("text_drop", id="txt")]
)
def test_truths_validate_against_the_contract_schema(drop_name: str, request: pytest.FixtureRequest) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"contract schema not found at {SCHEMA} (../shared absent)")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for truth in load_truths(request.getfixturevalue(drop_name)):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(truth)]
        assert not errors, f"{truth['source']['path']}: {errors[:3]}"


@pytest.mark.parametrize(
    "drop_name", [pytest.param("full_drop", id="all formats"), pytest.param("text_drop", id="txt")]
)
def test_figures_add_up_unless_marked_broken(drop_name: str, request: pytest.FixtureRequest) -> None:
    truths = load_truths(request.getfixturevalue(drop_name))
    for truth in truths:
        assert violated_rules(truth) == set(truth["_expected_findings"]), truth["source"]["path"]
    if drop_name == "text_drop":
        assert sum(bool(t["_expected_findings"]) for t in truths) >= 10, "half the reports should be broken"


def test_every_rule_gets_broken_somewhere() -> None:
    rng = random.Random(1)
    region = pick_regions(rng, 1)[0]
    units = invent_units(rng, region, 3)
    seen: set[str] = set()
    for i in range(120):
        kind = ("overall_expenditure", "project_expenditure", "key_projects")[i % 3]
        seen.update(invent_facts(rng, kind, units[i % 3], 2022, broken_sum=True).expected_findings)
    assert seen == set(RULES)


def _txt_text(drop: Path, truth: dict[str, Any]) -> str:
    raw = (drop / truth["source"]["path"]).read_bytes()
    return raw.decode(truth["source"]["encoding"]).replace("\r\n", "\n").translate(FOLD_DIGITS)


def _stated(text: str, value: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(value)}(?![\d.]*\d)", text) is not None


def test_every_truth_figure_is_written_in_the_text(text_drop: Path) -> None:
    for truth in load_truths(text_drop, "txt"):
        text = _txt_text(text_drop, truth)
        where = truth["source"]["path"]
        for key, value in truth["amounts_wan"].items():
            if value not in (None, "0"):
                assert _stated(text, value), f"{where}: {key}={value} not in the text"
        for project in truth["projects"]:
            assert project["name"] in text and _stated(text, project["spent_wan"]), f"{where}: {project}"
        for indicator in truth["indicators"]:
            assert f"\t{indicator['name']}\n" in text, f"{where}: indicator {indicator['name']}"
        for row in truth["cost_control"]:
            assert row["item"] in text and _stated(text, row["final_wan"]), f"{where}: {row}"
        for metric in truth["metrics"]:
            assert metric["name"] in text and metric["value"] in text, f"{where}: {metric}"
        assert str(truth["report"]["fiscal_year"]) in text


def test_unit_and_region_are_stated_only_when_the_text_names_them(text_drop: Path) -> None:
    manifest_units = {}
    for truth in load_truths(text_drop, "txt"):
        text = _txt_text(text_drop, truth)
        sidecar = text_drop / (truth["source"]["path"] + ".meta.json")
        if truth["report"]["unit_name"]:
            assert truth["report"]["unit_name"] in text
        if sidecar.is_file():
            manifest_units[truth["source"]["path"]] = json.loads(sidecar.read_text(encoding="utf-8"))["unit"]
        district = truth["report"]["region"]["district"]
        if district:
            assert district in text
    assert manifest_units, "some reports should carry sidecars"
    for path, full_name in manifest_units.items():
        truth = next(t for t in load_truths(text_drop, "txt") if t["source"]["path"] == path)
        if truth["report"]["region"]["district"] is None:
            region_prefix = full_name[: full_name.index("区") + 1]
            assert region_prefix not in _txt_text(text_drop, truth), path
