"""Any text yields a schema-valid extraction or a not-a-report rejection, and hostile input
finishes (no regex blow-up)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingestion import errors
from ingestion.documents.model import DocumentBuilder
from ingestion.documents.plaintext import add_plain_text
from ingestion.parsing import extract_report
from ingestion.parsing.report import CONTRACT

SCHEMA_PATH = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "contract" / "report-extraction.schema.json"
)
# Characters reports are made of, so generated text exercises the extractors, not just decoding.
NUMBERING_AND_DIGITS = "一二三四五六七八九十、（）()：:，。；\t\n 0123456789.%"
REPORT_CHARACTERS = NUMBERING_AND_DIGITS + "万元亿年度人个项目支出基本预算财政拨款收入编制实有无其中"
REPORT_WORDS = [
    "项目支出",
    "基本支出",
    "万元",
    "财政拨款支出",
    "年初预算",
    "政府性基金预算支出情况",
    "存在的问题",
    "一是",
]
ALPHABET = st.sampled_from([*REPORT_CHARACTERS, *REPORT_WORDS])
TEXT = st.lists(ALPHABET, max_size=120).map("".join)


def _extract(text: str) -> dict:
    builder = DocumentBuilder("txt", encoding="utf-8")
    add_plain_text(builder, text)
    return extract_report(builder.build(), path="x.txt", sha256="0" * 64)


def _extract_or_reason(text: str) -> dict | str:
    """The extraction, or the reason code when the text is set aside as not a report."""
    try:
        return _extract(text)
    except errors.DocumentRejected as rejected:
        return rejected.reason


@pytest.fixture(scope="module")
def schema() -> dict:
    if not SCHEMA_PATH.exists():
        pytest.skip(f"the contract schema is not at {SCHEMA_PATH.resolve()} (../shared of the repo)")
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_gives_schema_valid_json(schema: dict, text: str) -> None:
    result = _extract_or_reason(text)
    if isinstance(result, str):
        assert result == errors.NOT_A_REPORT
        return
    jsonschema.validate(json.loads(json.dumps(result, ensure_ascii=False)), schema)


@settings(max_examples=30, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_unicode_is_extracted_or_not_a_report(text: str) -> None:
    result = _extract_or_reason(text)
    assert result == errors.NOT_A_REPORT if isinstance(result, str) else result["contract"] == CONTRACT


# One text holds every pathology class in turn (digit runs, stacked qualifiers, huge cells,
# endless enumerations, score words, place names, spaced digits, wrapped lines): a regex that
# backtracks catastrophically on any of them makes this test run for hours instead of seconds.
PATHOLOGIES = (
    "1" * 1000 + "，",
    "其中" * 200 + "项目支出1万元",
    "\t" + "甲" * 500 + "\n",
    "一是" * 300 + "\n",
    "自评" + "分" * 500 + "\n",
    "芦淞区" * 300 + "\n",
    "1 " * 500 + "万元\n",
    "基本支出" + "甲" * 40 + "\n",
)


def test_five_megabytes_of_adversarial_text_complete() -> None:
    block = "".join(PATHOLOGIES)
    text = block * (5_000_000 // len(block))
    result = _extract(text)
    assert result["source"]["chars"] >= 4_500_000
