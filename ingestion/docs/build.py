"""``make docs``: dbt docs (static), GX Data Docs and the overview, all readable with no network.

Everything goes under ``BPW_HOME/docs`` (the GX site stays where validation writes it and is
linked): ``index.html`` links the three. dbt docs are generated against the warehouse (the
catalog needs it): when a run is writing DuckDB, dbt waits for it and then gives up.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from ingestion.docs.offline import copy_vendor_assets
from ingestion.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuiltDocs:
    index: Path
    overview: Path
    dbt_docs: Path
    data_docs: Path


def docs_dir(settings: Settings) -> Path:
    return settings.home / "docs"


def build_docs(settings: Settings) -> BuiltDocs:
    """Raises FileNotFoundError before building anything when nothing was published yet."""
    from ingestion.docs.overview_data import overview_data

    data = overview_data(settings)
    target = docs_dir(settings)
    copy_vendor_assets(target / "assets" / "vendor")
    dbt_docs = _dbt_docs(settings, target / "dbt" / "index.html")
    data_docs = _data_docs(settings)
    links = {
        "Overview": "overview.html",
        "dbt docs (models, columns, lineage)": "dbt/index.html",
        "GX Data Docs (validation results)": os.path.relpath(data_docs, target),
    }
    overview = _overview(data, target / "overview.html", links)
    index = target / "index.html"
    items = "".join(f'<li><a href="{escape(href)}">{escape(title)}</a></li>' for title, href in links.items())
    index.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Warehouse docs</title></head>'
        f"<body><h1>Budget-performance warehouse: docs</h1><ul>{items}</ul></body></html>\n",
        encoding="utf-8",
    )
    return BuiltDocs(index=index, overview=overview, dbt_docs=dbt_docs, data_docs=data_docs)


def _dbt_docs(settings: Settings, page: Path) -> Path:
    """``dbt docs generate --static``: one self-contained HTML file (manifest and catalog inside)."""
    from ingestion.warehouse.dbt import run_dbt

    result = run_dbt(settings, ["docs", "generate", "--static"], target=settings.warehouse_target)
    if not result.success:
        raise RuntimeError(f"dbt docs generate failed: {result.failures[:3]}")
    page.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(settings.home / "dbt" / "target" / "static_index.html", page)
    log.info("docs: dbt docs -> %s", page)
    return page


def _data_docs(settings: Settings) -> Path:
    from expectations.gx_project import GxProject

    index = GxProject(settings.validation_dir).build_docs()
    log.info("docs: GX Data Docs -> %s", index)
    return index


def _overview(data: dict[str, list[dict[str, Any]]], page: Path, links: dict[str, str]) -> Path:
    from ingestion.docs.overview_page import write_overview

    links = {title: href for title, href in links.items() if href != page.name}
    write_overview(page, data, "assets/vendor", links)
    log.info("docs: overview -> %s", page)
    return page
