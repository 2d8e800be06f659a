"""The seam to the table extractors (``ingestion.parsing.tables``, written separately).

When that package is present, its ``extract_tables(document) -> TableFacts`` is called; when
it is not (yet), the prose extractors run alone and a ``TableFacts`` with nothing in it stands in.
The check looks for the package's files, so an ImportError *inside* it is never swallowed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import Any

from ingestion.documents.model import Document


@dataclass
class EmptyTableFacts:
    indicators: list[dict[str, Any]] = field(default_factory=list)
    budget_execution: dict[str, Any] | None = None
    self_score: int | float | None = None
    cost_control: list[dict[str, Any]] = field(default_factory=list)
    projects: list[dict[str, Any]] = field(default_factory=list)
    amounts: dict[str, str] = field(default_factory=dict)
    staffing: dict[str, int] = field(default_factory=dict)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def table_facts(document: Document) -> Any:
    """``TableFacts`` from the table extractors, or an empty stand-in when they are absent."""
    if find_spec("ingestion.parsing.tables") is None:
        return EmptyTableFacts()
    module = importlib.import_module("ingestion.parsing.tables")
    extract = getattr(module, "extract_tables", None)
    if extract is None:
        return EmptyTableFacts(
            warnings=["tables: ingestion.parsing.tables has no extract_tables; tables skipped"]
        )
    return extract(document)
