"""The report-extraction/1 JSON a perfect parser prints for a generated document."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ingestion.contract import CONTRACT, LINE_ITEMS, STAFF_CATEGORIES, GroundTruth
from sample_drop.facts import ReportFacts
from sample_drop.personal import masked


def _projects(facts: ReportFacts) -> list[dict[str, Any]]:
    """The listed projects; a report on one project lists that project (the contract's rule),
    with the report's full-year budget and execution as its figures."""
    if facts.kind == "project_expenditure" and facts.project_name and not facts.projects:
        budget, spent = facts.amounts.get("budget_full_year"), facts.amounts.get("executed")
        return [
            {
                "name": facts.project_name,
                "type": None,
                "purpose": None,
                "budget_wan": budget.text if budget else None,
                "spent_wan": spent.text if spent else None,
            }
        ]
    return [
        {
            "name": p.name,
            "type": p.type,
            "purpose": p.purpose,
            "budget_wan": p.budget.text if p.budget else None,
            "spent_wan": p.spent.text if p.spent else None,
        }
        for p in facts.projects
    ]


def number(value: Decimal | None) -> int | float | None:
    """Scores as JSON numbers: whole points as ints, halves exactly as floats."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def page_title(facts: ReportFacts) -> str:
    """The title a portal page or sidecar gives the report, stated or not in the report itself."""
    if facts.title:
        return facts.title
    return f"{facts.unit.full_name}{facts.year}年度部门整体支出绩效自评报告"


def _report(facts: ReportFacts, on_portal_page: bool) -> dict[str, Any]:
    region = facts.unit.region
    names_region = facts.names_region or on_portal_page
    return {
        "kind": facts.kind,
        "title": page_title(facts) if on_portal_page else facts.title,
        "unit_name": facts.unit.name if facts.names_unit or on_portal_page else None,
        "region": {
            "province": region.province if names_region else None,
            "city": region.city if names_region else None,
            "district": region.district if names_region else None,
            "division_code": region.code if names_region else None,
        },
        "fiscal_year": facts.year,
    }


def _scores(facts: ReportFacts) -> dict[str, Any]:
    execution = facts.execution
    return {
        "indicators": [
            {
                "level1": i.level1,
                "level2": i.level2,
                "name": i.name,
                "target": i.target,
                "actual": i.actual,
                "weight": number(i.weight),
                "score": number(i.score),
                "note": i.note,
            }
            for i in facts.indicators
        ],
        "budget_execution": None
        if execution is None
        else {
            "initial_wan": execution.initial.text,
            "full_year_wan": execution.full_year.text,
            "executed_wan": execution.executed.text,
            "rate_pct": number(execution.rate_pct),
            "weight": number(execution.weight),
            "score": number(execution.score),
        },
        "self_score": number(facts.self_score),
    }


def build_truth(
    facts: ReportFacts,
    *,
    path: str,
    sha256: str,
    fmt: str,
    encoding: str | None,
    on_portal_page: bool = False,
) -> GroundTruth:
    """``on_portal_page``: the report is an HTML article whose page names the unit and its region."""
    stated = facts.amounts
    return GroundTruth.model_validate({
        "contract": CONTRACT,
        "source": {"path": path, "sha256": sha256, "format": fmt, "encoding": encoding},
        "report": _report(facts, on_portal_page),
        "amounts_wan": {key: stated[key].text if key in stated else None for key in LINE_ITEMS},
        "projects": _projects(facts),
        "staffing": {key: facts.staffing.get(key) for key in STAFF_CATEGORIES},
        **_scores(facts),
        "cost_control": [
            {
                "item": row.item,
                "prior_final_wan": row.prior_final.text if row.prior_final else None,
                "budget_wan": row.budget.text if row.budget else None,
                "final_wan": row.final.text if row.final else None,
            }
            for row in facts.cost_control
        ],
        "problems": [masked(p, _pieces(facts)) for p in facts.problems],
        "measures": [masked(m, _pieces(facts)) for m in facts.measures],
        "metrics": [
            {"name": m.name, "value": m.value, "unit": m.unit, "qualifier": m.qualifier}
            for m in facts.metrics
        ],
        "evidence": {},
        "warnings": [],
        "_expected_findings": list(facts.expected_findings),
        "_personal_data": _pieces(facts),
    })  # fmt: skip


def _pieces(facts: ReportFacts) -> list[str]:
    return list(facts.personal.pieces) if facts.personal else []
