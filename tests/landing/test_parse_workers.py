"""The parse worker pool: a document that overruns, eats memory, kills its worker or makes the
parser raise is set aside with its reason, and the other documents go on in fresh workers."""

from __future__ import annotations

import json
import os
import signal
import time
from collections import deque
from pathlib import Path
from typing import Any

import pytest

from ingestion import errors
from ingestion.landing import parse_document
from ingestion.landing.parse_document import ParseJob
from ingestion.landing.parse_workers import ParseLimits, run_jobs


def _misbehaving(job: ParseJob) -> dict[str, Any]:
    """Stands in for reading + parsing: each job's name says what goes wrong with it."""
    if job.name == "slow":
        time.sleep(60)
    if job.name == "greedy":
        hog = bytearray(3 * 1024**3)  # over the 512 MiB cap: MemoryError under RLIMIT_AS
        return {"len": len(hog)}
    if job.name == "crash":
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would
    if job.name == "raises":
        raise ValueError("heading ① is not a number")
    started = time.time()
    if job.name.startswith("nap"):
        time.sleep(0.5)
    return {"name": job.name, "pid": os.getpid(), "started": started, "ended": time.time()}


def _run(names: list[str], limits: ParseLimits, monkeypatch: pytest.MonkeyPatch, out: Path) -> dict[str, Any]:
    """Each job's outcome, with the extraction its worker wrote when it parsed."""
    monkeypatch.setattr(parse_document, "extract", _misbehaving)
    jobs = [
        ParseJob(f"{i:064d}", name, "/nowhere", 1, str(out / f"{i}.json")) for i, name in enumerate(names)
    ]
    return {
        job.name: (outcome, json.loads(Path(job.extraction_path).read_text()) if outcome.parsed else None)
        for job, outcome in run_jobs(jobs, limits)
    }


def test_each_failure_is_set_aside_with_its_reason_and_the_rest_goes_on(monkeypatch, tmp_path: Path) -> None:
    names = ["first", "slow", "greedy", "crash", "raises", "after-1", "after-2", "after-3"]
    results = _run(names, ParseLimits(workers=2, memory_mb=512, timeout_s=2), monkeypatch, tmp_path)
    outcomes = {name: outcome for name, (outcome, _) in results.items()}
    reasons = {name: outcome.reason for name, outcome in outcomes.items()}
    assert reasons == {
        "first": None, "slow": errors.TIMEOUT, "greedy": errors.TOO_LARGE, "crash": errors.TOO_LARGE,
        "raises": errors.PARSER_ERROR, "after-1": None, "after-2": None, "after-3": None,
    }  # fmt: skip
    assert "SIGKILL" in outcomes["crash"].message
    assert "ValueError: heading ① is not a number" in outcomes["raises"].message
    assert "(parser " in outcomes["raises"].message
    assert all(results[name][1]["pid"] != os.getpid() for name in ("first", "after-3"))


def test_two_workers_parse_side_by_side(monkeypatch, tmp_path: Path) -> None:
    results = _run([f"nap-{index}" for index in range(4)], ParseLimits(2, 512, 30), monkeypatch, tmp_path)
    naps = [extraction for _, extraction in results.values()]
    assert len({nap["pid"] for nap in naps}) == 2
    # Two naps were under way at once (checked by their own clocks, not by a wall-time bound).
    assert any(
        a["started"] < b["ended"] and b["started"] < a["ended"] for a in naps for b in naps if a is not b
    )


def test_a_worker_killed_while_idle_is_replaced_before_its_next_document(monkeypatch, tmp_path: Path) -> None:
    from ingestion.landing import parse_workers

    monkeypatch.setattr(parse_document, "extract", _misbehaving)
    limits = ParseLimits(1, 512, 30)
    idle = parse_workers._start(limits.memory_mb)
    idle.process.kill()
    idle.process.join()
    job = ParseJob("0" * 64, "after-kill", "/nowhere", 1, str(tmp_path / "0.json"))
    worker = parse_workers._assign(idle, deque([job]), limits)
    try:
        assert worker is not idle and worker.process.is_alive()
        assert worker.conn.recv().parsed
    finally:
        parse_workers._stop(worker)


def test_a_worker_whose_resident_memory_grows_past_the_cap_is_stopped(monkeypatch, tmp_path: Path) -> None:
    """The address-space cap switched off, as reused memory of a large parent would escape it."""
    from ingestion.landing import parse_workers

    def hog(job: ParseJob) -> dict[str, Any]:
        held = []
        for _ in range(12):  # 600 MB if nobody stops it
            held.append(b"x" * (50 * 1024 * 1024))
            time.sleep(0.05)
        return {"held": len(held)}

    monkeypatch.setattr(parse_workers, "cap_address_space", lambda extra_bytes: None)
    monkeypatch.setattr(parse_document, "extract", hog)
    job = ParseJob("0" * 64, "hog", "/nowhere", 1, str(tmp_path / "0.json"))
    ((_, outcome),) = run_jobs([job], ParseLimits(1, 100, 60))
    assert (outcome.reason, "resident memory grew past the 100 MiB cap" in (outcome.message or "")) == (
        errors.TOO_LARGE,
        True,
    )


@pytest.mark.parametrize(
    ("names", "charged"),
    [
        pytest.param(["slow", "waiting"], {"slow": errors.TIMEOUT}, id="behind a timeout"),
        pytest.param(["crash", "waiting"], {"crash": errors.TOO_LARGE}, id="behind a crash"),
        pytest.param(["first", "crash", "waiting"], {"crash": errors.TOO_LARGE}, id="died after answering"),
    ],
)
def test_the_document_a_stopped_worker_held_next_is_parsed_not_charged(
    monkeypatch, tmp_path: Path, names: list[str], charged: dict[str, str]
) -> None:
    # One worker holds two documents (the one it parses and the next): the next is given back.
    results = _run(names, ParseLimits(workers=1, memory_mb=512, timeout_s=2), monkeypatch, tmp_path)
    assert {name: outcome.reason for name, (outcome, _) in results.items()} == {
        name: charged.get(name) for name in names
    }


def test_the_largest_files_are_parsed_first(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(parse_document, "extract", _misbehaving)
    jobs = []
    for index, size in enumerate((10, 3000, 200)):
        stored = tmp_path / f"object-{index}"
        stored.write_bytes(b"x" * size)
        extraction = str(tmp_path / f"{index}.json")
        jobs.append(ParseJob(f"{index:064d}", f"size-{size}", str(stored), size, extraction))
    order = [job.name for job, _ in run_jobs(jobs, ParseLimits(workers=1, memory_mb=512, timeout_s=30))]
    assert order == ["size-3000", "size-200", "size-10"]
