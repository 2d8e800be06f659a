"""Untrusted file names: what is refused, and the only suffix ever used in a path."""

from __future__ import annotations

import pytest

from ingestion.collect.names import safe_suffix, unsafe_name_reason


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        pytest.param("../../etc/passwd", "path_in_name", id="parent traversal"),
        pytest.param("/etc/passwd", "path_in_name", id="absolute path"),
        pytest.param("..\\..\\boot.ini", "path_in_name", id="windows traversal"),
        pytest.param("C:evil.txt", "path_in_name", id="windows drive"),
        pytest.param("..", "path_in_name", id="dot dot"),
        pytest.param("report\x00.txt", "nul_in_name", id="nul"),
        pytest.param("报" * 86, "name_too_long", id="258 utf-8 bytes"),
        pytest.param("a\nb.txt", "control_char_in_name", id="newline"),
        pytest.param("   ", "empty_name", id="blank"),
    ],
)
def test_unsafe_names_are_refused(name: str, reason: str) -> None:
    assert unsafe_name_reason(name) == reason


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("2023年度某局自评报告.docx", id="chinese name"),
        pytest.param("report..final.pdf", id="double dot inside"),
        pytest.param("报" * 85, id="255 utf-8 bytes"),
    ],
)
def test_plain_names_are_accepted(name: str) -> None:
    assert unsafe_name_reason(name) is None


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        pytest.param("报告.DOCX", ".docx", id="upper case"),
        pytest.param("x.tar/../../y", "", id="path after the dot"),
        pytest.param("x.报告", "", id="non-ascii suffix"),
        pytest.param("noext", "", id="no suffix"),
    ],
)
def test_safe_suffix(name: str, suffix: str) -> None:
    assert safe_suffix(name) == suffix
