"""One extractor failing leaves a warning naming it, and the rest of the report still comes out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ingestion.parsing import report, staffing
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.isolation import isolated
from ingestion.parsing.text import Span
from tests.parsing.conftest import extraction_of

REPORT = (
    "2023年度某县档案馆部门整体支出绩效自评报告\n一、部门基本情况\n"
    "本单位年末实有人数12人。\n二、预算执行情况\n2023年度财政拨款支出318.40万元,其中:基本支出300.10万元。\n"
)


def _broken(exception: Exception) -> Callable[..., object]:
    def extractor(*_args: object) -> object:
        raise exception

    return extractor


def test_a_failing_extractor_becomes_a_warning_and_the_rest_still_comes_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(staffing, "prose_staffing", _broken(RuntimeError("invented failure")))
    result = extraction_of(REPORT)
    assert any(
        w.startswith("staffing:") and "RuntimeError" in w and "invented failure" in w
        for w in result["warnings"]
    )
    assert result["staffing"]["actual"] is None
    assert result["amounts_wan"]["basic"] == "300.10"
    assert result["report"]["fiscal_year"] == 2023


def test_a_failing_report_metadata_extractor_leaves_an_empty_report_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(report, "report_meta", _broken(ValueError("no metadata today")))
    result = extraction_of(REPORT)
    assert result["report"]["kind"] == "unknown" and result["report"]["unit_name"] is None
    assert any(w.startswith("report:") and "ValueError" in w for w in result["warnings"])
    assert result["staffing"]["actual"] == 12


def test_evidence_cited_before_the_failure_is_withdrawn() -> None:
    evidence: Evidence = {"/kept": {"text": "x", "start": 0, "end": 1}}
    warnings: list[str] = []

    def cites_then_fails() -> str:
        cite(evidence, "/half/done", Span("y", 1, 2))
        raise KeyError("missing")

    assert isolated("half", cites_then_fails, "fallback", warnings, evidence) == "fallback"
    assert list(evidence) == ["/kept"]
    assert warnings == ["half: extractor failed (KeyError: 'missing'); its facts are left empty"]


def test_not_a_report_is_a_verdict_not_a_failure() -> None:
    from ingestion import errors

    with pytest.raises(errors.DocumentRejected):
        extraction_of("今天天气很好。\n")
