"""A hostile drop through the whole pipeline: ``python -m ingestion run`` in its own process.

The drop holds generated good reports and the generator's broken files, plus every hostile case
of issue 8: a heading numbered with a circled numeral, a name that is not UTF-8, a docx whose zip
directory lies about a 2 GiB part, a PDF whose stream inflates to 1 GiB, a symlinked sidecar, a
symlinked document, names that try to leave the drop, an oversized file. The run must publish,
with every good report loaded, every hostile or broken file set aside with its own reason, the
summary and the exit status saying so, and the run's memory (its whole process tree, sampled,
and the kernel's high-water mark of its largest process) under 1 GiB.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import psutil
import pytest

from ingestion import errors
from ingestion.generate.drop import DropOptions, write_drop
from ingestion.landing import iter_ledger
from ingestion.landing.archive import Archive
from ingestion.landing.ledger import iter_records
from ingestion.settings import load_settings
from tests.documents.test_hostile_sizes import bomb_pdf, lying_docx

pytestmark = pytest.mark.slow
GIB = 1024**3
# Over the lying docx and the PDF bomb (~2 MB, refused for what they inflate to, not their size),
# under the generator's oversized file.
SIZE_LIMIT = 3 * 1024 * 1024
CIRCLED = "①部\n".encode()  # issue 8's reproduction: int('①') raised in the section outline
NON_UTF8 = b"\xb1\xa8\xb8\xe6.txt"  # 报告.txt in GB2312
LOADED = {"parsed", "attached", "superseded"}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _expected_reason(broken: dict[str, Any]) -> str:
    # The generator's fake .doc is only recognisable as corrupt when LibreOffice can try it.
    if shutil.which("soffice") and "reason_with_converter" in broken:
        return str(broken["reason_with_converter"])
    return str(broken["reason"])


def _write_hostile_drop(root: Path) -> tuple[Path, dict[str, Any]]:
    """Generated reports and broken files, then every hostile case; returns what each should become."""
    drop, outside = root / "drop", root / "outside"
    outside.mkdir()
    options = DropOptions(out=drop, reports=6, years=[2022, 2023], formats=["txt", "docx", "pdf", "html"],
                          seed=23, broken=12, oversize_bytes=SIZE_LIMIT)  # fmt: skip
    manifest = write_drop(options)

    def sha(entry: dict[str, Any]) -> str:
        return _sha256((drop / entry["file"]).read_bytes())

    expected: dict[str, Any] = {
        "good": {sha(document) for document in manifest["documents"]},
        "quarantined": {sha(broken): _expected_reason(broken) for broken in manifest["broken"]},
    }
    hostile = drop / "hostile-portal"
    hostile.mkdir()
    (hostile / "circled.txt").write_bytes(CIRCLED)

    # A good report under a name whose bytes are not UTF-8 (it must load like any other), and a
    # good report whose sidecar is a link out of the drop (it loads; the sidecar is not read).
    txt, other = [d for d in manifest["documents"] if d["format"] == "txt"][:2]
    os.rename(drop / txt["file"], os.fsencode(drop / txt["file"]).rsplit(b"/", 1)[0] + b"/" + NON_UTF8)
    sidecar = drop / f"{other['file']}.meta.json"
    sidecar.unlink(missing_ok=True)
    (outside / "planted.meta.json").write_text('{"title": "PLANTED TITLE", "unit": "PLANTED UNIT"}', "utf-8")
    sidecar.symlink_to(outside / "planted.meta.json")
    (outside / "secret.txt").write_bytes(b"outside the drop")
    (hostile / "linked.txt").symlink_to(outside / "secret.txt")
    expected["not_collected"] = {sidecar.name: "sidecar: symbolic link not followed",
                                 "linked.txt": "symbolic link not followed"}  # fmt: skip

    expected["refused_names"] = {}
    for name in ("..\\..\\x.txt", "..\\escape.docx"):
        (hostile / name).write_bytes(f"a name that leaves the drop: {name}".encode())
        expected["refused_names"][repr(name)] = "path_in_name"

    # A zip whose directory says 1,000 bytes for a 2 GiB part (it disagrees with itself: corrupt),
    # and a PDF whose 1 MB stream inflates to 1 GiB (past the budget: unsafe). Both read in bounded chunks.
    (hostile / "lying.docx").write_bytes(lying_docx())
    (hostile / "bomb.pdf").write_bytes(bomb_pdf())
    expected["quarantined"][_sha256(lying_docx())] = errors.CORRUPT
    expected["quarantined"][_sha256(bomb_pdf())] = errors.UNSAFE
    return drop, expected


def _run_measured(command: list[str], env: dict[str, str], log: Path) -> tuple[int, int, int, str]:
    """Run ``command``: (exit status, the largest RSS summed over its process tree as sampled, the
    kernel's peak RSS of the largest process among it and the children it reaped, its output)."""
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        root, peak, done = psutil.Process(process.pid), 0, threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                try:
                    tree = [root, *root.children(recursive=True)]
                    peak = max(peak, sum(member.memory_info().rss for member in tree))
                except psutil.Error:
                    pass  # a worker ended between the listing and the measuring
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    return process.returncode, peak, usage.ru_maxrss * 1024, log.read_text("utf-8", errors="replace")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("hostile")
    drop, expected = _write_hostile_drop(root)
    home = root / "bpw"
    env = {key: value for key, value in os.environ.items() if not key.startswith("BPW_")}
    env.update(BPW_HOME=str(home), BPW_MAX_DOCUMENT_BYTES=str(SIZE_LIMIT))
    command = [sys.executable, "-m", "ingestion", "run", "--drop", str(drop), "--run-id", "hostile"]
    status, peak, kernel_peak, output = _run_measured(command, env, root / "run.log")
    summary_file = home / "runs" / "hostile" / "summary.json"
    summary = json.loads(summary_file.read_text("utf-8")) if summary_file.exists() else {}
    return {"expected": expected, "settings": load_settings(home), "status": status, "peak": peak,
            "kernel_peak": kernel_peak, "output": output, "summary": summary}  # fmt: skip


def _published_ledger(run: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    bi_copy = run["settings"].published_dir / "current" / "budget_marts.duckdb"
    with duckdb.connect() as connection:
        connection.execute("attach ? as bi (read_only)", [str(bi_copy)])
        rows = connection.execute(
            "select document_sha256, status, status_reason from bi.marts.fct_document_ledger"
        )
        return {sha: (status, reason) for sha, status, reason in rows.fetchall()}


def test_the_run_publishes_and_its_exit_status_and_summary_say_so(run: dict[str, Any]) -> None:
    assert run["status"] == 0, run["output"][-4000:]
    assert run["summary"]["status"] == "published"
    assert "Traceback" not in run["output"]
    assert "Run hostile: published" in run["output"]


def test_the_runs_memory_stays_under_one_gib(run: dict[str, Any]) -> None:
    assert run["peak"] < GIB, f"the run's processes together peaked at {run['peak'] / GIB:.2f} GiB"
    assert run["kernel_peak"] < GIB, f"its largest process peaked at {run['kernel_peak'] / GIB:.2f} GiB"


def test_every_good_report_is_loaded(run: dict[str, Any]) -> None:
    ledger = _published_ledger(run)
    assert {
        sha: ledger.get(sha, ("missing", None))[0] in LOADED for sha in run["expected"]["good"]
    } == dict.fromkeys(run["expected"]["good"], True)
    assert run["summary"]["documents"]["loaded_reports"] >= len(run["expected"]["good"])


def test_every_broken_or_hostile_document_is_quarantined_with_its_own_reason(run: dict[str, Any]) -> None:
    ledger, expected = _published_ledger(run), run["expected"]
    assert {sha: ledger.get(sha) for sha in expected["quarantined"]} == {
        sha: ("quarantined", reason) for sha, reason in expected["quarantined"].items()
    }
    # The circled numeral: read now (not a report), or the exception isolated to this one document.
    circled = ledger[_sha256(CIRCLED)]
    assert circled in {("quarantined", errors.NOT_A_REPORT), ("quarantined", errors.PARSER_ERROR)}
    reasons = Counter([*expected["quarantined"].values(), circled[1]])
    assert run["summary"]["documents"]["quarantined_by_reason"] == dict(sorted(reasons.items()))


def test_a_name_that_is_not_utf8_lands_escaped_and_loads(run: dict[str, Any]) -> None:
    records = iter_records(Archive(run["settings"].archive_dir))
    escaped = "\\xb1\\xa8\\xb8\\xe6.txt"  # the bytes that are not UTF-8 spelled \xNN
    [record] = [r for r in records if any(seen["name"] == escaped for seen in r["sightings"])]
    assert record["status"] == "parsed" and record["document_sha256"] in run["expected"]["good"]


def test_links_are_not_followed_and_each_refusal_is_in_the_summary(run: dict[str, Any]) -> None:
    not_collected = {
        uri.rsplit("/", 1)[1]: reason for uri, reason in run["summary"]["documents"]["skipped_in_drop"]
    }
    assert not_collected == run["expected"]["not_collected"]
    assert not [
        row for row in iter_ledger(run["settings"]) if "PLANTED" in json.dumps(row, ensure_ascii=False)
    ]
    assert _sha256(b"outside the drop") not in _published_ledger(run)
    assert "not collected" in run["output"] and "symbolic link not followed" in run["output"]


def test_names_that_leave_the_drop_are_quarantined_with_their_reason(run: dict[str, Any]) -> None:
    assert dict(run["summary"]["documents"]["rejected_names"]) == run["expected"]["refused_names"]
    kept = sorted(p.name for p in (run["settings"].quarantine_dir / "path_in_name").iterdir())
    assert len(kept) == 4, "each refused file's bytes and its .reason.txt"
    assert "refused name" in run["output"]


def test_the_oversized_file_is_stored_once(run: dict[str, Any]) -> None:
    archive = Archive(run["settings"].archive_dir)
    copies = [p for p in (run["settings"].quarantine_dir / "oversized").iterdir() if "reason" not in p.name]
    assert copies, "the generator's oversized file is quarantined"
    for copy in copies:
        assert copy.stat().st_ino == archive.object_path(copy.name.split(".")[0]).stat().st_ino
