"""In a report on a fund, the project it is used for (下达105万元，用于实施某村灌溉项目)."""

from __future__ import annotations

import re

from ingestion.documents.model import Paragraph
from ingestion.parsing.amounts.money import NUMBER, to_wan
from ingestion.parsing.projects.breakdown import NOT_PROJECT
from ingestion.parsing.projects.item_names import Item, named_items
from ingestion.parsing.text import Span, fold

# The project a fund is used for, with the amount just before when there is one.
# The verb may be left out (资金200万元，用于某中心建设项目); a name then opens with no verb of its
# own (用于支付某工程尾款, 用于该项目 name what the money paid or point back, not a project), and
# an omitted verb never leaves 实施/建设 at the head of the name (用于建设各类工程 names none).
_USED_FOR = re.compile(
    rf"(?:(?P<number>{NUMBER})\s*万元\s*[，,]?\s*)?用于(?:实施|建设)?"
    r"(?!实施|建设|支付|偿还|弥补|保障|补充|购买|开展|推进|完成|该|本|此|上述|各|其他|其它)"
    r"(?P<name>[^，,。；;：:、“”]{4,40}?(?:项目|工程))(?=[，,。；;]|$)"
)


def used_for(paragraphs: list[Paragraph]) -> list[Item]:
    """Projects a fund is used for (…资金105万元，用于实施某村灌溉项目), with that amount."""
    found: list[Item] = []
    for paragraph in paragraphs:
        if "用于" not in paragraph.text:
            continue
        text = fold(paragraph.text)
        for match in _USED_FOR.finditer(text):
            name = match["name"]
            span = Span(name, paragraph.start + match.start("name"), paragraph.start + match.end("name"))
            found.append((name, to_wan(match["number"], "万元") if match["number"] else None, span))
    return [item for item in named_items(found) if not NOT_PROJECT.match(item[0])]
