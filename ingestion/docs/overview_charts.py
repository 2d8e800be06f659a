"""The overview's charts as Vega-Lite specs (altair), drawn in the page by the vendored Vega.

Chart values are floats: a chart needs no exact cents, and the marts keep the exact decimals.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

KIND_NAMES = {
    "overall_expenditure": "部门整体支出",
    "project_expenditure": "项目支出",
    "key_projects": "重点项目",
    "final_accounts": "部门决算",
    "unknown": "unknown",
}


def _values(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def plain(value: Any) -> Any:
        return float(value) if isinstance(value, Decimal) else value

    return [{key: plain(value) for key, value in row.items()} for row in rows]


def chart_specs(data: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Chart id -> (title, Vega-Lite spec) for each chart of the page."""
    import altair as alt

    documents = [
        {**row, "kind": KIND_NAMES.get(row["report_kind"], row["report_kind"])} for row in data["documents"]
    ]
    charts = {
        "documents": alt.Chart(alt.Data(values=_values(documents)))
        .mark_bar()
        .encode(
            x=alt.X("fiscal_year:O", title="fiscal year"),
            y=alt.Y("sum(reports):Q", title="reports"),
            color=alt.Color("kind:N", title="kind"),
            column=alt.Column("province:N", title=None),
            tooltip=["province:N", "fiscal_year:O", "kind:N", "reports:Q"],
        )
        .properties(width=140, height=180),
        "expenditure": alt.Chart(alt.Data(values=_values(data["expenditure"])))
        .mark_line(point=True)
        .encode(
            x=alt.X("fiscal_year:O", title="fiscal year"),
            y=alt.Y("expenditure_wan:Q", title="财政拨款支出 (万元)"),
            color=alt.Color("province:N", title="province"),
            tooltip=["province:N", "fiscal_year:O", "expenditure_wan:Q"],
        )
        .properties(width=420, height=220),
        "execution": alt.Chart(alt.Data(values=_values(data["execution"])))
        .mark_line(point=True)
        .encode(
            x=alt.X("fiscal_year:O", title="fiscal year"),
            y=alt.Y("execution_rate_pct:Q", title="budget execution rate (%)", scale=alt.Scale(zero=False)),
            color=alt.Color("province:N", title="province"),
            tooltip=["province:N", "fiscal_year:O", "execution_rate_pct:Q", "reports:Q"],
        )
        .properties(width=420, height=220),
        "validation": _bars(data["validation"], "rule_id", "findings", "outcome"),
        "quarantine": _bars(data["quarantine"], "reason", "documents", None),
        "parser_versions": _bars(data["parser_versions"], "parser_version", "documents", "status"),
    }
    return {name: chart.to_dict() for name, chart in charts.items()}


def _bars(rows: list[dict[str, Any]], category: str, count: str, colour: str | None) -> Any:
    import altair as alt

    encoding: dict[str, Any] = {
        "y": alt.Y(f"{category}:N", title=None, sort="-x"),
        "x": alt.X(f"sum({count}):Q", title=count),
        "tooltip": [f"{category}:N", f"{count}:Q", *([f"{colour}:N"] if colour else [])],
    }
    if colour:
        encoding["color"] = alt.Color(f"{colour}:N", title=colour)
    return alt.Chart(alt.Data(values=_values(rows))).mark_bar().encode(**encoding).properties(width=420)
