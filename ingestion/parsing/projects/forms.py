"""The projects of a document that holds several project forms (项目支出绩效自评表, one per project).

Each form names its project in its 项目名称 field. A PDF copy that runs a form onto one line may
put the name (a tall merged cell) before its label, right after the form's title:
``…自评表 (2022 年度) 某场馆运维 经费 项目名称 主管部门 某局 …`` (the label is then followed at
once by the next label, never by its value; a line break inside the cell leaves a space in the
name). Those names are read too; the first form's project is the report's own (``single``).
"""

from __future__ import annotations

import re

from ingestion.documents.model import Document
from ingestion.parsing.form_fields import field_values, form_fields
from ingestion.parsing.text import Span, fold

# (name, where it is stated)
Item = tuple[str, Span]

_NAME_LABEL = "项目名称"
# The form's title and year, the name (CJK words a single space may split), its label, then at
# once another label.
_NAME_BEFORE_LABEL = re.compile(
    r"(?:自评表|评价表)\s*[(（]\s*(?:19|20)\d{2}\s*年度?\s*[)）]\s*"
    r"(?P<name>[\u4e00-\u9fff（）()“”\d]{2,40}(?: [\u4e00-\u9fff（）()“”\d]{1,40}){0,2}?)\s+项目名称\s+"
    r"(?:主管部门|实施单位|项目单位|预算单位)"
)
_NOT_A_NAME = re.compile(r"名称|部门|单位|预算|绩效|自评|评价")
_MIN_NAME = 4


def form_projects(document: Document) -> list[Item]:
    """Every form's project, in reading order, when the document holds more than one form."""
    if document.text.count(_NAME_LABEL) < 2:
        return []
    found = every_form(document)
    return found if len(found) >= 2 else []


def every_form(document: Document) -> list[Item]:
    """The project each form names, in reading order (one, or none, in most documents)."""
    if _NAME_LABEL not in document.text:
        return []
    found: list[Item] = []
    folded = fold(document.text)
    for match in _NAME_BEFORE_LABEL.finditer(folded):
        raw = document.text[match.start("name") : match.end("name")]
        name = raw.replace(" ", "")
        if len(name) >= _MIN_NAME and not _NOT_A_NAME.search(name):
            found.append((name, Span(raw, match.start("name"), match.end("name"))))
    for field in field_values(form_fields(document.text), _NAME_LABEL):
        if len(field.value) >= _MIN_NAME and not _NOT_A_NAME.search(field.value):
            found.append((field.value, Span(field.value, field.start, field.end)))
    return sorted(found, key=lambda item: item[1].start)
