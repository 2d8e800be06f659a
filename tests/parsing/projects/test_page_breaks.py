"""A list a document-sharing copy cuts at a page's end (snippets invented).

Each page is one paragraph numbered by its page; a breakdown that runs to a page's end goes on
after the next page's number, the word cut there joined again. A page that ends its sentence, or
a next paragraph that is no next page, carries nothing on.
"""

from __future__ import annotations

import pytest

from ingestion.documents.model import Paragraph
from ingestion.parsing.projects.lists import breakdowns
from tests.parsing.conftest import document_of

_FIRST = "1、某档案中心资金绩效自评报告一、基本情况2021年到位资金30万元,实际支出30万元。其中档案数字化加"
_NEXT = "工服务支出12万元,机房空调维保支出8万元,网站安全监测支出10万元。二、绩效评价情况"


def _paid(text: str) -> list[tuple[str, str]]:
    paragraphs = [b for b in document_of(text).blocks if isinstance(b, Paragraph)]
    return [(name, amount) for name, amount, _ in breakdowns(paragraphs, False, paid=True)]


def test_a_breakdown_goes_on_after_the_next_pages_number() -> None:
    assert _paid(_FIRST + "\n2、" + _NEXT + "\n") == [
        ("档案数字化加工服务", "12"),
        ("机房空调维保", "8"),
        ("网站安全监测", "10"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_FIRST + "\n3、" + _NEXT + "\n", id="not the next page's number"),
        pytest.param(_FIRST + "\n" + _NEXT + "\n", id="no page number"),
        pytest.param(_FIRST + "。\n2、" + _NEXT + "\n", id="the page ends its sentence"),
    ],
)
def test_nothing_carries_on_to_what_is_no_next_page(text: str) -> None:
    assert _paid(text) == []
