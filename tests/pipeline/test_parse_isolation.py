"""One document the parser raises on is quarantined as parser_error in the real parse step; the
others parse, the summary lists it, a rerun leaves it alone and a new parser version retries it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from ingestion import errors
from ingestion.landing import iter_ledger
from ingestion.pipeline import steps
from ingestion.pipeline.summary import build_summary, render_text
from ingestion.settings import Settings, load_settings

SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"
MARKER = "本行触发解析器缺陷"  # a line of our own that makes the patched step raise


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (../shared absent)")
    folder = tmp_path / "drop"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    for seed in seeds:
        shutil.copyfile(seed, folder / seed.name)
    (folder / "trap.txt").write_bytes(seeds[0].read_bytes() + f"\n{MARKER}\n".encode())
    return folder


def _patch_parser(monkeypatch: pytest.MonkeyPatch, calls: Path) -> None:
    """Masking (the parser's first, un-isolated step) raises on the marked document.

    Each call leaves a file in ``calls``: the workers are other processes.
    """
    from ingestion.parsing import report

    real = report.mask_document

    def mask(document: Any) -> Any:
        (calls / document.text[:40].encode().hex()[:60]).touch()
        if MARKER in document.text:
            raise KeyError("a fact family the parser did not expect")
        return real(document)

    monkeypatch.setattr(report, "mask_document", mask)


def _by_name(settings: Settings) -> dict[str, dict[str, Any]]:
    return {str(row["source_uri"]).rsplit("/", 1)[1]: row for row in iter_ledger(settings)}


def test_a_parser_exception_quarantines_one_document_and_the_run_goes_on(
    tmp_path: Path, drop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(tmp_path / "home")
    calls = tmp_path / "calls"
    calls.mkdir()
    _patch_parser(monkeypatch, calls)
    steps.collect(settings, "run-1", str(drop))
    first = steps.parse(settings, "run-1")

    rows = _by_name(settings)
    assert {name: row["status"] for name, row in rows.items()} == {
        **{seed: "parsed" for seed in rows if seed != "trap.txt"}, "trap.txt": "quarantined",
    }  # fmt: skip
    trap = rows["trap.txt"]
    assert trap["status_reason"] == errors.PARSER_ERROR
    (item,) = first["quarantined"]
    assert (item["name"], item["reason"]) == ("trap.txt", errors.PARSER_ERROR)
    assert "KeyError" in item["message"] and f"(parser {first['parser_version']})" in item["message"]
    reason_file = settings.quarantine_dir / errors.PARSER_ERROR / f"{trap['document_sha256']}.txt.reason.txt"
    assert "KeyError" in reason_file.read_text(encoding="utf-8")
    assert "trap.txt: parser_error (trap.txt: KeyError" in render_text(build_summary(settings, "run-1"))

    shutil.rmtree(calls)
    calls.mkdir()
    again = steps.parse(settings, "run-2")
    assert (again["parsed"], again["quarantined"], again["up_to_date"]) == (0, [], 4)
    assert list(calls.iterdir()) == []  # nothing was read again, the trap included

    monkeypatch.setattr("ingestion.parsing.version.PARSER_VERSION", "99.0.0")
    bumped = steps.parse(settings, "run-3")
    assert (bumped["parsed"], [q["name"] for q in bumped["quarantined"]]) == (3, ["trap.txt"])
    assert _by_name(settings)["trap.txt"]["parser_version"] == "99.0.0"
