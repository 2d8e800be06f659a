"""Per-document progress: rate and ETA, a bar on a terminal, one log line per step elsewhere."""

from __future__ import annotations

import logging

import pytest

from ingestion import progress as progress_module
from ingestion.progress import Progress, track


def test_without_a_terminal_a_step_logs_one_line_when_it_ends(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="ingestion.progress")
    for _ in track(range(250), "parse", total=250):
        pass
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 1
    assert lines[0].startswith("parse: 250/250 documents in ")
    assert "/s)" in lines[0] and "ETA" not in lines[0]


def test_a_long_step_logs_rate_and_eta_on_the_way(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="ingestion.progress")
    monkeypatch.setattr(progress_module, "LINE_EVERY_S", 0.0)
    steps = Progress("load_staging", bar=False)
    steps.set_total(4)
    steps.advance()
    steps.advance()
    steps.close("written")
    lines = [record.getMessage() for record in caplog.records]
    assert lines[0].startswith("load_staging: 1/4 documents in ") and "ETA" in lines[0]
    assert lines[1].startswith("load_staging: 2/4 documents in ") and "ETA" in lines[1]
    assert lines[2].startswith("load_staging: 2/4 documents in ") and lines[2].endswith(": written")


def test_on_a_terminal_the_bar_shows_rate_and_eta_and_the_log_gets_only_the_end(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="ingestion.progress")
    monkeypatch.setattr(progress_module, "LINE_EVERY_S", 0.0)
    steps = Progress("collect", total=3, bar=True)
    for _ in range(3):
        steps.advance()
    steps.close()
    drawn = capsys.readouterr().err
    assert "collect: 100%" in drawn and "3/3" in drawn and "doc/s" in drawn
    assert [record.getMessage()[:29] for record in caplog.records] == ["collect: 3/3 documents in 0.0"]


def test_an_unknown_total_counts_without_an_eta() -> None:
    steps = Progress("collect", bar=False)
    steps.advance(7)
    assert steps.describe().startswith("7 documents in ") and "ETA" not in steps.describe()
