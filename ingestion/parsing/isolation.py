"""The isolation boundary inside the parser: one fact family failing never loses the report.

Every extractor (report metadata, amounts, projects, staffing, scores, tables, ...) runs through
``isolated``. An unexpected exception in one of them becomes a warning that names the extractor
and the exception, its facts are left empty (the fallback), the evidence it had begun to cite is
withdrawn, and every other extractor still runs. ``DocumentRejected`` is not a failure: it is
the parser's verdict on the whole document and passes through. This is the parser's only broad
``except``; the pipeline isolates whole documents from each other (issue 8), this isolates fact
families within one document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ingestion import errors
from ingestion.parsing.evidence import Evidence

T = TypeVar("T")


def isolated(
    name: str, extract: Callable[[], T], fallback: T, warnings: list[str], evidence: Evidence | None = None
) -> T:
    """``extract()``, or ``fallback`` with a warning naming ``name`` when it raises."""
    cited = set(evidence) if evidence is not None else set()
    try:
        return extract()
    except errors.DocumentRejected:
        raise
    except Exception as exc:  # the documented isolation boundary (module docstring)
        if evidence is not None:
            for pointer in set(evidence) - cited:
                del evidence[pointer]
        warnings.append(f"{name}: extractor failed ({type(exc).__name__}: {exc}); its facts are left empty")
        return fallback
