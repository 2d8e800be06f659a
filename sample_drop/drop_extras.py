"""What a drop holds besides clean reports: xlsx attachments, a duplicate, broken files."""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ingestion.contract import GroundTruth
from sample_drop.attachment import attachment_facts, render_xlsx, self_evaluation_table, sheet_title
from sample_drop.broken import Material, make_broken
from sample_drop.render_docx import render_docx
from sample_drop.render_html import render_listing
from sample_drop.render_txt import render_txt
from sample_drop.truth import build_truth, page_title

if TYPE_CHECKING:
    from sample_drop.drop import DropWriter
    from sample_drop.plan import PlannedReport
    from sample_drop.portal import Portal


def write_attachment(writer: DropWriter, rng: random.Random, report: PlannedReport, always: bool) -> None:
    """The 自评表 as .xlsx beside half the reports that have one (some portals attach it
    separately), or beside every such report when ``always`` (a drop of every format)."""
    table = self_evaluation_table(report.doc)
    if table is None or (rng.random() < 0.5 and not always):
        return
    data = render_xlsx(table, sheet_title(report.facts))
    relative = writer.write_file(report.portal.slug, f"{report.stem}-自评表.xlsx", data)
    facts = attachment_facts(report.facts, table)
    truth = build_truth(
        facts, path=relative, sha256=hashlib.sha256(data).hexdigest(), fmt="xlsx", encoding=None
    )
    writer.add_document(relative, truth)


def write_duplicate(writer: DropWriter, rng: random.Random, report: PlannedReport, original: str) -> None:
    """The same bytes again under another name, as portals re-upload attachments."""
    data = (writer.out / original).read_bytes()
    suffix = original.rsplit(".", 1)[-1]
    relative = writer.write_file(report.portal.slug, f"附件{rng.randint(1, 3)}-{report.stem}.{suffix}", data)
    truth_path = writer.out / "_truth" / f"{original}.json"
    truth = GroundTruth.model_validate_json(truth_path.read_text(encoding="utf-8"))
    moved = truth.model_copy(update={"source": truth.source.model_copy(update={"path": relative})})
    writer.add_document(relative, moved)
    writer.manifest["duplicates"].append({"file": relative, "same_as": original})


def write_broken_files(
    writer: DropWriter,
    rng: random.Random,
    portals: list[Portal],
    sample: PlannedReport,
    count: int,
    oversize_bytes: int,
) -> None:
    listing = [
        (page_title(sample.facts), f"/zwgk/czyjs/{sample.stem}.html", sample.published.isoformat()),
    ]
    material = Material(
        docx=render_docx(sample.doc),
        txt=render_txt(sample.doc),
        listing_html=render_listing(portals[0].site_name, listing * 3).encode("utf-8"),
        oversize_bytes=oversize_bytes,
    )
    for index in range(count):
        portal = portals[index % len(portals)]
        broken = make_broken(rng, index, material)
        uploaded = date(2020, 1, 1) + timedelta(days=rng.randint(0, 2000))
        stem = "list_1" if broken.suffix == "html" else f"P0{uploaded:%Y%m%d}{rng.randint(100000, 999999)}"
        relative = writer.write_file(portal.slug, f"{stem}.{broken.suffix}", broken.data)
        writer.manifest["broken"].append({"file": relative, "reason": broken.reason, **broken.extra})
