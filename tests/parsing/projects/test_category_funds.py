"""Funds reported by category, and a fund used for a project named with no verb (snippets invented)."""

from __future__ import annotations

from typing import Any

from ingestion.documents.model import Paragraph
from ingestion.parsing import extract_report
from ingestion.parsing.projects.category_funds import category_funds
from tests.parsing.conftest import document_of

HEAD = "青川县2024年度中央转移支付资金绩效自评报告\n一、绩效目标分解下达情况\n"


def _projects(text: str) -> list[tuple[str, str | None]]:
    result: dict[str, Any] = extract_report(document_of(text), path="x.txt", sha256="0" * 64).as_json()
    return [(p["name"], p["budget_wan"]) for p in result["projects"]]


def test_each_class_paragraph_names_a_fund_with_its_total() -> None:
    projects = _projects(
        HEAD + "水源保护类:2024年,省级下达我县水源保护资金共860万元,已全部拨付。\n"
        "其后,省财政厅向我县下达水源保护资金500万元,用于两个水厂。\n"
        "农田建设类:2024年,下达我县农田建设补助合计1,250万元,及时拨付到乡镇。\n"
    )
    assert ("水源保护资金", "860") in projects
    assert ("农田建设补助", "1250") in projects
    assert all(budget != "500" for _, budget in projects)


def test_near_misses_name_no_class_fund() -> None:
    document = document_of(
        HEAD + "资金使用类:2024年,下达我县水源保护资金共860万元。\n"  # the label is no fund's class
        "水源保护类:2024年,省级向我县下达水源保护资金860万元。\n"  # one notice, no 共: not the total
        "农田建设类:项目进展顺利。下达我县农田建设补助共1250万元。\n"  # not the class's first sentence
    )
    assert category_funds([b for b in document.blocks if isinstance(b, Paragraph)]) == []


def test_a_fund_used_for_a_project_named_without_a_verb() -> None:
    projects = _projects(HEAD + "2024年,下达我县彩票公益金补助资金90万元,用于青川县敬老院改造项目,已完工。\n")
    assert ("青川县敬老院改造项目", "90") in projects


def test_used_for_paying_or_pointing_back_names_no_project() -> None:
    projects = _projects(
        HEAD + "2024年,下达我县彩票公益金补助资金90万元,用于支付敬老院改造工程,用于该乡镇改造项目。\n"
    )
    assert [name for name, _ in projects if "改造" in name] == []
