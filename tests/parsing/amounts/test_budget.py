"""Prose budget figures: labels opening a clause, the 无 sections, conflicts as warnings."""

from __future__ import annotations

import pytest

from ingestion.documents.model import Document, DocumentBuilder, Paragraph
from ingestion.documents.plaintext import add_plain_text
from ingestion.parsing.amounts.budget import prose_amounts, zero_sections
from ingestion.parsing.sections import outline
from ingestion.parsing.text import fold, passages


def document_of(text: str) -> Document:
    builder = DocumentBuilder("txt")
    add_plain_text(builder, text)
    return builder.build()


def _amounts(text: str, year: int | None = 2021) -> tuple[dict[str, str], list[str], dict]:
    document = document_of(text)
    evidence: dict = {}
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    found, warnings = prose_amounts(passages(paragraphs, fold(document.text)), document.text, year, evidence)
    return found, warnings, evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "1、2021年年初预算资金652.40万元。", {"budget_initial": "652.40"}, id="numbered initial budget"
        ),
        pytest.param(
            "3、2021年度本中心一般公共预算财政拨款支出936.42万元。其中：项目支出412.30万元，基本支出524.12万元，"
            "其中：人员经费401.50万元，公用经费122.62万元。",
            {
                "appropriation_expenditure": "936.42",
                "project": "412.30",
                "basic": "524.12",
                "personnel": "401.50",
                "public_funds": "122.62",
            },
            id="expenditure and its parts",
        ),
        pytest.param(
            "2.2021年度本中心一般公共预算财政拨款收入884.90万元。",
            {"appropriation_revenue": "884.90"},
            id="list number before a year",
        ),
        pytest.param(
            "对个人和家庭的补助支出47.25万元，资本性支出3.80万元。",
            {"household_subsidy": "47.25", "capital": "3.80"},
            id="parts of basic spending",
        ),
        pytest.param("某村沟渠清淤工作经费项目支出4.0万元。", {}, id="a project's own spending is no total"),
        pytest.param("年初预算分别为318.40万元、962.75万元。", {}, id="a list of figures"),
        pytest.param("城乡建设项目支出年终决算数与年初预算数相差87.36万元。", {}, id="a difference"),
        pytest.param("2020年度项目支出500万元。", {}, id="another year's figure"),
        pytest.param(
            "本中心实施项目12个，年初批复预算780万元。", {"budget_initial": "780"}, id="年初批复预算"
        ),
        pytest.param("该项目年初预算数120万元。", {"budget_initial": "120"}, id="该项目 before the label"),
        pytest.param("上级项目年初预算数120万元。", {}, id="another project's budget is no subject"),
        pytest.param("联系电话：28815673。2021年度预算编码2080201。", {}, id="codes and phone numbers"),
    ],
)
def test_prose_amounts(text: str, expected: dict[str, str]) -> None:
    found, _, _ = _amounts(text)
    assert found == expected


def test_first_statement_wins_and_a_conflict_warns() -> None:
    found, warnings, evidence = _amounts("基本支出100万元。\n基本支出120万元。")
    assert found == {"basic": "100"}
    assert "amounts_wan.basic" in warnings[0]
    assert evidence["/amounts_wan/basic"]["text"] == "基本支出100万元"


def test_sections_answered_none_state_zero() -> None:
    document = document_of(
        "四、政府性基金预算支出情况\n无。\n五、国有资本经营预算支出情况\n无\n六、社会保险基金预算支出情况\n有支出。"
    )
    zeros = zero_sections(outline(document), {})
    assert zeros == {"gov_fund": "0", "state_capital": "0"}
