"""All steps in order in one process, the way ``python -m ingestion run --drop DIR`` runs them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ingestion.pipeline import steps
from ingestion.pipeline.records import new_run_id
from ingestion.pipeline.run_lock import RunLockHeld
from ingestion.pipeline.step_lock import take_for_run
from ingestion.settings import Settings


def run_pipeline(
    settings: Settings,
    drop: str | None,
    *,
    run_id: str | None = None,
    fiscal_years: int | str | Sequence[int | str] | None = None,
    reparse: bool = False,
    full_refresh: bool = False,
    echo: bool = True,
) -> dict[str, Any]:
    """Run every step, stop at the first failure, and write the summary either way.

    ``drop=None`` collects nothing (reprocessing the archive); ``reparse`` parses every landed
    document again; ``full_refresh`` rebuilds every mart and revalidates every report. A failing
    step's error propagates after the summary has been written.
    ``RunLockHeld`` when another run holds this home's run lock (after the wait): nothing ran,
    and the summary says which run holds it.
    """
    run_id = run_id or new_run_id()
    try:
        # Before anything is collected; held for this one process, released by the summary.
        take_for_run(settings, run_id, "collect" if drop is not None else "parse", spans_processes=False)
    except RunLockHeld:
        # Written, not printed: the caller says it in one line.
        steps.summarize(settings, run_id, echo=False, require_published=False)
        raise
    try:
        if drop is not None:
            steps.collect(settings, run_id, drop)
        steps.parse(settings, run_id, force=reparse)
        steps.load_staging(settings, run_id, fiscal_years)
        steps.build_models(settings, run_id, full_refresh=full_refresh)
        steps.validate(settings, run_id)
        steps.publish(settings, run_id)
    except Exception:
        # The summary says which step stopped the run; the step's own error then goes on up.
        steps.summarize(settings, run_id, echo=echo, require_published=False)
        raise
    return steps.summarize(settings, run_id, echo=echo)
