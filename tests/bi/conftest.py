"""One generated drop and the five seeds, each run through the whole pipeline once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from drop_truth import SEEDS

from ingestion.pipeline import run_pipeline
from ingestion.settings import Settings, load_settings
from sample_drop.drop import DropOptions, write_drop


@pytest.fixture(scope="session")
def generated_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Settings]:
    """A drop with every format, xlsx attachments, a duplicate and a re-publication, published."""
    drop = tmp_path_factory.mktemp("bi-drop")
    write_drop(
        DropOptions(
            out=drop, reports=18, years=[2021, 2022, 2023], formats=["txt", "docx", "pdf", "html", "xlsx"],
            seed=5, broken=2, progress_every=0,
        )
    )  # fmt: skip
    settings = load_settings(tmp_path_factory.mktemp("bi-home"))
    run_pipeline(settings, str(drop), run_id="bi-run", echo=False)
    return drop, settings


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (../shared absent)")
    settings = load_settings(tmp_path_factory.mktemp("bi-seeds-home"))
    run_pipeline(settings, str(SEEDS), run_id="bi-seeds", echo=False)
    return settings
