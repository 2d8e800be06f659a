"""The contract's vocabularies, declared once: line items, staff categories, report kinds, formats.

A line item is a field of ``Amounts`` (the ``amounts_wan`` object): its Chinese name, its parent
line item and its display order are declared beside it, and ``LINE_ITEMS``, the dbt seed
``dbt_project/seeds/line_items.csv`` and the JSON schema all come from that one declaration.
Staff categories are the fields of ``Staffing``. Adding a line item is one field here plus the
regenerated seed (``python -m ingestion.contract``); ``tests/contract`` fails if either is missing.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

ReportKind = Literal[
    "overall_expenditure", "project_expenditure", "key_projects", "final_accounts", "unknown"
]
REPORT_KINDS: tuple[ReportKind, ...] = get_args(ReportKind)
# The kinds a unit is expected to publish (config/expected_documents.yml): every kind but unknown.
PUBLISHED_KINDS: tuple[ReportKind, ...] = tuple(kind for kind in REPORT_KINDS if kind != "unknown")
DocumentFormat = Literal["txt", "docx", "doc", "pdf", "html", "xlsx", "xls"]

# An amount in 万元 as the report states it: a decimal string, never a float (exact end to end).
WAN_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
Wan = Annotated[str | None, Field(pattern=WAN_PATTERN)]


class Frozen(BaseModel):
    """A contract value: immutable, and a key the contract does not know is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def line_item(name_zh: str, parent: str | None = None) -> Any:
    """A line item's field: required (null when the report does not state it)."""
    extra: JsonDict = {"line_item_name_zh": name_zh, "parent_line_item": parent}
    return Field(description=name_zh, json_schema_extra=extra)


class Amounts(Frozen):
    """``amounts_wan``: the unit's budget and expenditure figures, one field per line item, in order."""

    budget_initial: Wan = line_item("年初预算")
    budget_full_year: Wan = line_item("全年预算")
    appropriation_revenue: Wan = line_item("财政拨款收入")
    appropriation_expenditure: Wan = line_item("财政拨款支出")
    executed: Wan = line_item("执行数")
    basic: Wan = line_item("基本支出", parent="appropriation_expenditure")
    personnel: Wan = line_item("人员经费", parent="basic")
    public_funds: Wan = line_item("公用经费", parent="basic")
    household_subsidy: Wan = line_item("对个人和家庭补助", parent="basic")
    capital: Wan = line_item("资本性支出", parent="basic")
    project: Wan = line_item("项目支出", parent="appropriation_expenditure")
    project_budget: Wan = line_item("项目预算")
    gov_fund: Wan = line_item("政府性基金预算支出")
    state_capital: Wan = line_item("国有资本经营预算支出")
    social_insurance: Wan = line_item("社会保险基金预算支出")


def staff_category(name_zh: str) -> Any:
    return Field(description=name_zh)


class Staffing(Frozen):
    """``staffing``: head counts, one field per staff category."""

    authorized: int | None = staff_category("编制数")
    actual: int | None = staff_category("实有人数")
    administrative: int | None = staff_category("行政编制")
    institutional: int | None = staff_category("事业编制")
    retired: int | None = staff_category("退休人员")
    contract: int | None = staff_category("编外聘用人员")
    public_welfare: int | None = staff_category("公益性岗位人员")


LINE_ITEMS: tuple[str, ...] = tuple(Amounts.model_fields)


def parts_of(parent: str) -> tuple[str, ...]:
    """The line items that break ``parent`` down (basic: personnel, public_funds ...)."""
    return tuple(
        name
        for name, field in Amounts.model_fields.items()
        if isinstance(field.json_schema_extra, dict) and field.json_schema_extra["parent_line_item"] == parent
    )


STAFF_CATEGORIES: tuple[str, ...] = tuple(Staffing.model_fields)


def line_items_csv() -> str:
    """The dbt seed ``line_items.csv``, as generated from ``Amounts``."""
    lines = ["line_item,line_item_name_zh,parent_line_item,display_order"]
    for order, (name, field) in enumerate(Amounts.model_fields.items(), start=1):
        extra = field.json_schema_extra
        assert isinstance(extra, dict)
        lines.append(f"{name},{extra['line_item_name_zh']},{extra['parent_line_item'] or ''},{order}")
    return "\n".join(lines) + "\n"
