"""Encoding detection of .txt reports: detected, recorded, never assumed."""

from __future__ import annotations

import codecs

import pytest

from ingestion import errors
from ingestion.documents.txt import decode_text, read_txt

REPORT = "一、基本情况\r\n2022年度年初预算资金812.60万元。\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(REPORT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig", id="utf-8 with a BOM"),
        pytest.param(
            codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16-le", id="utf-16 le with a BOM"
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be", id="utf-16 be with a BOM"
        ),
        pytest.param(REPORT.encode("utf-16-le"), "utf-16-le", id="utf-16 le without a BOM"),
        pytest.param(REPORT.encode("utf-16-be"), "utf-16-be", id="utf-16 be without a BOM"),
        pytest.param(REPORT.encode("gb18030"), "gb18030", id="gb18030"),
        pytest.param(REPORT.encode("gbk"), "gb18030", id="gbk read as its superset gb18030"),
    ],
)
def test_decodes_and_records_the_encoding(data: bytes, encoding: str) -> None:
    document = read_txt(data)
    assert document.encoding == encoding
    assert document.text == "一、基本情况\n2022年度年初预算资金812.60万元。\n"


def test_newlines_are_normalised() -> None:
    text, _ = decode_text("甲\r乙\r\n丙".encode())
    assert text.replace("\r\n", "\n").replace("\r", "\n") == "甲\n乙\n丙"
    assert "\r" not in read_txt("甲\r乙\r\n丙".encode()).text


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 8, id="every byte value"),
        pytest.param(b"\x00\x01\x02\x03\x04\x05" * 100, id="control bytes"),
        pytest.param(codecs.BOM_UTF8 + b"\xff\xfe\xfa", id="broken utf-8 after a BOM"),
    ],
)
def test_binary_junk_is_rejected_as_undecodable(data: bytes) -> None:
    with pytest.raises(errors.DocumentRejected) as caught:
        read_txt(data)
    assert caught.value.reason == errors.UNDECODABLE
