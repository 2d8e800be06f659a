"""Where a stated figure goes in ``amounts_wan`` once the report's kind and its tables are known.

- 支出总计/本年支出合计 is the unit's total: ``appropriation_expenditure`` in a 决算 or an overall
  report (when no 财政拨款支出 is stated), ``executed`` in a report on a project or a fund.
- In a report on one project, its 项目支出 is what the project spent: ``executed``, not the
  unit's ``project`` line (unless a key-project table lists several projects).
- A report on one project whose budget is stated only with the project's name takes it as its
  full-year budget.
- A budget figure that names no stage (某资金合计, 预算数, 预算资金, 预算安排, 下达…资金, 计划投资) is the
  full-year budget unless one is stated; when it only repeats the stated 年初预算, it adds nothing.
"""

from __future__ import annotations

from typing import Any

from ingestion.parsing.evidence import Evidence

ONE_PROJECT_KINDS = ("project_expenditure", "key_projects")
# Budget figures that name no stage, the surest first: a fund's stated 合计, a 预算 figure,
# what a higher level 下达/安排 to it, and the investment planned for the project (计划投资).
STAGELESS_KEYS = ("budget_total", "budget", "budget_issued", "budget_planned")


def _move(amounts: dict[str, Any], source: str, target: str, evidence: Evidence) -> None:
    """Put ``amounts[source]`` under ``target`` when ``target`` is empty; ``source`` is cleared."""
    value = amounts.pop(source, None)
    cited = evidence.pop(f"/amounts_wan/{source}", None)
    if value is None or amounts.get(target) is not None:
        return
    amounts[target] = value
    if cited:
        evidence[f"/amounts_wan/{target}"] = cited


def place_total(amounts: dict[str, Any], kind: str, evidence: Evidence) -> None:
    """The stated 支出总计 (key ``expenditure_total``) as the unit's or the project's spending."""
    target = "executed" if kind in ONE_PROJECT_KINDS else "appropriation_expenditure"
    _move(amounts, "expenditure_total", target, evidence)


def place_project_spending(
    amounts: dict[str, Any], kind: str, tables_list_projects: bool, evidence: Evidence
) -> None:
    """A single project's 项目支出 is its execution, not the unit's project line."""
    if kind in ONE_PROJECT_KINDS and not tables_list_projects and amounts.get("executed") is None:
        _move(amounts, "project", "executed", evidence)
        amounts["project"] = None


def place_stageless_budget(
    amounts: dict[str, Any], stageless: dict[str, str | None], evidence: Evidence
) -> None:
    """A fund's stated total, else a stage-less budget figure, else what was issued to it, as the
    full-year budget, unless a stage is already stated (``stageless``: the prose's readings)."""
    for key in STAGELESS_KEYS:
        value = stageless.get(key)
        if (
            value is None
            or value == amounts.get("budget_initial")
            or amounts.get("budget_full_year") is not None
        ):
            evidence.pop(f"/amounts_wan/{key}", None)
            continue
        amounts[key] = value
        _move(amounts, key, "budget_full_year", evidence)


def place_one_projects_budget(
    amounts: dict[str, Any], kind: str, projects: list[dict[str, Any]], evidence: Evidence
) -> None:
    """A report on one project that states its budget only where it names the project (其中包含某
    项目经费10万元): that budget is the report's full-year budget."""
    if kind not in ONE_PROJECT_KINDS or len(projects) != 1:
        return
    budget = projects[0].get("budget_wan")
    stated = amounts.get("budget_full_year") is not None or amounts.get("budget_initial") is not None
    if budget is None or stated:
        return
    amounts["budget_full_year"] = budget
    cited = evidence.get("/projects/0/budget_wan") or evidence.get("/projects/0/name")
    if cited:
        evidence["/amounts_wan/budget_full_year"] = dict(cited)
