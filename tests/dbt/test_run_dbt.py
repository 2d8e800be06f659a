"""run_dbt's outcomes: dbt that cannot run raises, failing tests come back as failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.settings import Settings, load_settings
from ingestion.warehouse import connect, load_documents
from ingestion.warehouse.dbt import DbtInvocationError, dbt_environment, run_dbt


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "home")


def test_an_unknown_command_raises(settings: Settings) -> None:
    with pytest.raises(DbtInvocationError, match="could not run"):
        run_dbt(settings, ["no-such-command"])


def test_an_unknown_target_is_refused(settings: Settings) -> None:
    with pytest.raises(ValueError, match="unknown dbt target 'snowflake'"):
        run_dbt(settings, ["build"], target="snowflake")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        pytest.param("duckdb", {"BPW_WAREHOUSE_PATH": "warehouse/warehouse.duckdb"}, id="duckdb file path"),
        pytest.param(
            "postgres",
            {
                "BPW_POSTGRES_HOST": "127.0.0.1",
                "BPW_POSTGRES_PORT": "5432",
                "BPW_POSTGRES_USER": "postgres",
                "BPW_POSTGRES_DBNAME": "postgres",
                "BPW_POSTGRES_SCHEMA_PREFIX": "bpw",
            },
            id="postgres dsn split for profiles.yml",
        ),
    ],
)
def test_environment_for_profiles(settings: Settings, target: str, expected: dict[str, str]) -> None:
    env = dbt_environment(settings, target)
    for key, value in expected.items():
        assert env[key].endswith(value) if key == "BPW_WAREHOUSE_PATH" else env[key] == value
    assert env["DBT_TARGET_PATH"].startswith(str(settings.home))


@pytest.mark.slow
def test_a_broken_grain_is_reported_as_a_failure(settings: Settings) -> None:
    sha = "c" * 64
    document = {"document_sha256": sha, "status": "parsed", "parser_version": "t"}
    with connect(settings) as warehouse:
        load_documents(warehouse, [document], {})
        # A second ledger row for the same document: what the loader must never write.
        warehouse.execute("insert into raw.documents (document_sha256, status) values (?, 'parsed')", [sha])
    result = run_dbt(settings, ["build", "--select", "stg_raw__documents"])
    assert not result.success
    assert [failure.unique_id.rsplit(".", 1)[0] for failure in result.failures] == [
        "test.bpw.unique_stg_raw__documents_document_sha256"
    ]
    assert "Got 1 result" in result.failures[0].message
