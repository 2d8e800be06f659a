"""A fund issued through several notices, and a project's execution in a unit's report (snippets
invented), each with a near miss that keeps its figure."""

from __future__ import annotations

from ingestion.documents.model import DocumentBuilder, Paragraph
from ingestion.documents.plaintext import add_plain_text
from ingestion.parsing.amounts.budget import prose_amounts
from ingestion.parsing.text import fold, passages

TITLE = "青禾县2022年度省级护林奖补资金绩效自评报告"


def _amounts(text: str, *, title: str | None = None, one_project: bool = False) -> dict[str, str]:
    builder = DocumentBuilder("txt")
    add_plain_text(builder, text)
    document = builder.build()
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    found, _ = prose_amounts(
        passages(paragraphs, fold(document.text)), document.text, 2022, {}, one_project, title
    )
    return found


def test_several_notices_of_the_titles_fund_name_no_one_figure() -> None:
    text = (
        "市林业局下达青禾县2022年省级护林奖补资金318万元。"
        "市林业局又按《关于下达2022年省级护林奖补资金(第二批)的通知》，下达青禾县本年资金47万元。\n"
    )
    assert "budget_issued" not in _amounts(text, title=TITLE, one_project=True)


def test_near_miss_one_notice_names_the_titles_fund() -> None:
    text = (
        "市林业局按《关于下达2022年省级护林奖补资金的通知》，下达青禾县本年资金318万元。"
        "市林业局又按《关于下达2022年林道养护经费的通知》，下达青禾县本年资金47万元。\n"
    )
    assert _amounts(text, title=TITLE, one_project=True)["budget_issued"] == "318"


def test_a_projects_execution_in_a_units_report() -> None:
    text = "巡山补助项目目标完成情况。项目全年预算数6.5万元，执行数为6.5万元，执行率100%。\n"
    assert "executed" not in _amounts(text)


def test_near_miss_the_units_execution_after_its_project_line() -> None:
    text = "本年基本支出80万元，项目支出40万元，全年执行数为120万元。\n"
    assert _amounts(text)["executed"] == "120"


# Funds named at length before their verb, farther from the clause's start than a verb's usual lead.
LEAD = "为保障巡山看护，本年度上级拨来的山林看护专款与本省巡山员津贴配套资金共下达"


def test_funds_named_at_length_before_the_verb() -> None:
    text = LEAD + "青禾县护林奖补资金86.4万元。\n"
    assert _amounts(text, one_project=True)["budget_issued"] == "86.4"


def test_near_miss_funds_named_before_a_listed_figure() -> None:
    text = LEAD + "甲乡巡护资金30万元、乙乡12万元。\n"
    assert "budget_issued" not in _amounts(text, one_project=True)
