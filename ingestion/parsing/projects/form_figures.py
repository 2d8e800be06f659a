"""A page holding several projects' forms: each form's figures are its project's, not the page's.

Portals publish a unit's project self-evaluation forms (项目支出绩效自评表, one per project) on one
page, often under a list of the forms it holds (序号 | 项目名称 | 备注 / 1 / 某经费自评表 / …). Such a
page has no one subject: a budget or an execution read inside a form (from its 项目名称 to the
next form) belongs to the project that form names, and the page-level amount stays null. A page
holds several forms when its forms name two different projects, or it lists two forms and holds
at least one. A report naming its project in prose (项目名称：某经费) and again in its attached form
names one project: that is one project's report.
Figures read before the first form (a report's own prose) stay the page's; a page with one form
and no list of forms is that project's report, and its figures are the page's (``single``).
"""

from __future__ import annotations

from typing import Any

from ingestion.documents.model import Document
from ingestion.parsing.evidence import Evidence
from ingestion.parsing.projects.evaluated_items import evaluated_items, lists_forms
from ingestion.parsing.projects.forms import Item, every_form
from ingestion.parsing.projects.own_figures import ProjectFigure, take
from ingestion.parsing.text import fold


def _projects_named(forms: list[Item]) -> int:
    """How many different projects ``forms`` name (one name inside another is the same project)."""
    names: list[str] = []
    for name, _ in forms:
        plain = fold(name).strip("。；;，, ")
        if not any(plain in known or known in plain for known in names):
            names.append(plain)
    return len(names)


def _several_forms(document: Document, forms: list[Item]) -> bool:
    named = _projects_named(forms)
    return named >= 2 or (named == 1 and lists_forms(evaluated_items(document.blocks)))


def withdraw_form_figures(
    document: Document, amounts: dict[str, Any], evidence: Evidence
) -> list[ProjectFigure]:
    """The page-level amounts read inside one of several forms, taken out of ``amounts`` (and
    their evidence out of ``evidence``) as the forms' projects' (``own_figures.attach``)."""
    forms = every_form(document)
    if not forms or not _several_forms(document, forms):
        return []
    bounds = [span.start for _, span in forms] + [len(document.text)]
    taken: list[ProjectFigure] = []
    for key, value in amounts.items():
        cited = evidence.get(f"/amounts_wan/{key}")
        at = cited.get("start") if cited else None
        if value is None or not isinstance(at, int):
            continue
        form = next((i for i in range(len(forms)) if bounds[i] <= at < bounds[i + 1]), None)
        if form is not None:  # before the first form: the page's own prose
            taken.append(take(amounts, key, forms[form][0], evidence))
    return taken
