"""Render one report in one format, with the text-encoding choices real portals make."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from sample_drop.document import ReportDocument
from sample_drop.render_docx import render_docx
from sample_drop.render_html import PageInfo, render_html
from sample_drop.render_pdf import render_pdf
from sample_drop.render_txt import render_txt

REPORT_FORMATS = ("txt", "docx", "pdf", "html")


@dataclass(frozen=True, slots=True)
class Rendered:
    data: bytes
    encoding: str | None  # for txt and html


def _txt(rng: random.Random, doc: ReportDocument) -> Rendered:
    encoding = rng.choices(("utf-8", "utf-8-sig", "gb18030"), weights=(5, 2, 3))[0]
    newline = "\r\n" if encoding == "gb18030" and rng.random() < 0.5 else "\n"
    return Rendered(render_txt(doc, encoding, newline), encoding)


def _html(rng: random.Random, doc: ReportDocument, page: PageInfo) -> Rendered:
    if rng.random() < 0.2:
        try:
            return Rendered(render_html(doc, page, "gbk").encode("gbk"), "gbk")
        except UnicodeEncodeError:
            pass  # a character outside GBK: such sites publish UTF-8
    return Rendered(render_html(doc, page).encode("utf-8"), "utf-8")


def render_as(
    fmt: str, rng: random.Random, doc: ReportDocument, page: PageInfo, font: Path | None
) -> Rendered:
    if fmt == "txt":
        return _txt(rng, doc)
    if fmt == "html":
        return _html(rng, doc, page)
    if fmt == "docx":
        return Rendered(render_docx(doc, auto_numbering=rng.random() < 0.4), None)
    if fmt == "pdf":
        if font is None:
            raise ValueError("rendering a PDF needs the subset CJK font")
        return Rendered(render_pdf(doc, font), None)
    raise ValueError(f"cannot render a report as {fmt!r}; expected one of {REPORT_FORMATS}")
