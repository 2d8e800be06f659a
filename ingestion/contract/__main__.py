"""``python -m ingestion.contract``: rewrite the line-item seed; ``--schema``: print the JSON schema."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ingestion.contract.schema import generated_schema
from ingestion.contract.vocabulary import line_items_csv

SEED = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "line_items.csv"

parser = argparse.ArgumentParser(prog="python -m ingestion.contract", description=__doc__)
parser.add_argument("--schema", action="store_true", help="print the generated JSON schema instead")
if parser.parse_args().schema:
    print(json.dumps(generated_schema(), ensure_ascii=False, indent=2))
else:
    SEED.write_text(line_items_csv(), encoding="utf-8")
    print(f"wrote {SEED}")
