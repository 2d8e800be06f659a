"""Assemble the report-extraction/1 document from the prose extractors and the table facts.

Merge rules with the tables: indicators, budget execution and cost control come from tables
as they are; table projects (key-project tables) are used only when the prose listed none;
table amounts and staffing fill only what the prose left null (a prose 实有人数 beats a table's
实际在职人数); the self score is the prose one, else the table's.
"""

from __future__ import annotations

from typing import Any

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing import budget, meta, points, projects, script, self_score, staffing, unit
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.metrics import narrative_metrics
from ingestion.parsing.preamble import portal_fields, portal_lines, without_portal_lines
from ingestion.parsing.report_check import reject_if_not_a_report
from ingestion.parsing.sections import outline
from ingestion.parsing.tables.stated_points import table_points
from ingestion.parsing.tables_bridge import table_facts
from ingestion.parsing.text import Passage, Span, fold, passages
from ingestion.privacy import mask_document
from ingestion.regions import Region, resolve_region

CONTRACT = "report-extraction/1"


def _body_paragraphs(document: Document, skip: set[int]) -> list[Paragraph]:
    return [b for i, b in enumerate(document.blocks) if isinstance(b, Paragraph) and i not in skip]


def _same_unit(name: str, publisher: str) -> bool:
    """The portal's 发布机构 (东湖区大院街道) is the reporting unit itself (大院街道办事处)."""
    core = name.removesuffix("办事处").removesuffix("人民政府")
    return len(core) >= 2 and core in publisher


def _title(document: Document, skip: set[int], fields: dict[str, str]) -> Span | None:
    """The body's title line, else the portal block's 名称, else the report part of the page <title>."""
    found = meta.find_title(document, skip)
    if found:
        return Span(*found)
    page_title, _ = meta.page_title_parts(document.metadata.get("page_title", ""))
    stated = meta.portal_title(fields) or page_title
    return Span(stated, 0, 0) if stated else None


def _unit_and_region(
    document: Document, skip: set[int], title: Span | None, fields: dict[str, str], body: str
) -> tuple[str | None, Span | None, Region, list[str]]:
    """The unit (from the text, else the portal's 发布机构 when the report is about it) and its region."""
    name, full_names, name_span = unit.unit_name(document, title, skip)
    publisher = fields.get("发布机构") or document.metadata.get("publisher", "")
    if name is None and publisher:
        name = unit.publisher_unit(publisher, body)
        if name:
            full_names.append(publisher)
    elif name and publisher and _same_unit(name, publisher):
        full_names.append(publisher)
    _, site_names = meta.page_title_parts(document.metadata.get("page_title", ""))
    portal_names = [n for n in (publisher, *site_names) if n]
    region, warnings = resolve_region(full_names, body, portal_names)
    return name, name_span, region, warnings


def _report_meta(
    document: Document, skip: set[int], evidence: Evidence, warnings: list[str]
) -> dict[str, Any]:
    fields = portal_fields(document, skip)
    title = _title(document, skip, fields)
    body = without_portal_lines(document, skip)
    year, year_warnings = meta.fiscal_year(title.text if title else None, body)
    name, name_span, region, region_warnings = _unit_and_region(document, skip, title, fields, body)
    warnings.extend(year_warnings + region_warnings)
    if title and title.end > title.start:
        cite(evidence, "/report/title", Span(document.text[title.start : title.end], title.start, title.end))
    if name_span:
        cite(
            evidence,
            "/report/unit_name",
            Span(document.text[name_span.start : name_span.end], name_span.start, name_span.end),
        )
    return {
        "kind": meta.report_kind(title.text if title else None, body),
        "title": title.text if title else None,
        "unit_name": name,
        "region": region.as_dict(),
        "fiscal_year": year,
    }


def _amounts(
    prose: list[Passage],
    document_text: str,
    report: dict[str, Any],
    sections: list,
    evidence: Evidence,
    warnings: list[str],
) -> dict[str, str | None]:
    found, amount_warnings = budget.prose_amounts(prose, document_text, report["fiscal_year"], evidence)
    warnings.extend(amount_warnings)
    for key, zero in budget.zero_sections(sections, evidence).items():
        found.setdefault(key, zero)
    total = found.pop("expenditure_total", None)
    total_evidence = evidence.pop("/amounts_wan/expenditure_total", None)
    if report["kind"] == "final_accounts" and total is not None and "appropriation_expenditure" not in found:
        found["appropriation_expenditure"] = total
        if total_evidence:
            evidence["/amounts_wan/appropriation_expenditure"] = total_evidence
    return {key: found.get(key) for key in budget.AMOUNT_KEYS}


def _fill_from_tables(
    group: dict[str, Any], table_values: dict[str, Any], prefix: str, tables: Any, evidence: Evidence
) -> None:
    for key, value in table_values.items():
        if key in group and group[key] is None and value is not None:
            group[key] = value
            pointer = f"/{prefix}/{key}"
            if pointer in tables.evidence:
                evidence[pointer] = tables.evidence[pointer]


def extract_report(document: Document, *, path: str, sha256: str) -> dict[str, Any]:
    """The contract dict for one document: what is unclear stays null. Raises
    ``DocumentRejected(NOT_A_REPORT)`` only for a document that holds no report (``report_check``).
    Personal data is masked first (docs/privacy.md): evidence cites the masked text, whose
    offsets are the original's."""
    document = mask_document(document)
    original_text = document.text
    document = script.simplified_document(document)
    evidence: Evidence = {}
    warnings: list[str] = []
    sections = outline(document)
    folded = fold(document.text)
    reject_if_not_a_report(document, folded, sections)
    skip = portal_lines(document)
    paragraphs = _body_paragraphs(document, skip)
    report = _report_meta(document, skip, evidence, warnings)
    prose = passages(paragraphs, folded)
    amounts = _amounts(prose, document.text, report, sections, evidence, warnings)
    found_projects, project_warnings = projects.prose_projects(sections, amounts["project"], evidence)
    warnings.extend(project_warnings)
    staff = staffing.prose_staffing(prose, document.text, evidence)
    staff_all: dict[str, int | None] = {key: staff.get(key) for key in staffing.STAFF_KEYS}
    score = self_score.prose_self_score(paragraphs, evidence)
    problems, measures = points.problems_and_measures(sections)
    if not problems or not measures:
        stated_problems, stated_measures = table_points(document)
        problems, measures = problems or stated_problems, measures or stated_measures

    tables = table_facts(document)
    _fill_from_tables(amounts, tables.amounts, "amounts_wan", tables, evidence)
    _fill_from_tables(staff_all, tables.staffing, "staffing", tables, evidence)
    if not found_projects and tables.projects:
        found_projects = list(tables.projects)
        evidence.update({k: v for k, v in tables.evidence.items() if k.startswith("/projects/")})
    if score is None and tables.self_score is not None:
        score = tables.self_score
        if "/self_score" in tables.evidence:
            evidence["/self_score"] = tables.evidence["/self_score"]
    for prefix in ("/indicators/", "/budget_execution", "/cost_control/"):
        evidence.update({k: v for k, v in tables.evidence.items() if k.startswith(prefix)})
    warnings.extend(tables.warnings)
    script.cite_original(evidence, document.text, original_text)

    return {
        "contract": CONTRACT,
        "source": {
            "path": path,
            "sha256": sha256,
            "format": document.format,
            "encoding": document.encoding,
            "chars": len(document.text),
        },
        "report": report,
        "amounts_wan": amounts,
        "projects": found_projects,
        "staffing": staff_all,
        "indicators": list(tables.indicators),
        "budget_execution": tables.budget_execution,
        "self_score": score,
        "cost_control": list(tables.cost_control),
        "problems": problems,
        "measures": measures,
        "metrics": narrative_metrics(paragraphs, folded),
        "evidence": evidence,
        "warnings": warnings,
    }
