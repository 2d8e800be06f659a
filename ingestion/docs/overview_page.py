"""The overview page: one static HTML file, charts drawn offline by the vendored Vega 6.

What arrived (documents by province, year and kind), what it says (expenditure and budget
execution by region and year), how good it is (validation outcomes, quarantine reasons, parser
versions) and what is missing (expected reports not yet published).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from ingestion.docs.overview_charts import KIND_NAMES, chart_specs

SECTIONS = (
    ("documents", "Documents by province, fiscal year and kind", "Current reports in the published marts."),
    (
        "expenditure",
        "Expenditure by region and year",
        "财政拨款支出 stated in the reports, summed per province.",
    ),
    ("execution", "Budget execution rate by region and year", "Mean execution rate of the self-evaluations."),
    ("validation", "Validation outcomes", "Findings of the latest validation run, per rule."),
    ("quarantine", "Quarantine reasons", "Documents set aside, by reason."),
    ("parser_versions", "Parser version coverage", "Documents per parser version that last handled them."),
)
VEGA = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
# Draws every chart as SVG; the body's data attributes tell a test (or a person) how it went.
DRAW_SCRIPT = """
const specs = JSON.parse(document.getElementById("chart-specs").textContent);
Promise.all(Object.entries(specs).map(
  ([name, spec]) => vegaEmbed("#chart-" + name, spec, {renderer: "svg", actions: false})
)).then(() => { document.body.dataset.chartsDrawn = String(Object.keys(specs).length); })
  .catch((error) => { document.body.dataset.chartError = String(error); });
"""
STYLE = """
body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
section { margin-bottom: 2.5em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; }
.note { color: #666; } table { border-collapse: collapse; font-size: 90%; }
td, th { border: 1px solid #ddd; padding: .25em .6em; text-align: left; }
.overdue { color: #b00; } .links a { margin-right: 1.5em; }
"""


def write_overview(
    path: Path, data: dict[str, list[dict[str, Any]]], vendor_href: str, links: dict[str, str]
) -> Path:
    """Write the page to ``path``; ``vendor_href`` is where docs_assets/vendor is and ``links``
    (title -> href) the other pages, both relative to it."""
    specs = json.dumps(chart_specs(data), ensure_ascii=False).replace("</", "<\\/")
    scripts = "\n".join(f'<script src="{vendor_href}/vega6/{name}"></script>' for name in VEGA)
    sections = "\n".join(
        f'<section><h2>{escape(title)}</h2><p class="note">{escape(note)}</p>'
        f'<div id="chart-{name}"></div></section>'
        for name, title, note in SECTIONS
    )
    anchors = "".join(f'<a href="{escape(href)}">{escape(title)}</a>' for title, href in links.items())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Budget-performance warehouse: overview</title>
<style>{STYLE}</style>{scripts}</head>
<body>
<h1>Budget-performance warehouse: overview</h1>
<p class="note">Built {datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")} from the published marts.</p>
<p class="links">{anchors}</p>
{sections}
<section><h2>Not yet published</h2>
<p class="note">Expected reports (registry or earlier years) with nothing published: overdue first.</p>
{_not_published_table(data["not_published"])}</section>
<script type="application/json" id="chart-specs">{specs}</script>
<script>{DRAW_SCRIPT}</script>
</body></html>
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def _not_published_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "<p>Every expected report has been published.</p>"
    header = "".join(
        f"<th>{name}</th>"
        for name in ("unit", "province", "division", "fiscal year", "kind", "due", "status", "in registry")
    )
    body = "\n".join(
        f'<tr class="{escape(row["publication_status"])}">'
        f"<td>{escape(str(row['unit_name'] or ''))}</td><td>{escape(str(row['province']))}</td>"
        f"<td>{escape(str(row['division_code'] or ''))}</td><td>{row['fiscal_year']}</td>"
        f"<td>{escape(KIND_NAMES.get(row['report_kind'], row['report_kind']))}</td><td>{row['due_date']}</td>"
        f"<td>{escape(row['publication_status'])}</td><td>{'yes' if row['is_in_registry'] else ''}</td></tr>"
        for row in rows
    )
    return f'<table id="not-published"><tr>{header}</tr>\n{body}</table>'
