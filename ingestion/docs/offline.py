"""Make an HTML site render with no network: CDN links become links to vendored local copies.

GX Data Docs pull jQuery, Bootstrap, bootstrap-table, Font Awesome and Vega from CDNs; offline
their index page is blank (its tables are drawn by bootstrap-table). ``localize_site`` copies
``docs_assets/vendor`` into the site and points every page at it. Rerunning is harmless.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ingestion.settings import PROJECT_ROOT

VENDOR_DIR = PROJECT_ROOT / "docs_assets" / "vendor"

_CDNJS = "https://cdnjs.cloudflare.com/ajax/libs"
_TABLE = "https://unpkg.com/bootstrap-table@1.19.1/dist"
_FILTER = "extensions/filter-control/bootstrap-table-filter-control"
_TABLE_1190 = _TABLE.replace("1.19.1", "1.19.0")
_DATEPICKER = f"{_CDNJS}/bootstrap-datepicker/1.9.0"
# Every CDN URL the GX 1.24 templates use -> its copy under docs_assets/vendor.
CDN_COPIES = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/jquery.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap/bootstrap.min.js",
    f"{_CDNJS}/popper.js/1.12.9/umd/popper.min.js": "popper/popper.min.js",
    f"{_TABLE}/bootstrap-table.min.css": "bootstrap-table/bootstrap-table.min.css",
    f"{_TABLE}/bootstrap-table.min.js": "bootstrap-table/bootstrap-table.min.js",
    f"{_TABLE_1190}/{_FILTER}.css": "bootstrap-table/bootstrap-table-filter-control.min.css",
    f"{_TABLE_1190}/{_FILTER}.min.css": "bootstrap-table/bootstrap-table-filter-control.min.css",
    f"{_TABLE}/{_FILTER}.min.js": "bootstrap-table/bootstrap-table-filter-control.min.js",
    f"{_DATEPICKER}/css/bootstrap-datepicker.min.css": "bootstrap-datepicker/bootstrap-datepicker.min.css",
    f"{_DATEPICKER}/js/bootstrap-datepicker.min.js": "bootstrap-datepicker/bootstrap-datepicker.min.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": (
        "bootstrap-dark/bootstrap-prefers-dark.min.css"
    ),
    f"{_CDNJS}/font-awesome/6.6.0/css/all.min.css": "fontawesome/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/vega@5": "vega/vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega/vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega/vega-embed.min.js",
}
# GX's logo comes from its web-assets bucket with the data context's id in the query string;
# the site has the same image under static/images.
_GX_IMAGE = re.compile(
    r'src="https://great-expectations-web-assets\.s3\.[a-z0-9-]+\.amazonaws\.com/([\w.-]+)(?:\?[^"]*)?"'
)
# Subresource integrity and CORS mode make a file:// page refuse its own local copy.
_INTEGRITY = re.compile(r'\s+(?:integrity|crossorigin)="[^"]*"')
# Anything a page would still fetch from elsewhere (links to other sites are fine: not fetched).
_REMOTE_LOAD = re.compile(
    r'<(?:script|img|iframe)\b[^>]*\bsrc="https?://[^"]*"|<link\b[^>]*\bhref="https?://[^"]*"'
)


def copy_vendor_assets(target: Path) -> None:
    """The vendored files under ``target`` (replaced when they changed)."""
    shutil.copytree(VENDOR_DIR, target, dirs_exist_ok=True)


def localize_page(html: str, static_href: str) -> str:
    """``html`` with each known CDN URL replaced by ``static_href/vendor/<copy>`` and GX's
    remote images by ``static_href/images/<name>``."""
    for url, copy in CDN_COPIES.items():
        html = html.replace(f'"{url}"', f'"{static_href}/vendor/{copy}"')
    html = _GX_IMAGE.sub(lambda match: f'src="{static_href}/images/{match.group(1)}"', html)
    return _INTEGRITY.sub("", html)


def localize_site(site: Path) -> list[str]:
    """Copy the vendored assets into ``site/static/vendor`` and rewrite every page; returns what
    still loads from the network (``page: tag``), which should be nothing."""
    static = site / "static"
    copy_vendor_assets(static / "vendor")
    remote = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        localized = localize_page(html, os.path.relpath(static, page.parent))
        if localized != html:
            page.write_text(localized, encoding="utf-8")
        found = _REMOTE_LOAD.finditer(localized)
        remote += [f"{page.relative_to(site)}: {match.group(0)[:120]}" for match in found]
    return remote
