"""Turn one ledger row and one report-extraction/1 dict into raw-table rows (no I/O).

Amounts stay exact: the contract's decimal strings become ``Decimal``; a float in a money
field is refused rather than rounded. Each fact row ends with its lineage (parser version,
loaded-at) and the evidence of its main value, found by JSON pointer in the extraction's
``evidence`` dict. Sequence numbers are the 0-based list positions, so ``project_seq`` 3 is
``/projects/3`` in the extraction.

Rows are dicts keyed by column name; the loader checks every key against the table's columns
(``staging_schema``), so a misspelt or renamed column fails the load instead of loading NULL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

Row = dict[str, Any]

LINE_ITEMS = (
    "budget_initial", "budget_full_year", "appropriation_revenue", "appropriation_expenditure",
    "executed", "basic", "personnel", "public_funds", "household_subsidy", "capital", "project",
    "project_budget", "gov_fund", "state_capital", "social_insurance",
)  # fmt: skip
STAFF_CATEGORIES = (
    "authorized", "actual", "administrative", "institutional", "retired", "contract", "public_welfare",
)  # fmt: skip
WAN_SCALE = 6  # decimal places of DECIMAL(18,6)


def wan(value: object, field: str) -> Decimal | None:
    """A 万元 amount from the contract's decimal string; more than 6 places would be rounded: refuse."""
    if value is None:
        return None
    if isinstance(value, (bool, float)):
        raise ValueError(f"{field}: amount {value!r} is not a decimal string (floats are not exact)")
    try:
        amount = Decimal(str(value))
    except InvalidOperation as error:
        raise ValueError(f"{field}: amount {value!r} is not a decimal number") from error
    exponent = amount.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -WAN_SCALE:
        raise ValueError(f"{field}: amount {value!r} has more than {WAN_SCALE} decimal places")
    return amount


def points(value: object) -> Decimal | None:
    """A score, weight or percentage; JSON gives these as numbers, kept exact via their text."""
    if value is None:
        return None
    return Decimal(str(value))


def utc_timestamp(value: object) -> datetime | None:
    """An ISO timestamp as naive UTC (the warehouse's ``*_at`` columns are UTC without zone)."""
    if value is None or value == "":
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def calendar_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def document_row(document: dict[str, Any], loaded_at: datetime) -> Row:
    return {
        "document_sha256": document["document_sha256"],
        "source_uri": document.get("source_uri"),
        "portal": document.get("portal"),
        "format": document.get("format"),
        "size_bytes": document.get("size_bytes"),
        "collected_at": utc_timestamp(document.get("collected_at")),
        "published_date": calendar_date(document.get("published_date")),
        "listing_title": document.get("listing_title"),
        "publisher": document.get("publisher"),
        "unit_hint": document.get("unit_hint"),
        "archive_path": document.get("archive_path"),
        "status": document.get("status"),
        "status_reason": document.get("status_reason"),
        "parser_version": document.get("parser_version"),
        "loaded_at": loaded_at,
    }


class _Evidence:
    """Finds the snippet for the first of several pointers that the extraction cites."""

    def __init__(self, evidence: dict[str, Any] | None) -> None:
        self._evidence = evidence or {}

    def of(self, *pointers: str) -> dict[str, Any]:
        for pointer in pointers:
            cited = self._evidence.get(pointer)
            if cited:
                return _cited(cited.get("text"), cited.get("start"), cited.get("end"))
        return _cited(None, None, None)


def _cited(text: str | None, start: int | None, end: int | None) -> dict[str, Any]:
    return {"evidence_text": text, "evidence_start": start, "evidence_end": end}


def fact_rows(
    sha: str, extraction: dict[str, Any], parser_version: str | None, loaded_at: datetime
) -> dict[str, list[Row]]:
    """Rows for every raw fact table, keyed by table name (lineage and evidence appended)."""
    evidence = _Evidence(extraction.get("evidence"))
    lineage = {"parser_version": parser_version, "loaded_at": loaded_at}
    rows: dict[str, list[Row]] = {}

    def add(table: str, values: Row, *pointers: str) -> None:
        cited = evidence.of(*pointers) if pointers else {}
        rows.setdefault(table, []).append({"document_sha256": sha, **values, **lineage, **cited})

    report = extraction.get("report") or {}
    region = report.get("region") or {}
    add(
        "reports",
        {
            "contract": extraction.get("contract"), "kind": report.get("kind"), "title": report.get("title"),
            "unit_name": report.get("unit_name"), "province": region.get("province"),
            "city": region.get("city"), "district": region.get("district"),
            "division_code": region.get("division_code"), "fiscal_year": report.get("fiscal_year"),
            "self_score": points(extraction.get("self_score")),
            "source_format": (extraction.get("source") or {}).get("format"),
        },
        "/self_score", "/report/unit_name", "/report/title",
    )  # fmt: skip
    amounts = extraction.get("amounts_wan") or {}
    for item in LINE_ITEMS:
        amount = wan(amounts.get(item), f"/amounts_wan/{item}")
        if amount is not None:
            add("report_amounts", {"line_item": item, "amount_wan": amount}, f"/amounts_wan/{item}")
    for seq, project in enumerate(extraction.get("projects") or []):
        at = f"/projects/{seq}"
        add(
            "report_projects",
            {
                "project_seq": seq, "name": project.get("name"), "project_type": project.get("type"),
                "purpose": project.get("purpose"),
                "budget_wan": wan(project.get("budget_wan"), f"{at}/budget_wan"),
                "spent_wan": wan(project.get("spent_wan"), f"{at}/spent_wan"),
            },
            f"{at}/spent_wan", f"{at}/budget_wan", f"{at}/name",
        )  # fmt: skip
    for seq, row in enumerate(extraction.get("indicators") or []):
        at = f"/indicators/{seq}"
        add(
            "report_indicators",
            {
                "indicator_seq": seq, "level1": row.get("level1"), "level2": row.get("level2"),
                "name": row.get("name"), "target": row.get("target"), "actual": row.get("actual"),
                "weight": points(row.get("weight")), "score": points(row.get("score")),
                "note": row.get("note"),
            },
            f"{at}/actual", f"{at}/score", f"{at}/name",
        )  # fmt: skip
    execution = extraction.get("budget_execution")
    if execution:
        add(
            "report_budget_execution",
            {
                "initial_wan": wan(execution.get("initial_wan"), "/budget_execution/initial_wan"),
                "full_year_wan": wan(execution.get("full_year_wan"), "/budget_execution/full_year_wan"),
                "executed_wan": wan(execution.get("executed_wan"), "/budget_execution/executed_wan"),
                "rate_pct": points(execution.get("rate_pct")),
                "weight": points(execution.get("weight")),
                "score": points(execution.get("score")),
            },
            "/budget_execution/executed_wan", "/budget_execution/rate_pct", "/budget_execution/score",
        )  # fmt: skip
    staffing = extraction.get("staffing") or {}
    for category in STAFF_CATEGORIES:
        if staffing.get(category) is not None:
            add(
                "report_staffing",
                {"category": category, "headcount": staffing[category]},
                f"/staffing/{category}",
            )
    for seq, row in enumerate(extraction.get("cost_control") or []):
        at = f"/cost_control/{seq}"
        add(
            "report_cost_control",
            {
                "row_seq": seq, "item": row.get("item"),
                "prior_final_wan": wan(row.get("prior_final_wan"), f"{at}/prior_final_wan"),
                "budget_wan": wan(row.get("budget_wan"), f"{at}/budget_wan"),
                "final_wan": wan(row.get("final_wan"), f"{at}/final_wan"),
            },
            f"{at}/final_wan", f"{at}/budget_wan", f"{at}/item",
        )  # fmt: skip
    _add_metrics(rows, sha, extraction, evidence, lineage)
    for kind, key in (("problem", "problems"), ("measure", "measures")):
        for seq, text in enumerate(extraction.get(key) or []):
            add(
                "report_statements",
                {"statement_kind": kind, "statement_seq": seq, "statement_text": text},
                f"/{key}/{seq}",
            )
    for seq, message in enumerate(extraction.get("warnings") or []):
        add("report_warnings", {"warning_seq": seq, "message": message})
    return rows


def _add_metrics(
    rows: dict[str, list[Row]], sha: str, extraction: dict[str, Any], evidence: _Evidence, lineage: Row
) -> None:
    # A metric may carry its own evidence sentence; the pointer-keyed snippet wins when both exist.
    for seq, metric in enumerate(extraction.get("metrics") or []):
        cited = evidence.of(f"/metrics/{seq}/value", f"/metrics/{seq}/name")
        if cited["evidence_text"] is None:
            cited["evidence_text"] = metric.get("evidence")
        values = {
            "metric_seq": seq, "name": metric.get("name"), "value": metric.get("value"),
            "unit": metric.get("unit"), "qualifier": metric.get("qualifier"),
        }  # fmt: skip
        rows.setdefault("report_metrics", []).append({"document_sha256": sha, **values, **lineage, **cited})
