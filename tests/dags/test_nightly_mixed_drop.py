"""A drop as portals really deliver it, through the real nightly DAG (``dag.test()``).

The project's generator writes reports in every format (one format each: the same report in two
formats is one report, and only one of them would stay current), a duplicate (the same bytes
under another name), a corrected re-publication and a dozen broken files. After one nightly run
the good documents are in the published marts, each broken file is quarantined with the reason
the generator intended, the duplicate is one document, the older publication is superseded
but kept in the ledger, and every 自评表 attachment is linked to its main report (status attached).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingestion.settings import Settings, load_settings
from sample_drop.drop import DropOptions, write_drop

pytestmark = pytest.mark.slow
SIZE_LIMIT = 256 * 1024  # small, so the generator's "oversized" file stays cheap to write


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _expected_reason(broken: dict[str, Any]) -> str:
    # The generator's fake .doc is only recognisable as corrupt when LibreOffice can try it.
    if shutil.which("soffice") and "reason_with_converter" in broken:
        return str(broken["reason_with_converter"])
    return str(broken["reason"])


@pytest.fixture(scope="module")
def mixed_drop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("mixed") / "drop"
    options = DropOptions(
        out=out,
        reports=6,
        years=[2021, 2022, 2023],
        formats=["txt", "docx", "pdf", "html", "xlsx"],
        seed=11,
        broken=12,
        oversize_bytes=SIZE_LIMIT,
    )
    return out, write_drop(options)


def _attachments(manifest: dict[str, Any], drop: Path) -> set[str]:
    """The .xlsx 自评表 attachments the generator wrote beside their reports."""
    return {_sha256(drop / d["file"]) for d in manifest["documents"] if d["format"] == "xlsx"}


def _published(settings: Settings) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    bi_copy = settings.published_dir / "current" / "budget_marts.duckdb"
    connection.execute("attach ? as bi (read_only)", [str(bi_copy)])
    connection.execute("use bi.marts")
    return connection


def test_a_mixed_drop_loads_good_documents_and_quarantines_broken_ones(
    mixed_drop: tuple[Path, dict[str, Any]],
    dagbag: Any,
    airflow_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drop, manifest = mixed_drop
    settings = load_settings(tmp_path / "bpw")
    monkeypatch.setenv("BPW_HOME", str(settings.home))
    monkeypatch.setenv("BPW_MAX_DOCUMENT_BYTES", str(SIZE_LIMIT))

    run = dagbag.dags["budget_reports_nightly"].test(run_conf={"drop": str(drop), "fiscal_year": None})
    failed = {ti.task_id: ti.state for ti in run.get_task_instances() if ti.state != "success"}
    assert (run.state, failed) == ("success", {})

    quarantined = {_sha256(drop / b["file"]): _expected_reason(b) for b in manifest["broken"]}
    good = {_sha256(drop / d["file"]) for d in manifest["documents"]}
    renamed_copies = {_sha256(drop / d["file"]) for d in manifest["duplicates"]}
    assert renamed_copies <= good, "a duplicate has the bytes of a listed document"
    ((old, new),) = [(_sha256(drop / r["old"]), _sha256(drop / r["new"])) for r in manifest["republications"]]

    with _published(settings) as marts:
        ledger = {
            sha: (status, reason)
            for sha, status, reason in marts.execute(
                "select document_sha256, status, status_reason from fct_document_ledger"
            ).fetchall()
        }
        # The same bytes twice are one document: one ledger row per distinct content.
        assert set(ledger) == good | set(quarantined)
        assert {sha: ledger[sha] for sha in quarantined} == {
            sha: ("quarantined", reason) for sha, reason in quarantined.items()
        }
        attachments = _attachments(manifest, drop)
        assert attachments, "the drop should hold 自评表 attachments"
        assert ledger[old][0] == "superseded"
        assert {sha: ledger[sha][0] for sha in attachments} == dict.fromkeys(attachments, "attached")
        assert {ledger[sha][0] for sha in good - attachments - {old}} == {"parsed"}

        reports = dict(marts.execute("select report_id, is_current from dim_report").fetchall())
        assert set(reports) == good
        assert reports[old] is False and reports[new] is True
        (superseded_by,) = marts.execute(
            "select superseded_by_report_id from dim_report where report_id = ?", [old]
        ).fetchone()
        assert superseded_by == new

        facts = marts.execute("select distinct report_id from fct_expenditure").fetchall()
        in_facts = {sha for (sha,) in facts}
        assert old not in in_facts and in_facts <= good
