"""The rule catalogue: complete, consistent with the code, and rendered into docs/validation.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from expectations.arithmetic import ARITHMETIC_RULES
from expectations.catalogue import render_catalogue
from expectations.rules import _rule_from_entry, load_rules, rules_for

DOCS = Path(__file__).resolve().parents[2] / "docs" / "validation.md"


def test_every_warning_rule_has_its_arithmetic_and_no_arithmetic_lacks_a_rule() -> None:
    assert {rule.id for rule in rules_for("marts", "warning")} == set(ARITHMETIC_RULES)
    assert {rule.id for rule in rules_for("staging")} == set(ARITHMETIC_RULES)


def test_blocking_rules_guard_the_marts_only() -> None:
    blocking = rules_for("marts", "blocking")
    assert {rule.id for rule in blocking} == {
        "amount_yuan_precision",
        "amount_yuan_range",
        "fiscal_year_range",
    }
    assert not rules_for("staging", "blocking")


def test_the_docs_show_the_catalogue_as_it_is() -> None:
    assert render_catalogue() in DOCS.read_text(encoding="utf-8"), "run: python -m expectations.catalogue"


def test_every_rule_says_what_a_failure_means() -> None:
    assert all(rule.checks and rule.failing_row_means and rule.unit for rule in load_rules().values())


VALID = {
    "id": "r",
    "severity": "warning",
    "boundary": ["marts"],
    "unit": "万元",
    "checks": "c",
    "failing_row_means": "m",
    "compare": "equal",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"severity": "fatal"}, "severity", id="unknown severity"),
        pytest.param({"boundary": ["publish"]}, "boundary", id="unknown boundary"),
        pytest.param({"compare": None}, "compare", id="warning rule without comparison"),
        pytest.param({"checks": None}, "lacks", id="missing description"),
    ],
)
def test_a_malformed_rule_is_refused_with_its_id(change: dict[str, Any], message: str) -> None:
    entry = {key: value for key, value in {**VALID, **change}.items() if value is not None}
    with pytest.raises(ValueError, match=message):
        _rule_from_entry(entry)
