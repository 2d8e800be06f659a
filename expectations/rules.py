"""The rule catalogue (``rules.yml``) as typed records, so code refers to rules by id only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RULES_PATH = Path(__file__).with_name("rules.yml")
SEVERITIES = ("blocking", "warning")
BOUNDARIES = ("staging", "marts")
COMPARISONS = ("equal", "at_most")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    boundaries: tuple[str, ...]
    unit: str
    checks: str
    failing_row_means: str
    compare: str | None = None
    tolerance: Decimal = Decimal(0)
    params: tuple[tuple[str, Any], ...] = ()

    def param(self, name: str) -> Any:
        return dict(self.params)[name]

    def within_tolerance(self, difference: Decimal) -> bool:
        """Whether a report's difference (stated - expected) passes this arithmetic rule."""
        if self.compare == "at_most":
            return difference <= self.tolerance
        return abs(difference) <= self.tolerance


_KNOWN_KEYS = {"id", "severity", "boundary", "unit", "checks", "failing_row_means", "compare", "tolerance"}


def _rule_from_entry(entry: dict[str, Any]) -> Rule:
    rule_id = entry.get("id", "<no id>")
    missing = {"id", "severity", "boundary", "unit", "checks", "failing_row_means"} - entry.keys()
    if missing:
        raise ValueError(f"rule {rule_id} in {RULES_PATH.name} lacks {sorted(missing)}")
    if entry["severity"] not in SEVERITIES:
        raise ValueError(f"rule {rule_id}: severity {entry['severity']!r} is not one of {SEVERITIES}")
    boundaries = tuple(entry["boundary"])
    if not set(boundaries) <= set(BOUNDARIES):
        raise ValueError(f"rule {rule_id}: boundary {boundaries} is not within {BOUNDARIES}")
    compare = entry.get("compare")
    if entry["severity"] == "warning" and compare not in COMPARISONS:
        raise ValueError(f"warning rule {rule_id}: compare {compare!r} is not one of {COMPARISONS}")
    return Rule(
        id=rule_id,
        severity=entry["severity"],
        boundaries=boundaries,
        unit=entry["unit"],
        checks=" ".join(str(entry["checks"]).split()),
        failing_row_means=" ".join(str(entry["failing_row_means"]).split()),
        compare=compare,
        tolerance=Decimal(str(entry.get("tolerance", "0"))),
        params=tuple(sorted((k, v) for k, v in entry.items() if k not in _KNOWN_KEYS)),
    )


@cache
def load_rules() -> dict[str, Rule]:
    """All rules by id, in catalogue order."""
    entries = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))["rules"]
    rules = [_rule_from_entry(entry) for entry in entries]
    ids = [rule.id for rule in rules]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{RULES_PATH.name} repeats a rule id: {ids}")
    return {rule.id: rule for rule in rules}


def rules_for(boundary: str, severity: str | None = None) -> list[Rule]:
    return [
        rule
        for rule in load_rules().values()
        if boundary in rule.boundaries and (severity is None or rule.severity == severity)
    ]
