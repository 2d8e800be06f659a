"""docker-compose.yml against the Compose Specification's JSON schema, plus what Airflow 3.3 needs.

No Docker engine runs here, so the schema is the check. It comes from the check-jsonschema
package (a dev dependency), which ships the compose-spec schema under its MIT/Apache terms:
nothing is fetched at test time and nothing is copied into this repository.
"""

from __future__ import annotations

import copy
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
AIRFLOW_SERVICES = ("api-server", "scheduler", "dag-processor", "triggerer", "airflow-init")
CELERY_SERVICES = ("redis", "celery-worker", "flower")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    pytest.importorskip(
        "check_jsonschema", reason="check-jsonschema (dev dependency) ships the compose schema"
    )
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    schema = json.loads(vendor.joinpath("compose-spec.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def test_compose_file_follows_the_compose_specification(compose: dict, validator: Any) -> None:
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(compose)]
    assert errors == []


@pytest.mark.parametrize(
    ("path", "bad_value"),
    [
        pytest.param(("services", "scheduler", "depends_on"), 42, id="depends_on is a number"),
        pytest.param(("services", "postgres", "healthcheck", "interval"), ["10s"], id="interval is a list"),
        pytest.param(("services", "api-server", "unknown_key"), "x", id="unknown service key"),
    ],
)
def test_the_schema_rejects_a_broken_compose_file(
    compose: dict, validator: Any, path: tuple[str, ...], bad_value: object
) -> None:
    broken = copy.deepcopy(compose)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad_value
    assert list(validator.iter_errors(broken)) != []


def test_every_airflow_3_service_and_postgres_exist(compose: dict) -> None:
    assert set(compose["services"]) >= {*AIRFLOW_SERVICES, "postgres"}


@pytest.mark.parametrize("service", AIRFLOW_SERVICES)
def test_airflow_services_share_one_configuration(compose: dict, service: str) -> None:
    definition = compose["services"][service]
    environment = definition["environment"]
    assert environment["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False"
    # LocalExecutor unless .env picks the CeleryExecutor (with the profile celery).
    assert environment["AIRFLOW__CORE__EXECUTOR"] == "${BPW_AIRFLOW_EXECUTOR:-LocalExecutor}"
    assert environment["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg2://")
    # Both secrets come from .env (compose fails to start when they are missing), never inline.
    for secret in ("AIRFLOW__API_AUTH__JWT_SECRET", "AIRFLOW__CORE__FERNET_KEY"):
        assert re.fullmatch(rf"\$\{{{secret}:\?[^}}]+\}}", environment[secret])
    assert definition["env_file"] == ".env"
    assert definition["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_airflow_init_migrates_and_creates_the_pools(compose: dict) -> None:
    command = " ".join(compose["services"]["airflow-init"]["command"])
    assert "airflow db migrate" in command
    assert "airflow pools import /opt/bpw/dags/pools.json" in command


def test_env_example_lists_every_variable_the_compose_file_reads(compose: dict) -> None:
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    # `$${X}` is the container's own variable, escaped from compose.
    used = set(re.findall(r"(?<!\$)\$\{([A-Z0-9_]+)", text))
    listed = set(re.findall(r"^([A-Z0-9_]+)=", (REPO / ".env.example").read_text(encoding="utf-8"), re.M))
    assert used - listed == set()
    assert {"BPW_HOME", "BPW_WAREHOUSE_TARGET", "BPW_POSTGRES_DSN", "BPW_DROP"} <= listed


@pytest.mark.parametrize("service", AIRFLOW_SERVICES)
def test_published_marts_reach_the_host(compose: dict, service: str) -> None:
    volumes = compose["services"][service]["volumes"]
    assert "${BPW_PUBLISHED_HOST_DIR:-./var/published}:/opt/bpw/var/published" in volumes
    assert compose["services"][service]["environment"]["BPW_HOME"] == "/opt/bpw/var"


def test_bi_tools_on_the_host_reach_the_warehouse_on_postgres(compose: dict) -> None:
    assert "${BPW_POSTGRES_HOST_PORT:-5432}:5432" in compose["services"]["postgres"]["ports"]
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    for variable in ("BPW_WAREHOUSE_TARGET", "BPW_POSTGRES_READER_ROLE", "BPW_POSTGRES_BI_SCHEMA"):
        assert re.search(rf"^{variable}=", example, re.MULTILINE), variable


def _in_profile(compose: dict, profile: str | None) -> set[str]:
    """The services `docker compose` starts with ``profile`` active (None: no profile)."""
    return {
        name for name, service in compose["services"].items()
        if not service.get("profiles") or profile in service["profiles"]
    }  # fmt: skip


def test_the_celery_profile_adds_a_broker_workers_and_flower_and_nothing_else(compose: dict) -> None:
    assert _in_profile(compose, None) == {*AIRFLOW_SERVICES, "postgres"}
    assert _in_profile(compose, "celery") == {*AIRFLOW_SERVICES, "postgres", *CELERY_SERVICES}


def test_celery_workers_scale_and_share_the_archive_and_the_configuration(compose: dict) -> None:
    worker = compose["services"]["celery-worker"]
    assert worker["command"] == ["airflow", "celery", "worker"]
    # `--scale celery-worker=N` needs no fixed container name and no host port.
    assert "container_name" not in worker and "ports" not in worker
    # The archive, extractions and run records live in BPW_HOME: one volume shared by every worker.
    assert "bpw-var:/opt/bpw/var" in worker["volumes"]
    scheduler = compose["services"]["scheduler"]["environment"]
    for key in ("AIRFLOW__CORE__EXECUTOR", "AIRFLOW__CELERY__BROKER_URL", "AIRFLOW__API_AUTH__JWT_SECRET"):
        assert worker["environment"][key] == scheduler[key], key
    assert scheduler["AIRFLOW__CELERY__BROKER_URL"] == "redis://redis:6379/0"
    assert scheduler["AIRFLOW__CELERY__RESULT_BACKEND"].startswith("db+postgresql://")
    depends = worker["depends_on"]
    assert {depends[s]["condition"] for s in ("redis", "postgres", "api-server")} == {"service_healthy"}
    # The scheduler waits for the broker only when the profile is on.
    assert compose["services"]["scheduler"]["depends_on"]["redis"] == {
        "condition": "service_healthy", "required": False,
    }  # fmt: skip
    assert "redis-cli" in compose["services"]["redis"]["healthcheck"]["test"]
