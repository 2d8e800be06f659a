"""The expected-documents registry: what the YAML may say, and a clear error for what it may not."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.expected import RegistryError, load_registry
from ingestion.settings import PROJECT_ROOT


def _registry(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "expected.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_registry_loads() -> None:
    registry = load_registry(PROJECT_ROOT / "config" / "expected_documents.yml")
    assert {rule.report_kind for rule in registry.rules if rule.is_carried_forward} == {
        "overall_expenditure", "key_projects", "final_accounts",
    }  # fmt: skip
    assert registry.expected_rows()


def test_units_kinds_and_year_ranges_expand_to_one_row_per_expected_report(tmp_path: Path) -> None:
    path = _registry(tmp_path, """
due: {default: "06-30", final_accounts: "08-31"}
units:
  - unit_name: 甲局
    division_code: "430203"
    kinds: [overall_expenditure, final_accounts]
    years: "2021-2022"
  - {unit_name: 乙局, kinds: [key_projects], years: [2020, 2024]}
""")  # fmt: skip
    registry = load_registry(path)
    assert registry.expected_rows() == [
        ("甲局", "430203", "overall_expenditure", 2021),
        ("甲局", "430203", "overall_expenditure", 2022),
        ("甲局", "430203", "final_accounts", 2021),
        ("甲局", "430203", "final_accounts", 2022),
        ("乙局", None, "key_projects", 2020),
        ("乙局", None, "key_projects", 2024),
    ]
    due = {rule.report_kind: (rule.due_month, rule.due_day) for rule in registry.rules}
    assert due == {
        "overall_expenditure": (6, 30), "project_expenditure": (6, 30),
        "key_projects": (6, 30), "final_accounts": (8, 31),
    }  # fmt: skip


def test_a_missing_file_expects_no_listed_unit(tmp_path: Path) -> None:
    registry = load_registry(tmp_path / "absent.yml")
    assert registry.expected_rows() == [] and not any(rule.is_carried_forward for rule in registry.rules)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "units: [{kinds: [overall_expenditure], years: 2021}]", "has no unit_name", id="no unit"
        ),
        pytest.param(
            "units: [{unit_name: 甲局, kinds: [budget], years: 2021}]", "kinds ['budget']", id="unknown kind"
        ),
        pytest.param(
            "units: [{unit_name: 甲局, division_code: '4302', kinds: [key_projects], years: 2021}]",
            "is not six digits",
            id="short division code",
        ),
        pytest.param(
            "units: [{unit_name: 甲局, kinds: [key_projects], years: 'soon'}]", "use 2021", id="bad years"
        ),
        pytest.param("due: {default: '9/30'}", "is not MM-DD", id="bad due date"),
        pytest.param("carry_forward_kinds: [everything]", "unknown report kinds", id="unknown carried kind"),
        pytest.param("- just a list", "expected a mapping", id="not a mapping"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(
        RegistryError, match=f"expected.yml: .*{message}".replace("[", r"\[").replace("]", r"\]")
    ):
        load_registry(_registry(tmp_path, text))
