"""Read and check the expected-documents registry (YAML); every mistake names its entry."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingestion.contract import PUBLISHED_KINDS
from ingestion.settings import PROJECT_ROOT

DEFAULT_PATH = PROJECT_ROOT / "config" / "expected_documents.yml"
KINDS = PUBLISHED_KINDS
_DIVISION_CODE = re.compile(r"^[0-9]{6}$")
_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")


class RegistryError(ValueError):
    """The registry file is not what docs/operations.md describes."""


@dataclass(frozen=True)
class ExpectedUnit:
    unit_name: str
    division_code: str | None
    kinds: tuple[str, ...]
    years: tuple[int, ...]


@dataclass(frozen=True)
class KindRule:
    report_kind: str
    due_month: int  # reports for fiscal year Y are due on this day of year Y + 1
    due_day: int
    is_carried_forward: bool  # published once -> expected every later year


@dataclass(frozen=True)
class Registry:
    rules: tuple[KindRule, ...]
    units: tuple[ExpectedUnit, ...] = field(default=())

    def expected_rows(self) -> list[tuple[str, str | None, str, int]]:
        """(unit_name, division_code, report_kind, fiscal_year), one per expected report."""
        return [
            (unit.unit_name, unit.division_code, kind, year)
            for unit in self.units
            for kind in unit.kinds
            for year in unit.years
        ]


def registry_path() -> Path:
    return Path(os.environ.get("BPW_EXPECTED_DOCUMENTS") or DEFAULT_PATH)


def load_registry(path: Path | None = None) -> Registry:
    """The registry at ``path`` (default: ``$BPW_EXPECTED_DOCUMENTS`` or config/...); a missing
    file means no listed units, every kind due on 30 September and none carried forward."""
    path = path or registry_path()
    document: dict[str, Any] = {}
    if path.exists():
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise RegistryError(f"{path}: expected a mapping with due, carry_forward_kinds and units")
        document = loaded
    try:
        return Registry(
            rules=_rules(document), units=tuple(_unit(entry) for entry in document.get("units") or [])
        )
    except RegistryError as error:
        raise RegistryError(f"{path}: {error}") from None


def _rules(document: dict[str, Any]) -> tuple[KindRule, ...]:
    due = {"default": "09-30", **(document.get("due") or {})}
    carried = set(document.get("carry_forward_kinds") or [])
    unknown = (set(due) - {"default"} | carried) - set(KINDS)
    if unknown:
        raise RegistryError(f"unknown report kinds {sorted(unknown)}; known: {', '.join(KINDS)}")
    rules = []
    for kind in KINDS:
        month_day = str(due.get(kind, due["default"]))
        if not _MONTH_DAY.match(month_day):
            raise RegistryError(f"due date of {kind}: {month_day!r} is not MM-DD")
        month, day = (int(part) for part in month_day.split("-"))
        rules.append(KindRule(kind, month, day, kind in carried))
    return tuple(rules)


def _unit(entry: Any) -> ExpectedUnit:
    if not isinstance(entry, dict) or not entry.get("unit_name"):
        raise RegistryError(f"unit entry {entry!r} has no unit_name")
    name = str(entry["unit_name"])
    code = entry.get("division_code")
    code = None if code is None else str(code)
    if code is not None and not _DIVISION_CODE.match(code):
        raise RegistryError(f"{name}: division_code {code!r} is not six digits (GB/T 2260)")
    kinds = tuple(entry.get("kinds") or ())
    if not kinds or set(kinds) - set(KINDS):
        raise RegistryError(f"{name}: kinds {list(kinds)} must be a non-empty list of {', '.join(KINDS)}")
    return ExpectedUnit(name, code, kinds, _years(name, entry.get("years")))


def _years(name: str, value: Any) -> tuple[int, ...]:
    """``2021``, ``"2019-2024"`` or ``[2021, 2023]``."""
    items = value if isinstance(value, list) else [value]
    years: set[int] = set()
    for item in items:
        first, _, last = str(item).partition("-")
        if not first.strip().isdigit() or (last and not last.strip().isdigit()):
            raise RegistryError(f"{name}: years {value!r}: use 2021, 2019-2024 or a list of years")
        years.update(range(int(first), int(last or first) + 1))
    if not years:
        raise RegistryError(f"{name}: years {value!r} is an empty range")
    return tuple(sorted(years))
