"""Whether tonight's dbt build is needed, and which: full refresh, incremental, one mart, or none.

- the dbt project changed (a model, macro, seed or test), the marts are missing, or the operator
  asked: ``dbt build --full-refresh`` (docs/operations.md: rule or model changes);
- documents were loaded since the last successful build: ``dbt build`` with ``changed_since`` (the
  incremental fact marts rebuild only the reports that changed, macros/incremental_reports.sql);
- only the registry of expected documents or the date changed: ``fct_expected_document`` alone;
- nothing changed: no build at all (a quiet night).
What the build saw is recorded in ``raw.pipeline_state`` only after it succeeded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ingestion.settings import Settings
from ingestion.warehouse.connection import Warehouse, connect
from ingestion.warehouse.dbt import DBT_PROJECT_DIR
from ingestion.warehouse.pipeline_state import read_state, write_state

_PROJECT_PARTS = ("dbt_project.yml", "models", "macros", "seeds", "tests")
# Marts whose absence means the warehouse was never built (or was emptied): build it all.
_SENTINEL_MARTS = ("dim_report", "fct_expenditure", "fct_expected_document")


@dataclass(frozen=True)
class BuildPlan:
    dbt_args: list[str] | None  # None: nothing to build
    reason: str
    changes_facts: bool
    seen: dict[str, str] = field(default_factory=dict)  # recorded once the build succeeded


def project_digest() -> str:
    """sha256 over every file of the dbt project that decides what the marts hold or are tested for."""
    digest = hashlib.sha256()
    for part in _PROJECT_PARTS:
        root = DBT_PROJECT_DIR / part
        paths = [root] if root.is_file() else sorted(path for path in root.rglob("*") if path.is_file())
        for path in paths:
            digest.update(str(path.relative_to(DBT_PROJECT_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _loaded_through(warehouse: Warehouse) -> str:
    rows = warehouse.query(f"select cast(max(loaded_at) as varchar) from {warehouse.schema('raw')}.documents")
    return str(rows[0][0]) if rows and rows[0][0] is not None else ""


def _marts_exist(warehouse: Warehouse) -> bool:
    rows = warehouse.query(
        "select table_name from information_schema.tables where table_schema = ?", [warehouse.schema("marts")]
    )
    return set(_SENTINEL_MARTS) <= {name for (name,) in rows}


def plan_build(settings: Settings, *, full_refresh: bool = False) -> BuildPlan:
    """Compare what the raw layer, the project and the date are now with what the last build saw."""
    with connect(settings, read_only=True) as warehouse:
        state = read_state(warehouse)
        loaded_through = _loaded_through(warehouse)
        marts_exist = _marts_exist(warehouse)
    seen = {
        "built_through": loaded_through,
        "built_project": project_digest(),
        "built_as_of": datetime.now(UTC).date().isoformat(),
        "built_registry": state.get("registry_sha256", ""),
    }
    if full_refresh or not marts_exist or state.get("built_project") != seen["built_project"]:
        why = "asked for" if full_refresh else "no marts yet" if not marts_exist else "dbt project changed"
        return BuildPlan(["build", "--full-refresh"], f"full refresh: {why}", True, seen)
    if state.get("built_through") != loaded_through:
        variables = json.dumps({"changed_since": state.get("built_through") or None})
        return BuildPlan(["build", "--vars", variables], "incremental: documents loaded since", True, seen)
    if any(state.get(name) != seen[name] for name in ("built_registry", "built_as_of")):
        reason = "the registry of expected documents or the date changed"
        return BuildPlan(["build", "--select", "fct_expected_document"], reason, False, seen)
    return BuildPlan(None, "nothing changed since the last build", False, seen)


def record_build(settings: Settings, plan: BuildPlan, run_id: str) -> None:
    """After a successful build: what it saw, and which run last changed the marts."""
    versions = {"marts_version": run_id, **({"facts_version": run_id} if plan.changes_facts else {})}
    with connect(settings) as warehouse, warehouse.transaction():
        write_state(warehouse, {**plan.seen, **versions})
