"""The report's projects: from the first source that names any.

1. The breakdown of the unit's 项目支出 (``breakdown``), else a key-project table: as always.
2. The items an announcement of evaluation results lists (``evaluated_items``), else the projects
   a sentence names as evaluated (``evaluated_sentence``).
3. In a report on projects or funds: the one project it is about (``single``, with the
   report's own budget and execution), and the projects or funds it lists (``forms``: the
   project of each of several forms; ``lists``: item runs, breakdowns; ``numbered_paragraphs``:
   numbered project paragraphs; ``used_for``: what a fund is used for; ``headings``: fund
   headings, project sub-headings; ``items``: numbered items each
   naming a project with its own figures; ``enumerations``: a fund's uses by ordinal, numbered
   lines each naming a fund; ``category_funds``: a class paragraph's fund with its total).
4. In any report: item runs, a breakdown of a project amount, a run of names called projects
   (``enumerations``), else attached project reports or a title's second subject
   (``title_and_attachments``).
A name joining two funds (甲资金和乙转移支付) lists both, without the report's figures.
A name stated twice (the title's project and a list's item) is listed once, with the list's
amount when the first statement had none.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.amounts.placing import ONE_PROJECT_KINDS
from ingestion.parsing.evidence import Evidence, cite
from ingestion.parsing.projects import enumerations, lists
from ingestion.parsing.projects.category_funds import category_funds
from ingestion.parsing.projects.evaluated_items import evaluated_items
from ingestion.parsing.projects.evaluated_sentence import evaluated_in_sentences
from ingestion.parsing.projects.forms import form_projects
from ingestion.parsing.projects.headings import fund_headings, project_headings
from ingestion.parsing.projects.item_names import Item
from ingestion.parsing.projects.items import ITEM_KINDS, project_items
from ingestion.parsing.projects.numbered_paragraphs import numbered_projects
from ingestion.parsing.projects.single import project_name, single_project
from ingestion.parsing.projects.title_and_attachments import also_covered, attached_reports
from ingestion.parsing.projects.title_funds import joined_funds
from ingestion.parsing.projects.used_for import used_for
from ingestion.parsing.sections import Section
from ingestion.parsing.text import Span

_SAME_NAME = 0.9


def _cite(evidence: Evidence, pointer: str, span: Span, document: Document) -> None:
    """Cite where a name is stated, as the document writes it (names are read from folded text)."""
    cite(evidence, pointer, Span(document.text[span.start : span.end], span.start, span.end))


# What a list or sentence reader can pick up that names no project: a figure inside the name
# (其他资金85万元), words pointing at projects named elsewhere (对以下项目开展了评价).
_NOT_A_PROJECT = re.compile(
    r"\d[\d.,]*\s*[万亿]?元|"
    r"^(?:以下|下列|如下|上述|以上|前述|所列|该|此|本|各)(?:\d+个|[几数]个)?(?:重点)?(?:项目|专项资金|资金|专项|经费)$"
)
# A unit's whole spending (某局2020年度部门整体支出): among the items an announcement of evaluation
# results lists it is one of the evaluated items; anywhere else it is the unit's, not a project.
_WHOLE_UNIT = re.compile(r"(?:部门|单位)整体支出$")
_ANNOUNCED = "key_projects"


def names_a_project(name: str, kind: str) -> bool:
    """Whether a name a reader found can stand for a project of a report of ``kind``."""
    return _NOT_A_PROJECT.search(name) is None and (kind == "key_projects" or not _WHOLE_UNIT.search(name))


def _record(name: str, budget: str | None) -> dict[str, Any]:
    return {"name": name, "type": None, "purpose": None, "budget_wan": budget, "spent_wan": None}


def _listed(document: Document, sections: list[Section], kind: str) -> list[Item]:
    one_project = kind in ONE_PROJECT_KINDS
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    items = lists.item_runs(paragraphs) + lists.breakdowns(paragraphs, not one_project)
    items += lists.named_groups(paragraphs) + lists.enumerated_items(paragraphs)
    items += enumerations.named_runs(paragraphs) + enumerations.quoted_runs(paragraphs)
    if one_project:
        items += enumerations.ordinal_uses(paragraphs) + enumerations.fund_lines(paragraphs)
        items += [(name, None, span) for name, span in form_projects(document)]
        items += numbered_projects(paragraphs) + used_for(paragraphs)
        items += [(name, None, None) for name in fund_headings(sections)]
        items += project_headings(sections) + category_funds(paragraphs)
    if kind in ITEM_KINDS:
        items += [(i.name, i.budget_wan, i.where) for i in project_items(paragraphs)]
    if not items:
        items = [(name, None, None) for name in attached_reports(document)]
    if not items:
        items = also_covered(document)
    return items


def _same(name: str, other: str) -> bool:
    return name in other or other in name or SequenceMatcher(None, name, other).ratio() >= _SAME_NAME


def _already(name: str, records: list[dict[str, Any]]) -> bool:
    return any(_same(name, r["name"]) for r in records)


def report_projects(
    document: Document,
    report: dict[str, Any],
    sections: list[Section],
    amounts: dict[str, Any],
    listed: list[dict[str, Any]],
    evidence: Evidence,
) -> list[dict[str, Any]]:
    """``listed`` (the 项目支出 breakdown, else table projects) when there are any, else the
    projects the report is about or lists."""
    if listed:
        return listed
    # What an evaluation's results list or sentence names was evaluated, a unit's whole spending too:
    # read as an announcement's items whatever the report's kind.
    evaluated = [item for item in evaluated_items(document.blocks) if names_a_project(item[0], _ANNOUNCED)]
    if evaluated:
        for index, (_, where, _) in enumerate(evaluated):
            _cite(evidence, f"/projects/{index}/name", where, document)
        return [_record(name, amount) for name, _, amount in evaluated]
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    in_sentences = [
        item for item in evaluated_in_sentences(paragraphs) if names_a_project(item[0], _ANNOUNCED)
    ]
    if in_sentences:
        for index, (_, where) in enumerate(in_sentences):
            _cite(evidence, f"/projects/{index}/name", where, document)
        return [_record(name, None) for name, _ in in_sentences]
    one_project = report["kind"] in ONE_PROJECT_KINDS
    records: list[dict[str, Any]] = []
    named = project_name(document, report["title"], sections) if one_project else None
    funds = joined_funds(named[0]) if named is not None else []
    if len(funds) > 1:
        # Two funds evaluated together: the report's figures are theirs together, neither's own.
        records.extend(_record(fund, None) for fund in funds)
    elif named is not None:
        records.append(single_project(named[0], amounts))
        if named[1] is not None:
            _cite(evidence, "/projects/0/name", named[1], document)
    restated: dict[int, set[str | None]] = {}
    for name, budget, span in _listed(document, sections, report["kind"]):
        if not names_a_project(name, report["kind"]):
            continue
        if _already(name, records):
            index = next(i for i, r in enumerate(records) if _same(name, r["name"]))
            restated.setdefault(index, set()).add(budget)
            continue
        if span is not None:
            _cite(evidence, f"/projects/{len(records)}/name", span, document)
        records.append(_record(name, budget))
    for name, spent, span in lists.breakdowns(paragraphs, not one_project, paid=True):
        # a name already listed keeps its budget: what one project spent is never its budget
        if not names_a_project(name, report["kind"]) or _already(name, records):
            continue
        if span is not None:
            _cite(evidence, f"/projects/{len(records)}/name", span, document)
        records.append({**_record(name, None), "spent_wan": spent})
    # The title's project listed again with its amount (其中包含某项目经费10万元), once: its budget.
    for index, budgets in restated.items():
        if records[index]["budget_wan"] is None and len(budgets) == 1 and None not in budgets:
            records[index]["budget_wan"] = next(iter(budgets))
    return records
