"""Funds a transfer-payment self-evaluation reports by category, one paragraph each.

A report on several classes of a higher level's money opens a paragraph per class with the class's
label, then states what was allocated of that class in all:

    水源保护类：2024年，省级下达我县水源保护资金共860万元，已全部拨付…
    农田建设类：2024年，下达我县农田建设补助合计1,250万元，…

Each is a fund with its total (its batches and shares that follow are parts, not projects). The
label's stem must recur in the fund's name, so that a label of another kind (资金使用类：) or a
figure about other money in the paragraph is never taken for the class's total.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Paragraph
from ingestion.parsing.amounts.money import NUMBER, to_wan
from ingestion.parsing.text import Span, fold

Item = tuple[str, str | None, Span | None]

_LABEL = re.compile(r"^\s*(?P<stem>[\u4e00-\u9fff]{2,20}?)类\s*[：:]")
# Allocated to the reporting place (下达我市 / 下达我县…), the fund's name, then its total: the whole
# class, not one batch (向我市下达…资金1300万元 has no 共, and is one of the class's notices).
_CLASS_TOTAL = re.compile(
    r"下达(?:给|到|至)?(?:我|本)[省市县区州旗盟镇乡](?:(?:19|20)\d{2}年度?)?"
    r"(?P<name>[^\s，,。；;：:、“”（）()]{2,40}?(?:资金|经费|补助|补贴|专项))"
    rf"(?:共计?|合计|总计)\s*(?P<number>{NUMBER})\s*(?P<unit>万元|亿元)"
)


def category_funds(paragraphs: list[Paragraph]) -> list[Item]:
    """Each class paragraph's fund with the total allocated, in the order stated."""
    found: list[Item] = []
    for paragraph in paragraphs:
        if "类" not in paragraph.text or "下达" not in paragraph.text:
            continue  # most paragraphs open with no class label: no fold, no scan
        text = fold(paragraph.text)
        label = _LABEL.match(text)
        if label is None:
            continue
        sentence_end = text.find("。", label.end())
        first = text[: sentence_end if sentence_end >= 0 else len(text)]
        total = _CLASS_TOTAL.search(first, label.end())
        if total is None or label["stem"] not in total["name"]:
            continue
        start = paragraph.start + total.start("name")
        where = Span(total["name"], start, start + len(total["name"]))
        found.append((total["name"], to_wan(total["number"], total["unit"]), where))
    return found
