"""Is a document a report at all? The one place that decides ``NOT_A_REPORT``.

Portals also serve pages that talk about reports without being one: a column page listing
report titles with their posting dates, a notice, an empty shell. Such a page has report
words (its link titles say 绩效自评报告) but no report in it: no figures (no 万元 amount, no
percentage), no table, no section of its own; or it is mostly lines stamped with a posting
date; or, on a web page, mostly links (the reader counts them: ``Document.page_links``).
Either way the document is set aside with ``NOT_A_REPORT`` instead of yielding a "report"
built from link titles. The same rules hold for every format.

Two checks, both run by ``parse_report`` (so ``python -m ingestion parse`` and the pipeline
always agree): ``reject_if_not_a_report`` before anything is extracted (inside
``extract_report``), and ``reject_if_nothing_found`` after: no amount, no indicator and no report
kind found.
"""

from __future__ import annotations

import re

from ingestion import errors
from ingestion.contract import ReportExtraction
from ingestion.documents.model import Document, PageLinks, Paragraph, Table
from ingestion.parsing.preamble import DATE
from ingestion.parsing.sections import Section

# A report speaks of budgets or performance; a page without any of these words is not one.
_REPORT_WORDS = re.compile(r"绩效|预算|决算|支出|资金|经费")
# Text already folded to ASCII digits (``fold``).
_FIGURE = re.compile(r"\d\s*(?:万元|元|%)")
# A listing line: a link title followed (or preceded) by its posting date.
_DATE_STAMPED = re.compile(rf"{DATE}\s*[)）\]】]?\s*$|^\s*[\[【(（]?\s*{DATE}")
_MIN_LISTING_LINES = 3
# Section headings a listing never has; link lines may look like bare headings (…情况).
_NUMBERED_SECTIONS = 2
_MIN_LISTING_LINKS = 3
# Characters of text outside links and dates that an index page may still carry (a pager,
# "共1页", a column title); a report has far more.
_MAX_LISTING_PROSE_CHARS = 200
# A line of prose: sentences, longer than a link title runs.
_MIN_PROSE_CHARS = 80
_SENTENCE_END = re.compile(r"[。；]")


def _date_stamped_share(paragraphs: list[Paragraph]) -> tuple[int, float]:
    stamped = sum(1 for p in paragraphs if _DATE_STAMPED.search(p.text))
    return stamped, stamped / len(paragraphs) if paragraphs else 0.0


def _is_prose(text: str) -> bool:
    return len(text) >= _MIN_PROSE_CHARS and _SENTENCE_END.search(text) is not None


def _is_listing_page(links: PageLinks | None) -> bool:
    if links is None or links.links < _MIN_LISTING_LINKS:
        return False
    return links.prose_chars < _MAX_LISTING_PROSE_CHARS and links.link_chars > links.prose_chars


def reject_if_not_a_report(document: Document, folded_text: str, sections: list[Section], name: str) -> None:
    """Raise ``DocumentRejected(NOT_A_REPORT)`` for a page that holds no report."""
    if _is_listing_page(document.page_links):
        assert document.page_links is not None
        raise errors.DocumentRejected(
            errors.NOT_A_REPORT, f"{name}: a listing page: {document.page_links.links} links, no report text"
        )
    if not folded_text.strip():
        raise errors.DocumentRejected(errors.NOT_A_REPORT, "the document has no text")
    if not _REPORT_WORDS.search(folded_text):
        raise errors.DocumentRejected(errors.NOT_A_REPORT, "the text names no budget or performance terms")
    has_table = any(isinstance(block, Table) for block in document.blocks)
    numbered = sum(1 for section in sections if section.level is not None)
    if has_table or numbered >= _NUMBERED_SECTIONS:
        return
    paragraphs = list(document.paragraphs())
    stamped, share = _date_stamped_share(paragraphs)
    # A short report may lack figures; a listing is recognised by its dated links as well. A
    # paragraph of prose (a report's opening, cut before its figures) is no link title.
    if stamped >= _MIN_LISTING_LINES and (
        share >= 0.5 or not (_FIGURE.search(folded_text) or any(_is_prose(p.text) for p in paragraphs))
    ):
        raise errors.DocumentRejected(
            errors.NOT_A_REPORT,
            f"{stamped} of {len(paragraphs)} lines are dated links and there is no table or "
            "numbered section: a listing page, not a report",
        )


def reject_if_nothing_found(extraction: ReportExtraction, name: str) -> None:
    """Raise ``DocumentRejected(NOT_A_REPORT)`` when the extraction states no amount, no indicator
    and no report kind: whatever the document is, it is not a report the warehouse can use."""
    no_amounts = all(value is None for value in extraction.amounts_wan.model_dump().values())
    if no_amounts and not extraction.indicators and extraction.report.kind == "unknown":
        raise errors.DocumentRejected(
            errors.NOT_A_REPORT, f"{name}: no amounts, no indicators and no report kind found"
        )
