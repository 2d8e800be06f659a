"""What Great Expectations is asked to check, as plain data (no GX import needed to build it).

A ``FrameCheck`` is one frame with its expectations; each ``ExpectationSpec`` names the rule it
enforces and the subject (mart and column) so a failure can be turned into findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class ExpectationSpec:
    rule_id: str
    subject: str
    # A class name of ``great_expectations.expectations``, e.g. "ExpectColumnValuesToBeBetween".
    expectation_type: str
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FrameCheck:
    name: str
    frame: pd.DataFrame
    expectations: tuple[ExpectationSpec, ...]
    index_columns: tuple[str, ...] = ("report_id",)


@dataclass(frozen=True)
class ExpectationOutcome:
    """GX's verdict on one expectation; failing_rows hold the index columns of each failing row."""

    spec: ExpectationSpec
    success: bool
    failing_rows: tuple[dict[str, Any], ...]
