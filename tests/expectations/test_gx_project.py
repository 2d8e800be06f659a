"""GxProject: a check GX cannot evaluate is an error, never a silent pass."""

from __future__ import annotations

import pandas as pd
import pytest

from expectations.frame_checks import ExpectationSpec, FrameCheck
from expectations.gx_project import GxProject
from ingestion.settings import Settings

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("column", "failing"),
    [
        pytest.param("difference", [{"report_id": "b"}], id="a failing row is named"),
        pytest.param("no_such_column", None, id="an expectation on a missing column raises"),
    ],
)
def test_validate_names_failures_or_raises(settings: Settings, column: str, failing: list | None) -> None:
    frame = pd.DataFrame({"report_id": ["a", "b"], "difference": pd.array([0, 7], dtype="Int64")})
    spec = ExpectationSpec(
        "r", "subject", "ExpectColumnValuesToBeBetween", {"column": column, "max_value": 0}
    )
    project = GxProject(settings.validation_dir)
    if failing is None:
        with pytest.raises(RuntimeError, match="no_such_column"):
            project.validate(FrameCheck("t", frame, (spec,)), "run")
    else:
        [outcome] = project.validate(FrameCheck("t", frame, (spec,)), "run")
        assert (outcome.success, list(outcome.failing_rows)) == (False, failing)
