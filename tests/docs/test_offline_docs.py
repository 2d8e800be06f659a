"""``make docs`` on a real run: the overview, GX Data Docs and dbt docs render in headless Chromium
with no request leaving the machine, and the overview's charts draw.

One generated drop through the whole pipeline (the marts the pages read are the published ones),
then ``build_docs``, then each page in Chromium watched through the DevTools protocol.
"""

from __future__ import annotations

import os

import pytest
from headless import Page, open_page

from ingestion.docs.build import BuiltDocs, build_docs
from ingestion.docs.offline import localize_site
from ingestion.docs.overview_page import SECTIONS
from ingestion.pipeline import run_pipeline
from ingestion.settings import load_settings
from sample_drop.drop import DropOptions, write_drop

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> BuiltDocs:
    root = tmp_path_factory.mktemp("docs")
    drop = root / "drop"
    write_drop(DropOptions(out=drop, reports=8, years=[2021, 2022], formats=["txt"], seed=4, broken=2,
                           progress_every=0))  # fmt: skip
    settings = load_settings(root / "bpw")
    run_pipeline(settings, str(drop), run_id="docs", echo=False)
    return build_docs(settings)


def _assert_offline(page: Page) -> None:
    assert page.requests, "the page was not loaded"
    assert page.remote_requests == []


def test_the_overview_draws_every_chart_offline(docs: BuiltDocs) -> None:
    page = open_page(
        docs.overview,
        ready="document.body && (document.body.dataset.chartsDrawn || document.body.dataset.chartError)",
        checks={
            "drawn": "document.body.dataset.chartsDrawn",
            "error": "document.body.dataset.chartError || null",
            "charts_with_marks": "document.querySelectorAll('[id^=chart-] svg .mark-rect, [id^=chart-] svg "
            ".mark-line, [id^=chart-] svg .mark-symbol').length",
            "svgs": "document.querySelectorAll('[id^=chart-] svg.marks').length",
            "not_published_rows": "document.querySelectorAll('#not-published tr').length",
        },
    )
    _assert_offline(page)
    assert page.values["error"] is None
    assert page.values["drawn"] == str(len(SECTIONS)) == str(page.values["svgs"])
    assert page.values["charts_with_marks"] >= len(SECTIONS)
    assert page.values["not_published_rows"] >= 1  # at least the header row


def test_gx_data_docs_index_fills_its_table_offline(docs: BuiltDocs) -> None:
    assert localize_site(docs.data_docs.parent) == []  # no page names a CDN any more
    table = "table.ge-index-page-validation-results-table"
    rows = f"document.querySelectorAll('{table} tbody tr[data-index]').length"
    page = open_page(
        docs.data_docs,
        ready=f"{rows} > 0",
        checks={"rows": rows, "icon_font": "getComputedStyle(document.querySelector('.fas')).fontFamily"},
    )
    _assert_offline(page)
    assert page.values["rows"] > 0  # drawn by bootstrap-table: blank without its local copy
    assert "Font Awesome" in page.values["icon_font"]


def test_dbt_docs_render_offline(docs: BuiltDocs) -> None:
    names = "Array.from(document.querySelectorAll('a')).map(a => a.textContent.replace(/\\s/g, ''))"
    page = open_page(
        docs.dbt_docs,
        ready=f"{names}.includes('fct_expected_document')",
        checks={"has_mart": f"{names}.includes('fct_expected_document')"},
    )
    _assert_offline(page)
    assert page.values["has_mart"] is True


def test_the_docs_index_links_all_three(docs: BuiltDocs) -> None:
    index = docs.index.read_text(encoding="utf-8")
    for page in (docs.overview, docs.dbt_docs, docs.data_docs):
        assert f'href="{os.path.relpath(page, docs.index.parent)}"' in index
