"""Write a report's facts as a ``ReportDocument``, choosing wording and layout at random."""

from __future__ import annotations

import random

from sample_drop import sections
from sample_drop.compose_other import compose_key_projects, compose_one_project
from sample_drop.compose_overall import compose_overall
from sample_drop.document import ReportDocument
from sample_drop.facts import ReportFacts
from sample_drop.writer import Writer

_COMPOSERS = {
    "overall_expenditure": compose_overall,
    "key_projects": compose_key_projects,
    "project_expenditure": compose_one_project,
}


def compose(rng: random.Random, facts: ReportFacts) -> ReportDocument:
    writer = Writer(rng, facts)
    _COMPOSERS[facts.kind](writer)
    if not facts.indicators:  # a report with a self-evaluation form ends with its 填表人 footer
        sections.contact_footer(writer)
    unit = facts.unit
    if facts.names_unit and facts.names_region and (not writer.region_named or rng.random() < 0.3):
        writer.doc.seal_line = f"部门（单位）名称：{unit.full_name}（盖章）"
    elif facts.names_region and not writer.region_named:
        writer.para(f"本报告在{unit.region.district}政府门户网站政务公开栏目公布。")
    return writer.doc
