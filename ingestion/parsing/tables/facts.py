"""What the table extractors hand to the report parser: values, their evidence, and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypedDict


class Evidence(TypedDict):
    """Where a value came from: the cell's text and its offsets in ``Document.text``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Record:
    """One extracted item (an indicator, a project, a cost row ...) with evidence per field."""

    values: dict[str, Any]
    evidence: dict[str, Evidence] = field(default_factory=dict)


@dataclass(slots=True)
class TableFacts:
    """Everything found in a document's tables; ``evidence`` is keyed by JSON pointer into the contract."""

    indicators: list[dict[str, Any]] = field(default_factory=list)
    budget_execution: dict[str, Any] | None = None
    self_score: int | float | None = None
    cost_control: list[dict[str, Any]] = field(default_factory=list)
    projects: list[dict[str, Any]] = field(default_factory=list)
    amounts: dict[str, str] = field(default_factory=dict)
    staffing: dict[str, int] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def append(self, section: str, record: Record) -> None:
        """Add ``record`` to the list ``section`` (indicators, cost_control, projects) with its evidence."""
        items: list[dict[str, Any]] = getattr(self, section)
        pointer = f"/{section}/{len(items)}"
        items.append(record.values)
        for name, cite in record.evidence.items():
            self.evidence[f"{pointer}/{name}"] = cite

    def set_amount(self, key: str, value: str, cite: Evidence, where: str) -> None:
        """State ``amounts_wan[key]``; the first statement wins and a different later one is a warning."""
        known = self.amounts.get(key)
        if known is None:
            self.amounts[key] = value
            self.evidence[f"/amounts_wan/{key}"] = cite
        elif Decimal(known) != Decimal(value):
            self.warnings.append(f"amounts_wan.{key}: {where} states {value}, kept the earlier {known}")

    def set_staffing(self, key: str, value: int, cite: Evidence) -> None:
        if key not in self.staffing:
            self.staffing[key] = value
            self.evidence[f"/staffing/{key}"] = cite
