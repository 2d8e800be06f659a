"""Fuzz: the seed reports and generated reports, mangled as portals and editors mangle them
(lines deleted and doubled, tabs and spaces swapped, circled and full-width numerals, stray CJK,
very long lines), never make ``extract_report`` raise, and always give a schema-valid extraction
in which no extractor failed (or a not-a-report verdict when too little is left).

The suite runs a small fixed budget; ``make fuzz`` raises it through ``BPW_FUZZ_EXAMPLES``.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.parsing.test_properties import _assert_extracted_whole, schema  # noqa: F401 (fixture)

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
EXAMPLES = int(os.environ.get("BPW_FUZZ_EXAMPLES", "25"))
MINUTES = float(os.environ.get("BPW_FUZZ_MINUTES", "0"))  # make fuzz: keep going this long
GENERATED_REPORTS = 6
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
TO_FULL_WIDTH = str.maketrans("0123456789.%()", "０１２３４５６７８９．％（）")
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


@cache
def base_texts() -> tuple[str, ...]:
    """The seeds (when ../shared is there) and a few generated reports, as text."""
    from ingestion.generate.plan import plan_portals, plan_reports
    from ingestion.generate.render_txt import render_txt

    rng = random.Random(11)
    planned = plan_reports(rng, plan_portals(rng, GENERATED_REPORTS), GENERATED_REPORTS, [2022, 2023],
                           ["txt"], every_format=False, broken_sum_share=0.2)  # fmt: skip
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return (*seeds, *(render_txt(report.doc).decode("utf-8") for report in planned))


def _circled(lines: list[str], at: int, draw: st.DrawFn) -> None:
    """The line's heading numeral (Arabic or Chinese) becomes a circled one, ① .. ⑳."""
    stripped = lines[at].lstrip("0123456789一二三四五六七八九十、.．（）() ")
    lines[at] = CIRCLED[draw(st.integers(0, len(CIRCLED) - 1))] + stripped


def _swap_cells(lines: list[str], at: int, draw: st.DrawFn) -> None:
    """Two cells of a tab- or pipe-separated row change places."""
    cells = lines[at].replace("|", "\t").split("\t")
    first, second = draw(st.integers(0, len(cells) - 1)), draw(st.integers(0, len(cells) - 1))
    cells[first], cells[second] = cells[second], cells[first]
    lines[at] = "\t".join(cells)


def _set(lines: list[str], at: int, line: str) -> None:
    lines[at] = line


# Each mutation changes ``lines`` in place at line ``at``.
MUTATIONS: dict[str, Callable[[list[str], int, st.DrawFn], None]] = {
    "delete": lambda lines, at, draw: lines.__delitem__(at),
    "double": lambda lines, at, draw: lines.insert(at, lines[at]),
    "tabs": lambda lines, at, draw: _set(lines, at, lines[at].replace(" ", "\t").replace("|", "\t")),
    "untab": lambda lines, at, draw: _set(lines, at, lines[at].replace("\t", " " * draw(st.integers(0, 3)))),
    "swap": _swap_cells,
    "circled": _circled,
    "full-width": lambda lines, at, draw: _set(lines, at, lines[at].translate(TO_FULL_WIDTH)),
    "cjk": lambda lines, at, draw: lines.insert(at, draw(st.text(CJK, min_size=1, max_size=40))),
    "long": lambda lines, at, draw: _set(lines, at, lines[at] * draw(st.integers(20, 200))),
}


@st.composite
def mangled_report(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(base_texts())).splitlines()
    for _ in range(draw(st.integers(1, 12))):
        if lines:
            MUTATIONS[draw(st.sampled_from(sorted(MUTATIONS)))](
                lines, draw(st.integers(0, len(lines) - 1)), draw
            )
    return "\n".join(lines) + "\n"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mangled_report())
def _fuzz_round(contract_schema: dict, text: str) -> None:
    _assert_extracted_whole(text, contract_schema)


def test_mangled_reports_never_break_the_parser(schema: dict) -> None:  # noqa: F811
    """One round of ``EXAMPLES``; with ``BPW_FUZZ_MINUTES``, rounds until that time is up."""
    started = time.monotonic()
    rounds = 0
    while True:
        _fuzz_round(schema)
        rounds += 1
        if time.monotonic() - started >= MINUTES * 60:
            break
    if MINUTES:
        minutes = (time.monotonic() - started) / 60
        print(f"\nfuzz: {rounds} rounds x {EXAMPLES} examples in {minutes:.1f} min, no failure")
