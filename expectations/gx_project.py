"""The file-mode Great Expectations project under ``validation_dir``: suites, runs, Data Docs.

GX is imported inside the methods: importing it costs seconds, and nothing that a DAG file or the
``parse`` command imports may pay for it. Rerunning is idempotent: the data source, its one
dataframe asset, the suites and the validation definitions are updated in place, and results of
an earlier attempt with the same run_id are removed before the new ones are stored.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from expectations.frame_checks import ExpectationOutcome, FrameCheck

log = logging.getLogger(__name__)

DATA_SOURCE = "warehouse"
FRAME_ASSET = "frame"
BATCH_DEFINITION = "whole_frame"


def _plain_value(value: Any) -> Any:
    """GX reports numpy scalars and NaN for NULL; findings want plain Python values and None."""
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _exception_messages(exception_info: dict[str, Any] | None) -> list[str]:
    """GX puts one exception at the top level, or one per failed metric keyed by metric id."""
    info = exception_info or {}
    entries = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    return [str(entry.get("exception_message")) for entry in entries if entry.get("raised_exception")]


def _outcome(check: FrameCheck, result: Any) -> ExpectationOutcome:
    spec = check.expectations[result.expectation_config.meta["spec"]]
    # An expectation that could not run is a broken check, never a pass: say which and why.
    errors = _exception_messages(result.exception_info)
    if errors:
        raise RuntimeError(f"GX could not evaluate {spec.expectation_type} on {spec.subject}: {errors[0]}")
    rows = tuple(
        {column: _plain_value(row.get(column)) for column in check.index_columns}
        for row in result.result.get("unexpected_index_list") or []
    )
    if not result.success and not rows:
        raise RuntimeError(f"{spec.expectation_type} on {spec.subject} failed without naming a row")
    return ExpectationOutcome(spec=spec, success=bool(result.success), failing_rows=rows)


class GxProject:
    def __init__(self, validation_dir: Path) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        validation_dir.mkdir(parents=True, exist_ok=True)
        self._gx = gx
        self.context: Any = gx.get_context(mode="file", project_root_dir=str(validation_dir))
        # Progress bars would flood the Airflow task log with one line per metric.
        if self.context.variables.progress_bars is None:
            self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
            self.context.variables.save()
        self._source = self.context.data_sources.add_or_update_pandas(name=DATA_SOURCE)
        self._batch_definition = self._frame_batch_definition()

    def forget_run(self, run_id: str) -> None:
        """Drop stored results of an earlier attempt of this run, so a rerun replaces them."""
        store = self.context.validation_results_store
        for key in store.list_keys():
            if key.run_id.run_name == run_id:
                store.remove_key(key)

    def _frame_batch_definition(self) -> Any:
        # One asset serves every frame: the frame itself arrives with each run's batch parameters.
        try:
            asset = self._source.get_asset(FRAME_ASSET)
        except LookupError:
            asset = self._source.add_dataframe_asset(name=FRAME_ASSET)
        try:
            return asset.get_batch_definition(BATCH_DEFINITION)
        except KeyError:
            return asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)

    def _suite(self, check: FrameCheck) -> Any:
        import great_expectations.expectations as gxe

        expectations = [
            getattr(gxe, spec.expectation_type)(
                **spec.kwargs, meta={"rule_id": spec.rule_id, "subject": spec.subject, "spec": position}
            )
            for position, spec in enumerate(check.expectations)
        ]
        suite = self._gx.ExpectationSuite(name=check.name, expectations=expectations)
        return self.context.suites.add_or_update(suite)

    def validate(self, check: FrameCheck, run_id: str) -> list[ExpectationOutcome]:
        """Run one frame's suite and store the result; every failing row is named by its index columns.

        A ValidationDefinition per frame, run directly: a Checkpoint takes one set of batch
        parameters for all its definitions, and each frame here is a different dataframe.
        """
        gx = self._gx
        definition = self.context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=check.name, data=self._batch_definition, suite=self._suite(check))
        )
        result = definition.run(
            batch_parameters={"dataframe": check.frame},
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": list(check.index_columns),
            },
            run_id=gx.core.run_identifier.RunIdentifier(run_name=run_id, run_time=datetime.now(UTC)),
        )
        return [_outcome(check, expectation_result) for expectation_result in result.results]

    def build_docs(self) -> Path:
        """Rebuild the local Data Docs site, readable offline, and return its index.html."""
        from ingestion.docs.offline import localize_site

        self.context.build_data_docs()
        urls = self.context.get_docs_sites_urls()
        index = Path(urls[0]["site_url"].removeprefix("file://"))
        for remote in localize_site(index.parent):
            log.warning("Data Docs page still loads from the network: %s", remote)
        return index
