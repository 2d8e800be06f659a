"""Pinyin readings a mirror site injected after characters (snippets invented)."""

from __future__ import annotations

import pytest

from ingestion.parsing import extract_report
from ingestion.parsing.readings import without_readings
from tests.parsing.conftest import document_of

MIRRORED = (
    "來源:青禾縣林業(yè)局\n"
    "青禾縣林業(yè)局護(hù)林員補(bǔ)助資金2023年度績(jī)效自評(píng)報(bào)告\n"
    "一、基本情況(kuàng)\n"
    "根據(jù)通知,下達(dá)我局46.5萬元,用於護林員勞務補助。整體績(jī)效自評(píng)分數(shù)為91分。\n"
)


def test_a_mirrored_report_reads_as_the_report() -> None:
    result = extract_report(document_of(MIRRORED), path="x.txt", sha256="0" * 64).as_json()
    assert result["report"]["kind"] == "project_expenditure"
    assert result["report"]["fiscal_year"] == 2023
    assert result["amounts_wan"]["budget_full_year"] == "46.5"
    assert result["self_score"] == 91
    assert result["source"]["chars"] == len(MIRRORED)


def test_evidence_is_cited_as_the_mirror_writes_it() -> None:
    result = extract_report(document_of(MIRRORED), path="x.txt", sha256="0" * 64).as_json()
    for cited in result["evidence"].values():
        assert MIRRORED[cited["start"] : cited["end"]] == cited["text"]
    assert "(dá)" in result["evidence"]["/amounts_wan/budget_full_year"]["text"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("某局(本級)2023年度決算\n單位:萬元(2023年度)\n", id="ordinary brackets"),
        pytest.param("某局績(jī)效自評\n", id="a single stray reading"),
        pytest.param("某局 (lǜ) 2023年度 (fēn) 報告 (jī)\n", id="readings not after a character"),
    ],
)
def test_what_is_no_injection_is_left_alone(text: str) -> None:
    document = document_of(text)
    assert without_readings(document)[0] is document
