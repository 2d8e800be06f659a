"""Write a portal drop: report files per portal, optional sidecars, ground truth and a manifest.

Layout::

    DIR/<portal>/<file>                 the published files
    DIR/<portal>/<file>.meta.json       optional sidecar (title, url, published_date, unit, publisher)
    DIR/_truth/<portal>/<file>.json     report-extraction/1 truth per readable report
    DIR/_truth/manifest.json            documents, broken files, duplicates, republications
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingestion.generate.drop_extras import write_attachment, write_broken_files, write_duplicate
from ingestion.generate.formats import REPORT_FORMATS, render_as
from ingestion.generate.pdf_font import subset_font
from ingestion.generate.plan import PlannedReport, plan_portals, plan_reports, plan_republication
from ingestion.generate.portal import page_info, sidecar
from ingestion.generate.truth import build_truth

TRUTH_DIR = "_truth"


@dataclass(slots=True)
class DropOptions:
    out: Path
    reports: int
    years: list[int]
    formats: list[str]
    seed: int = 0
    broken: int = 0  # broken files; with any, a duplicate and a republication are added too
    every_format: bool = False  # each report in every format, instead of one format per report
    oversize_bytes: int = 256 * 1024  # the "oversized" broken file is just over this
    broken_sum_share: float = 0.15  # reports that do not add up on purpose
    progress_every: int = 10


@dataclass(slots=True)
class DropWriter:
    out: Path
    manifest: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {"documents": [], "broken": [], "duplicates": [], "republications": []}
    )

    def unique_name(self, portal: str, name: str) -> str:
        """``name``, or "-2", "-3" ... before its suffix when the portal already has it."""
        stem, dot, suffix = name.rpartition(".")
        candidate, copy = name, 1
        while (self.out / portal / candidate).exists():
            copy += 1
            candidate = f"{stem}-{copy}{dot}{suffix}"
        return candidate

    def write_file(self, portal: str, name: str, data: bytes, meta: dict[str, Any] | None = None) -> str:
        name = self.unique_name(portal, name)
        folder = self.out / portal
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        if meta is not None:
            (folder / f"{name}.meta.json").write_text(
                json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8"
            )
        return f"{portal}/{name}"

    def write_truth(self, relative: str, truth: dict[str, Any]) -> str:
        target = self.out / TRUTH_DIR / f"{relative}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return f"{TRUTH_DIR}/{relative}.json"

    def add_document(self, relative: str, truth: dict[str, Any]) -> None:
        self.manifest["documents"].append(
            {
                "file": relative,
                "truth": self.write_truth(relative, truth),
                "kind": truth["report"]["kind"],
                "format": truth["source"]["format"],
                "expected_findings": truth["_expected_findings"],
            }
        )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_report(
    writer: DropWriter, rng: random.Random, report: PlannedReport, font: Path | None
) -> list[str]:
    """Every format of one report; returns the files written."""
    written = []
    for fmt in report.formats:
        name = writer.unique_name(report.portal.slug, f"{report.stem}.{fmt}")
        page = page_info(rng, report.portal, report.facts, report.published)
        rendered = render_as(fmt, rng, report.doc, page, font)
        # A republication is only recognisable by its later date: both ends keep their sidecar.
        keep_meta = report.republishes is not None or report.republished or rng.random() < 0.7
        meta = sidecar(report.portal, report.facts, name, report.published) if keep_meta else None
        relative = writer.write_file(report.portal.slug, name, rendered.data, meta)
        truth = build_truth(
            report.facts,
            path=relative,
            sha256=sha256(rendered.data),
            fmt=fmt,
            encoding=rendered.encoding,
            on_portal_page=fmt == "html",
        )
        writer.add_document(relative, truth)
        written.append(relative)
    return written


def clear_previous_drop(out: Path) -> None:
    """Make ``out`` empty: a drop generated there before is replaced, anything else is refused.

    Writing over an earlier drop would add "-2" copies beside its files (the same seed would no
    longer give the same drop), and a folder of someone's own reports must never be deleted.
    """
    if not out.exists() or not any(out.iterdir()):
        return
    if not (out / TRUTH_DIR / "manifest.json").is_file():
        raise ValueError(
            f"{out} is not empty and holds no generated drop ({TRUTH_DIR}/manifest.json); "
            "choose an empty or new folder"
        )
    print(f"generate: replacing the drop generated earlier in {out}", file=sys.stderr)
    shutil.rmtree(out)


def write_drop(options: DropOptions) -> dict[str, list[dict[str, Any]]]:
    """Write the whole drop under ``options.out``; returns the manifest it also writes."""
    unknown = set(options.formats) - set(REPORT_FORMATS) - {"xlsx"}
    if unknown:
        raise ValueError(f"unknown formats {sorted(unknown)}; expected some of {[*REPORT_FORMATS, 'xlsx']}")
    formats = [f for f in options.formats if f in REPORT_FORMATS] or ["txt"]
    clear_previous_drop(options.out)
    rng = random.Random(options.seed)
    portals = plan_portals(rng, options.reports)
    planned = plan_reports(
        rng, portals, options.reports, options.years, formats, options.every_format, options.broken_sum_share
    )
    if options.broken and planned:
        planned.append(plan_republication(rng, planned[0]))
    needs_pdf = any("pdf" in p.formats for p in planned)
    font = subset_font("".join(line for p in planned for line in p.doc.text_lines())) if needs_pdf else None
    writer = DropWriter(options.out)
    first_files: dict[int, str] = {}
    for done, report in enumerate(planned, start=1):
        first_files[id(report)] = write_report(writer, rng, report, font)[0]
        if report.republishes is not None:
            writer.manifest["republications"].append(
                {"old": first_files[id(report.republishes)], "new": first_files[id(report)]}
            )
        if "xlsx" in options.formats:
            write_attachment(writer, rng, report, always=options.every_format)
        if options.progress_every and done % options.progress_every == 0:
            print(f"generate: {done}/{len(planned)} reports written", file=sys.stderr)
    if options.broken and planned:
        write_duplicate(writer, rng, planned[0], first_files[id(planned[0])])
        write_broken_files(writer, rng, portals, planned[0], options.broken, options.oversize_bytes)
    manifest_path = options.out / TRUTH_DIR / "manifest.json"
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(
        json.dumps(writer.manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return writer.manifest
