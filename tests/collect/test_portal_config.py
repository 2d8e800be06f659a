"""The crawl config: the shipped example loads, mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ingestion.collect.portal_config import PortalConfigError, load_portal_configs

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "portals.yml"
VALID = {"slug": "p1", "listing_url": "https://portal.example/list.html", "article_link_pattern": "/art/"}


def test_shipped_example_config_loads() -> None:
    configs = load_portal_configs(EXAMPLE)
    assert configs and all(config.rate_limit_seconds >= 1 for config in configs)


def test_defaults_apply_unless_a_portal_overrides_them(tmp_path: Path) -> None:
    path = tmp_path / "p.yml"
    path.write_text(
        yaml.safe_dump(
            {
                "defaults": {"retries": 5, "max_pages": 3},
                "portals": [VALID, {**VALID, "slug": "p2", "max_pages": 7}],
            }
        )
    )
    first, second = load_portal_configs(path)
    assert (first.retries, first.max_pages, second.retries, second.max_pages) == (5, 3, 5, 7)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"slug": "Bad Slug"}, "slug must be", id="slug with space"),
        pytest.param({"listing_url": "ftp://x/y"}, "listing_url must be an http", id="ftp url"),
        pytest.param(
            {"article_link_pattern": "(unclosed"}, "article_link_pattern is not a valid regex", id="regex"
        ),
        pytest.param({"page_url_template": "https://x/index.html"}, "needs a {page}", id="template"),
        pytest.param({"retries": 99}, "retries must be a number from 0 to 10", id="retries"),
        pytest.param({"max_pages": "ten"}, "max_pages must be a number", id="text number"),
        pytest.param({"rate_limit": 1}, "unknown keys rate_limit", id="misspelt key"),
        pytest.param({"article_pages": "sometimes"}, "article_pages must be one of", id="article mode"),
    ],
)
def test_invalid_portal_is_named(tmp_path: Path, change: dict, message: str) -> None:
    path = tmp_path / "p.yml"
    path.write_text(yaml.safe_dump({"portals": [{**VALID, **change}]}))
    with pytest.raises(PortalConfigError, match=message):
        load_portal_configs(path)


def test_duplicate_slugs_and_missing_file_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "p.yml"
    path.write_text(yaml.safe_dump({"portals": [VALID, VALID]}))
    with pytest.raises(PortalConfigError, match="slugs used twice: p1"):
        load_portal_configs(path)
    with pytest.raises(PortalConfigError, match="does not exist"):
        load_portal_configs(tmp_path / "missing.yml")
