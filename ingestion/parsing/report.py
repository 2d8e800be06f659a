"""Assemble the report-extraction/1 document from the prose extractors and the table facts.

Merge rules with the tables: indicators, budget execution and cost control come from tables
as they are; table projects (key-project tables) are used only when the prose listed none;
table amounts and staffing fill only what the prose left null (a prose 实有人数 beats a table's
实际在职人数); the self score is the prose one, else the table's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ingestion.contract import CONTRACT, LINE_ITEMS, STAFF_CATEGORIES, ReportExtraction
from ingestion.documents.model import Document, Paragraph, Table
from ingestion.parsing import points, readings, script, staffing
from ingestion.parsing.amounts import budget, placing
from ingestion.parsing.amounts.evaluated_scope import unstated_budget
from ingestion.parsing.amounts.flattened_summary import flattened_appropriation
from ingestion.parsing.amounts.income_by_nature import income_by_nature
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.isolation import isolated
from ingestion.parsing.metrics import narrative_metrics
from ingestion.parsing.preamble import portal_lines
from ingestion.parsing.projects import breakdown, own_figures
from ingestion.parsing.projects.form_figures import withdraw_form_figures
from ingestion.parsing.projects.fund_parts import withdraw_part_budgets
from ingestion.parsing.projects.items import ITEM_KINDS, ProjectItem, project_items, withdraw_item_amounts
from ingestion.parsing.projects.merge import report_projects
from ingestion.parsing.report_check import reject_if_not_a_report, reject_if_nothing_found
from ingestion.parsing.report_meta import EMPTY_REPORT, report_meta
from ingestion.parsing.scores import column, total
from ingestion.parsing.sections import Section, outline
from ingestion.parsing.tables import TableFacts, extract_tables
from ingestion.parsing.tables.stated_points import table_points
from ingestion.parsing.text import Passage, fold, passages
from ingestion.privacy import mask_document

T = TypeVar("T")


def _body_paragraphs(document: Document, skip: set[int]) -> list[Paragraph]:
    return [b for i, b in enumerate(document.blocks) if isinstance(b, Paragraph) and i not in skip]


def _amounts(
    prose: list[Passage],
    document_text: str,
    report: dict[str, Any],
    sections: list[Section],
    evidence: Evidence,
    warnings: list[str],
) -> dict[str, str | None]:
    """The prose's amounts under every contract key, plus the budget figures that name no stage."""
    one_project = report["kind"] in placing.ONE_PROJECT_KINDS
    announcement = report["kind"] == "key_projects"
    found, amount_warnings = budget.prose_amounts(
        prose, document_text, report["fiscal_year"], evidence, one_project, report["title"], announcement
    )
    warnings.extend(amount_warnings)
    for key, zero in budget.zero_sections(sections, evidence).items():
        found.setdefault(key, zero)
    for key, stated in budget.form_amounts(document_text).items():
        found.setdefault(key, stated)
    for stated_alone in (income_by_nature, flattened_appropriation):
        if "appropriation_revenue" not in found and (revenue := stated_alone(document_text)):
            found["appropriation_revenue"] = revenue[0]
            cite(evidence, "/amounts_wan/appropriation_revenue", revenue[1])
    amounts: dict[str, str | None] = {key: found.get(key) for key in (*LINE_ITEMS, "expenditure_total")}
    placing.place_total(amounts, report["kind"], evidence)
    for key in placing.STAGELESS_KEYS:
        amounts[key] = found.get(key)
    return amounts


def _fill_from_tables(
    group: dict[str, Any], table_values: dict[str, Any], prefix: str, tables: TableFacts, evidence: Evidence
) -> None:
    for key, value in table_values.items():
        if key in group and group[key] is None and value is not None:
            group[key] = value
            pointer = f"/{prefix}/{key}"
            if pointer in tables.evidence:
                evidence[pointer] = dict(tables.evidence[pointer])


def extract_report(document: Document, *, path: str, sha256: str) -> ReportExtraction:
    """The contract for one document: what is unclear stays null. Raises
    ``DocumentRejected(NOT_A_REPORT)`` only for a document that holds no report (``report_check``;
    ``parse_report`` adds its verdict on an extraction in which nothing was found).
    Personal data is masked first (docs/privacy.md): evidence cites the masked text, whose offsets
    are the original's. Masking is not isolated: a document it cannot mask is not published.
    Each extractor runs ``isolated``: one that fails leaves its facts empty and a warning."""
    document = mask_document(document)
    original_text = document.text
    evidence: Evidence = {}
    warnings: list[str] = []

    def run(name: str, extract: Callable[[], T], fallback: T) -> T:
        return isolated(name, extract, fallback, warnings, evidence)

    document = run("script", lambda: script.simplified_document(document), document)
    converted_text = document.text
    unread: tuple[Document, readings.Removed | None] = (document, None)
    document, removed = run("readings", lambda: readings.without_readings(document), unread)
    sections: list[Section] = run("sections", lambda: outline(document), [])
    folded = fold(document.text)
    run("report_check", lambda: reject_if_not_a_report(document, folded, sections, path), None)
    skip: set[int] = run("portal", lambda: portal_lines(document), set())
    paragraphs = _body_paragraphs(document, skip)
    report = run("report", lambda: report_meta(document, skip, evidence, warnings), dict(EMPTY_REPORT))
    prose: list[Passage] = run("prose", lambda: passages(paragraphs, folded), [])
    amounts = run(
        "amounts",
        lambda: _amounts(prose, document.text, report, sections, evidence, warnings),
        dict.fromkeys((*LINE_ITEMS, *placing.STAGELESS_KEYS)),
    )
    if report["kind"] in ITEM_KINDS:  # one project's figures among several
        no_items: list[ProjectItem] = []
        items = run("project_items", lambda: project_items(paragraphs), no_items)
        withdraw_item_amounts(amounts, items, evidence)
    no_projects: tuple[list[dict[str, object]], list[str]] = ([], [])
    project_result = run(
        "projects", lambda: breakdown.prose_projects(sections, amounts["project"], evidence), no_projects
    )
    found_projects, project_warnings = project_result
    warnings.extend(project_warnings)
    staff: dict[str, int] = run(
        "staffing", lambda: staffing.prose_staffing(prose, document.text, evidence), {}
    )
    staff_all: dict[str, int | None] = {key: staff.get(key) for key in STAFF_CATEGORIES}
    score = run("self_score", lambda: total.prose_self_score(paragraphs, evidence), None)
    no_points: tuple[list[str], list[str]] = ([], [])
    points_result = run("points", lambda: _points(document, sections), no_points)
    problems, measures = points_result
    tables = run("tables", lambda: extract_tables(document), TableFacts())
    stageless = {key: amounts.pop(key, None) for key in placing.STAGELESS_KEYS}
    found_projects, score = _merge_tables(tables, amounts, staff_all, found_projects, score, evidence)
    if score is None:  # a form's total row, its indicator rows too broken to read
        blocks = [b for b in document.blocks if isinstance(b, Table)]
        score = run("self_score", lambda: total.table_total_row(blocks, document.text, evidence), None)
    if score is None:  # a results list naming one project, its cells one per line
        score = run("self_score", lambda: column.one_project_score(paragraphs, evidence), None)
    stated_full_year = amounts.get("budget_full_year")  # stated with its stage, in prose or a table
    placing.place_stageless_budget(amounts, stageless, evidence)
    placing.place_project_spending(amounts, report["kind"], bool(tables.projects), evidence)
    # Figures that are one project's own (a form among several, a part of the fund): not the page's.
    no_figures: list[own_figures.ProjectFigure] = []
    own = [
        *run("form_figures", lambda: withdraw_form_figures(document, amounts, evidence), no_figures),
        *run("fund_parts", lambda: withdraw_part_budgets(sections, amounts, evidence), no_figures),
    ]
    found_projects = run(
        "projects",
        lambda: report_projects(document, report, sections, amounts, found_projects, evidence),
        found_projects,
    )
    placing.place_one_projects_budget(amounts, report["kind"], found_projects, evidence)
    run("own_figures", lambda: own_figures.attach(found_projects, own, evidence), None)
    run(
        "evaluated_scope",
        lambda: unstated_budget(amounts, stated_full_year, document.text, evidence, warnings),
        None,
    )
    warnings.extend(tables.warnings)
    metrics: list[dict[str, Any]] = run("metrics", lambda: narrative_metrics(paragraphs, folded), [])
    run(
        "evidence",
        lambda: _cite_original(evidence, found_projects, removed, converted_text, original_text),
        None,
    )

    extraction = ReportExtraction.model_validate({
        "contract": CONTRACT,
        "source": {
            "path": path,
            "sha256": sha256,
            "format": document.format,
            "encoding": document.encoding,
            "chars": len(original_text),
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
        "metrics": metrics,
        "evidence": evidence,
        "warnings": warnings,
    })  # fmt: skip
    return extraction


def parse_report(document: Document, *, path: str, sha256: str) -> ReportExtraction:
    """What ``python -m ingestion parse`` and the pipeline run: ``extract_report``, then the
    verdict on what it found (``report_check.reject_if_nothing_found``), so they never disagree."""
    extraction = extract_report(document, path=path, sha256=sha256)
    reject_if_nothing_found(extraction, path)
    return extraction


def _cite_original(
    evidence: Evidence,
    found_projects: list[dict[str, Any]],
    removed: readings.Removed | None,
    converted_text: str,
    original_text: str,
) -> None:
    """Evidence found in the text as read (simplified, readings cut) cited as the document writes
    it, and the projects' names given as it writes them."""
    readings.cite_document(evidence, removed, converted_text)
    script.names_as_written(found_projects, evidence, converted_text, original_text)
    script.cite_original(evidence, converted_text, original_text)


def _points(document: Document, sections: list[Section]) -> tuple[list[str], list[str]]:
    """Problems and measures from the sections, else from a table's rows."""
    problems, measures = points.problems_and_measures(sections)
    if not problems or not measures:
        stated_problems, stated_measures = table_points(document)
        problems, measures = problems or stated_problems, measures or stated_measures
    return problems, measures


def _merge_tables(
    tables: TableFacts,
    amounts: dict[str, Any],
    staff_all: dict[str, Any],
    found_projects: list[dict[str, object]],
    score: int | float | None,
    evidence: Evidence,
) -> tuple[list[dict[str, object]], int | float | None]:
    """Table facts fill what the prose left empty (module docstring); returns (projects, score)."""
    _fill_from_tables(amounts, tables.amounts, "amounts_wan", tables, evidence)
    _fill_from_tables(staff_all, tables.staffing, "staffing", tables, evidence)
    if not found_projects and tables.projects:
        found_projects = list(tables.projects)
        evidence.update({k: dict(v) for k, v in tables.evidence.items() if k.startswith("/projects/")})
    if score is None and tables.self_score is not None:
        score = tables.self_score
        if "/self_score" in tables.evidence:
            evidence["/self_score"] = dict(tables.evidence["/self_score"])
    for prefix in ("/indicators/", "/budget_execution", "/cost_control/"):
        evidence.update({k: dict(v) for k, v in tables.evidence.items() if k.startswith(prefix)})
    return found_projects, score
