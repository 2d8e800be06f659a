"""Projects named outside a report's body, the last sources ``merge`` tries: an attachment list of
evaluation reports (附件：1.某某工作项目绩效评价报告, 2.…“某专项资金”绩效自评报告,
附件3:某局整体绩效评价报告.pdf), and the project a title names beside the unit's overall spending.
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document, Paragraph
from ingestion.parsing.projects.item_names import Item
from ingestion.parsing.text import Span, fold

# 附件：1.某报告, 附件2:某报告.pdf: a numbered attachment, its file type kept or not.
_ATTACHMENT = re.compile(
    r"^\s*(?:附\s*件\s*\d{1,2}\s*[:：]|(?:附\s*件\s*[:：]?\s*)?\d{1,2}\s*[.、．])\s*(?:(?:19|20)\d{2}\s*年度?)?"
    r"(?:“(?P<quoted>[^”]{4,60})”|(?P<name>\S{4,60}?(?:项目|资金|经费|工程|补助|补贴|专项|整体支出)))"
    r"(?:绩效)?(?:自评价?|评价)报告(?:\.(?:pdf|docx?|xlsx?|wps))?$",
    re.IGNORECASE,
)
# A title covering the unit's overall spending and one project besides (…自评报告(整体支出和某专项支出)):
# the other is a project.
_TITLE_ALSO_COVERS = re.compile(
    r"[（(]\s*(?:部门)?整体支出\s*(?:和|及|与|、)\s*"
    r"(?P<name>[^（）()、和及与]{4,40}?(?:项目|资金|经费|专项支出|项目支出))\s*[）)]\s*$"
)
_TITLE_LINES = 3


def attached_reports(document: Document) -> list[str]:
    """Projects and funds whose evaluation reports are attached (附件：1.…项目绩效评价报告)."""
    names = []
    for block in document.blocks:
        if isinstance(block, Paragraph) and (match := _ATTACHMENT.match(fold(block.text).replace(" ", ""))):
            names.append(match["quoted"] or match["name"])
    return names


def also_covered(document: Document) -> list[Item]:
    """The project a title names beside the unit's overall spending (…(整体支出和某经费项目))."""
    lines = [b for b in document.blocks if isinstance(b, Paragraph) and b.text.strip()][:_TITLE_LINES]
    for line in lines:
        if match := _TITLE_ALSO_COVERS.search(fold(line.text)):
            name, start = match["name"], line.start + match.start("name")
            return [(name, None, Span(name, start, start + len(name)))]
    return []
