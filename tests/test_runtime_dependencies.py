"""The product installs and runs without the sample-drop generator's dependencies.

fpdf2 and the CJK font package sit in the ``sample`` extra (``make`` installs it for runs, tests
and benchmarks); the runtime package ``ingestion`` must not import them, nor ``sample_drop``,
except in the developer commands that time the parser on a generated drop. The image installs the
runtime requirements only, at the lock file's versions.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR_ONLY = ("fpdf", "paperang_p2_fonts_cjk", "fontTools", "sample_drop")
# Developer commands: they generate the drop they time (make bench, bench-workers, bench-pipeline).
MAY_GENERATE = {
    "ingestion/commands/bench.py",
    "ingestion/commands/bench_workers.py",
    "ingestion/commands/bench_pipeline.py",
}


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_the_runtime_package_does_not_import_the_generator_or_its_dependencies() -> None:
    offending = {
        path.relative_to(ROOT).as_posix(): sorted(
            name for name in _imported(path) if name.split(".")[0] in GENERATOR_ONLY
        )
        for package in ("ingestion", "expectations")
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.relative_to(ROOT).as_posix() not in MAY_GENERATE
    }
    assert {path: names for path, names in offending.items() if names} == {}


def test_the_generator_dependencies_are_an_extra_not_runtime_requirements() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"])
    assert "fpdf2" not in runtime and "paperang" not in runtime
    sample = " ".join(project["optional-dependencies"]["sample"])
    assert "fpdf2" in sample and "paperang-p2-fonts-cjk" in sample


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_image_installs_the_runtime_requirements_pinned_by_the_lock() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "-r requirements.lock" not in dockerfile, "the whole lock would bring fpdf2 and the test tools"
    assert "pip install -c requirements.lock -r /tmp/runtime-requirements.txt" in dockerfile
    runtime = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith(" ")
    }
    # A runtime requirement missing from the lock would be installed at whatever version is newest.
    assert sorted({_name(requirement) for requirement in runtime} - pinned) == []
