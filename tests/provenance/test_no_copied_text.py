"""No text of the seed reports or of the real corpus pages is copied into the project.

Tests, docstrings, the generator and docs write their own snippets; this scan keeps it so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.provenance.copied_text import copied_runs, copies_in, normalized, project_files, rare_windows

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
SOURCES = [*sorted((SHARED / "seeds").glob("*.txt")), *sorted((SHARED / "corpus/real/reports").glob("*.txt"))]


@pytest.mark.skipif(not SOURCES, reason=f"seeds and corpus not found under {SHARED} (../shared absent)")
def test_no_seed_or_corpus_text_in_the_project() -> None:
    rare = rare_windows(path.read_text(encoding="utf-8") for path in SOURCES)
    copies = copies_in(project_files(ROOT), rare, ROOT)
    assert not copies, "text copied from a seed or corpus page:\n" + "\n".join(map(str, copies))


# Invented source pages: what a copy of one looks like, and what shared wording looks like.
_PAGE = "桐溪县档案馆2031年度项目支出绩效自评表。项目共计29个，财政资金4471.06万元，主要用于馆藏修复。"
_OTHER = "桐溪县水务局2031年度项目支出绩效自评表。年初预算数全年预算数全年执行数分值执行率得分。"


@pytest.mark.parametrize(
    ("project_text", "copied"),
    [
        pytest.param("# 项目共计29个，财政资金4471.06万元: a count, its money", True, id="a figure"),
        pytest.param("本馆开展自评，桐溪县档案馆2031年度", True, id="the unit and its year"),
        pytest.param("| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |", False, id="form columns"),
        pytest.param("项目支出绩效自评表", False, id="shorter than a window"),
    ],
)  # fmt: skip
def test_a_copy_is_told_from_shared_wording(project_text: str, copied: bool) -> None:
    rare = rare_windows([_PAGE, _OTHER, _PAGE.replace("档案馆", "文化馆")])
    assert bool(copied_runs(normalized(project_text), rare)) is copied


def test_figures_apart_in_the_text_stay_apart() -> None:
    assert normalized("得分：10 100% 10，金额３２６.５万元") == "得分10_100_10金额326.5万元"
