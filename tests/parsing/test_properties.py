"""Any text yields a schema-valid extraction (no extractor failing) or a not-a-report rejection,
and hostile input finishes (no regex blow-up). The texts mix numerals of every kind (circled,
full-width, superscript ...), heading styles, and self-evaluation tables cut off anywhere."""

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
    # words the form, project, unit and portal readers key on
    "项目名称",
    "主管部门",
    "序号",
    "附件:1.",
    "合计",
    "下达",
    "概况",
    "以下简称",
    "实际支出",
    "来源:",
    "关于",
    "自评报告",
    "绩效评价报告",
    "即",
    "|",
]
# Numerals of every kind a heading or list may open with: circled, parenthesised, with a full
# stop, dingbats, full-width, superscript, other scripts' digits.
ODD_NUMERALS = "①②⑩⑳⑴⑵⒈⒉❶➀➊１２３０¹²٣Ⅻ㊀"
ALPHABET = st.sampled_from([*REPORT_CHARACTERS, *REPORT_WORDS, *ODD_NUMERALS])
TEXT = st.lists(ALPHABET, max_size=120).map("".join)

# Heading labels in every style, mixed in one document as real reports mix them.
HEADING_LABELS = [
    "一、",
    "（二）",
    "3、",
    "4.",
    "（5）",
    "⑥",
    "⑺",
    "⒏",
    "❾",
    "１０、",
    "第十一部分",
    "十二、",
]
HEADING_TITLES = ["基本情况", "项目支出情况", "存在的问题", "改进措施", "政府性基金预算支出情况"]
BODY_LINES = ["项目支出12.5万元。", "实有人数8人。", "无。", "自评得分92分。", "一是加强管理。"]
HEADED_TEXT = st.lists(
    st.tuples(st.sampled_from(HEADING_LABELS), st.sampled_from(HEADING_TITLES), st.sampled_from(BODY_LINES)),
    max_size=12,
).map(lambda parts: "".join(f"{label}{title}\n{body}\n" for label, title, body in parts))

# A self-evaluation table as pipe rows, cut off after any number of cells (excerpts end mid-table).
TABLE_CELLS = [
    "项目名称", "某经费", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "|\n",
    "年度资金总额", "12.5", "12.5", "12.0", "10", "96%", "9.6", "|\n", "一级指标", "二级指标", "三级指标",
    "指标值", "实际完成值", "分值", "得分", "|\n", "产出指标", "数量指标", "培训次数", "≥2次", "2次",
    "20", "20", "|\n", "总分", "100", "95",
]  # fmt: skip
TRUNCATED_TABLE = st.integers(min_value=0, max_value=len(TABLE_CELLS)).map(
    lambda cut: "某局2023年度项目支出绩效自评表\n" + " | ".join(TABLE_CELLS[:cut])
)


def _extract(text: str) -> dict:
    builder = DocumentBuilder("txt", encoding="utf-8")
    add_plain_text(builder, text)
    document = builder.build()
    result = extract_report(document, path="x.txt", sha256="0" * 64).as_json()
    for pointer, cited in result["evidence"].items():
        assert document.text[cited["start"] : cited["end"]] == cited["text"], pointer
    return result


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


def _assert_extracted_whole(text: str, schema: dict | None) -> None:
    """The text is set aside as not a report, or yields a (schema-valid) extraction in which no
    extractor failed (the isolation boundary would hide a crash as a warning, so one is a
    failure) and every piece of evidence is the document's own text at its offsets."""
    result = _extract_or_reason(text)
    if isinstance(result, str):
        assert result == errors.NOT_A_REPORT
        return
    assert result["contract"] == CONTRACT
    if schema is not None:
        jsonschema.validate(json.loads(json.dumps(result, ensure_ascii=False)), schema)
    assert not [w for w in result["warnings"] if "extractor failed" in w]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_gives_schema_valid_json(schema: dict, text: str) -> None:
    _assert_extracted_whole(text, schema)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(HEADED_TEXT, TRUNCATED_TABLE))
def test_mixed_headings_and_truncated_tables_give_schema_valid_json(schema: dict, text: str) -> None:
    _assert_extracted_whole(text, schema)


@settings(max_examples=30, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_unicode_is_extracted_or_not_a_report(text: str) -> None:
    _assert_extracted_whole(text, None)


# One text holds every pathology class in turn (digit runs, stacked qualifiers, huge cells,
# endless enumerations, score words, place names, spaced digits, wrapped lines): a regex that
# backtracks catastrophically on any of them makes this test run for hours instead of seconds.
PATHOLOGIES = (
    "1" * 1000 + "，",
    "其中" * 200 + "项目支出1万元",
    "\t" + "甲" * 500 + "\n",
    "一是" * 300 + "\n",
    "自评" + "分" * 500 + "\n",
    "天元区" * 300 + "\n",
    "1 " * 500 + "万元\n",
    "基本支出" + "甲" * 40 + "\n",
)


def test_five_megabytes_of_adversarial_text_complete() -> None:
    block = "".join(PATHOLOGIES)
    text = block * (5_000_000 // len(block))
    result = _extract(text)
    assert result["source"]["chars"] >= 4_500_000
