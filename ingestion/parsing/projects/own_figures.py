"""Page-level figures that are one project's own, handed to that project's record.

``form_figures`` (a page of several projects' forms) and ``fund_parts`` (a page evaluating one part
of a larger fund) take such figures out of ``amounts_wan`` before the projects are read; once they
are, each figure becomes its project's budget or spending. A project no source listed is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ingestion.parsing.evidence import Evidence

# Where a figure goes in its project's record, the surer budget first.
_FIELDS = (("budget_full_year", "budget_wan"), ("budget_initial", "budget_wan"), ("executed", "spent_wan"))
_QUOTES = re.compile(r"[“”\"'‘’\s]")


@dataclass(frozen=True)
class ProjectFigure:
    project: str  # the project's name as the page states it where the figure is
    key: str  # the amounts_wan key it was read under
    value: str
    cited: dict[str, Any]


def take(amounts: dict[str, Any], key: str, project: str, evidence: Evidence) -> ProjectFigure:
    """``amounts[key]`` as ``project``'s, the page-level amount left null."""
    figure = ProjectFigure(project, key, amounts[key], evidence.pop(f"/amounts_wan/{key}", {}))
    amounts[key] = None
    return figure


def _bare(name: str) -> str:
    return _QUOTES.sub("", name)


def _record_of(name: str, projects: list[dict[str, Any]]) -> int | None:
    """The project named: the same name, else the one name containing the other."""
    bare = _bare(name)
    names = [_bare(str(p["name"])) for p in projects]
    same = [i for i, other in enumerate(names) if other == bare]
    if same:
        return same[0]
    within = [i for i, other in enumerate(names) if bare in other or other in bare]
    return within[0] if len(within) == 1 else None


def attach(projects: list[dict[str, Any]], figures: list[ProjectFigure], evidence: Evidence) -> None:
    """Each figure as its project's budget or spending, where the record has none."""
    for key, field in _FIELDS:
        for figure in (f for f in figures if f.key == key):
            index = _record_of(figure.project, projects)
            if index is None:
                index = len(projects)
                record = dict.fromkeys(("type", "purpose", "budget_wan", "spent_wan"))
                projects.append({"name": figure.project, **record})
            if projects[index][field] is None:
                projects[index][field] = figure.value
                if figure.cited:
                    evidence[f"/projects/{index}/{field}"] = dict(figure.cited)
