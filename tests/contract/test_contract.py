"""The contract in code agrees with the shared schema, the dbt seed and the dbt accepted values.

Adding a line item is one field in ``ingestion/contract/vocabulary.py`` plus the regenerated seed
(``python -m ingestion.contract``): forgetting the seed fails ``test_line_item_seed...``; a seed
row without its field fails it too; both fail the schema comparison until the shared contract
says the same.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from ingestion.contract import LINE_ITEMS, PUBLISHED_KINDS, REPORT_KINDS, STAFF_CATEGORIES, ReportExtraction
from ingestion.contract.schema import generated_schema, shape
from ingestion.contract.vocabulary import line_items_csv

ROOT = Path(__file__).resolve().parents[2]
SHARED_SCHEMA = ROOT / ".." / "shared" / "contract" / "report-extraction.schema.json"
SEED = ROOT / "dbt_project" / "seeds" / "line_items.csv"


def test_the_generated_schema_has_the_shape_of_the_shared_contract() -> None:
    if not SHARED_SCHEMA.is_file():
        pytest.skip(f"the shared contract is not at {SHARED_SCHEMA.resolve()}")
    shared = json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
    assert shape(generated_schema()) == shape(shared)


def test_the_shape_sees_a_missing_line_item() -> None:
    schema = generated_schema()
    amounts = schema["$defs"]["Amounts"]
    del amounts["properties"]["social_insurance"]
    amounts["required"].remove("social_insurance")
    assert shape(schema) != shape(generated_schema())


def test_line_item_seed_is_the_one_generated_from_the_vocabulary() -> None:
    assert SEED.read_text(encoding="utf-8") == line_items_csv(), (
        "dbt_project/seeds/line_items.csv differs from the vocabulary: run `python -m ingestion.contract`"
    )
    assert [line.split(",")[0] for line in line_items_csv().splitlines()[1:]] == list(LINE_ITEMS)


def _accepted_values(path: Path, model: str, column: str) -> list[str]:
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = next(m for m in document["models"] if m["name"] == model)
    spec = next(c for c in found["columns"] if c["name"] == column)
    test = next(t for t in spec["data_tests"] if isinstance(t, dict) and "accepted_values" in t)
    values: list[str] = test["accepted_values"]["arguments"]["values"]
    return values


def test_dbt_accepts_exactly_the_report_kinds_of_the_vocabulary() -> None:
    models = ROOT / "dbt_project" / "models"
    staging = _accepted_values(models / "staging" / "_staging__models.yml", "stg_raw__reports", "report_kind")
    expected = _accepted_values(
        models / "marts" / "_marts__expected_models.yml", "fct_expected_document", "report_kind"
    )
    assert staging == list(REPORT_KINDS)
    assert expected == list(PUBLISHED_KINDS)


def _minimal(**changes: Any) -> dict[str, Any]:
    extraction: dict[str, Any] = {
        "contract": "report-extraction/1",
        "source": {"path": "a.txt", "sha256": "0" * 64, "format": "txt"},
        "report": {"kind": "unknown", "title": None, "unit_name": None,
                   "region": {"province": None, "city": None, "district": None, "division_code": None},
                   "fiscal_year": None},
        "amounts_wan": dict.fromkeys(LINE_ITEMS), "projects": [],
        "staffing": {"authorized": 3, "actual": None, "administrative": None, "institutional": None,
                     "retired": None, "contract": None, "public_welfare": None},
        "indicators": [{"level1": None, "level2": None, "name": "满意度", "target": "≥90%",
                        "actual": "95%", "weight": 10, "score": 9.5}],
        "budget_execution": None, "self_score": 95, "cost_control": [], "problems": [], "measures": [],
        "metrics": [], "evidence": {"/self_score": {"text": "自评得分95分", "start": 3, "end": 10}},
        "warnings": [],
    }  # fmt: skip
    extraction.update(changes)
    return extraction


def test_the_json_round_trips_unchanged_with_optional_keys_left_out() -> None:
    extraction = _minimal()
    assert ReportExtraction.model_validate(extraction).as_json() == extraction
    dumped = json.dumps(ReportExtraction.model_validate(extraction).as_json(), ensure_ascii=False)
    assert dumped == json.dumps(extraction, ensure_ascii=False)  # key order and 95 vs 9.5 kept


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"amounts_wan": {**dict.fromkeys(LINE_ITEMS), "basic": 1.5}}, id="a float amount"),
        pytest.param({"amounts_wan": {**dict.fromkeys(LINE_ITEMS), "basic": "1,000"}}, id="a separator"),
        pytest.param({"amounts_wan": {**dict.fromkeys(LINE_ITEMS), "bonus": None}}, id="unknown item"),
        pytest.param({"amounts_wan": dict.fromkeys(LINE_ITEMS[1:])}, id="a missing line item"),
        pytest.param({"contract": "report-extraction/2"}, id="another contract"),
    ],
)
def test_what_breaks_the_contract_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        ReportExtraction.model_validate(_minimal(**changes))


def test_the_data_model_doc_lists_the_vocabulary() -> None:
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("| line_item | line_item_name_zh | parent_line_item |") + 2
    end = lines.index("", start)
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[start:end]]
    seed = [line.split(",")[:3] for line in line_items_csv().splitlines()[1:]]
    assert rows == seed, "docs/data-model.md's line_item table differs from the vocabulary (Amounts)"
    categories = next(line for line in text.splitlines() if line.startswith("`staff_category`"))
    assert categories.rsplit(": ", 1)[1].rstrip(".").split(", ") == list(STAFF_CATEGORIES)
