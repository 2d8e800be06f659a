"""Indicator values some templates split over three columns: 指标性质 | 指标值 | 度量单位 (≥ | 80 | 公里).

The target is read as the report writes it together (≥80公里); a completed value that is a bare
figure takes the unit (82 -> 82公里), so target and actual compare like for like.
"""

from __future__ import annotations

import re
from typing import Any

from ingestion.parsing.tables.cells import is_blank_value

_BARE_FIGURE = re.compile(r"^-?\d+(?:\.\d+)?$")


def compose_values(values: dict[str, Any], relation: str | None, unit: str | None) -> None:
    """Put ``relation`` and ``unit`` into ``values['target']`` / ``values['actual']`` in place."""
    if relation is None and unit is None:
        return
    suffix = unit if unit and not is_blank_value(unit) else ""
    target = values.get("target")
    if target is not None:
        unit_part = "" if target.endswith(suffix) else suffix
        values["target"] = f"{relation or ''}{target}{unit_part}"
    actual = values.get("actual")
    if actual is not None and suffix and _BARE_FIGURE.match(actual):
        values["actual"] = f"{actual}{suffix}"
