"""The portal crawl config (``config/portals.yml``): one entry per portal, validated on load.

Every portal is a config row, never code: a new portal is a new entry. Keys under
``defaults`` apply to every portal that does not set them. See docs/drops.md for each key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

DEFAULT_ATTACHMENT_PATTERN = r"(?i)\.(docx|pdf|doc|xlsx|txt)$"
ARTICLE_PAGE_MODES = ("when_no_attachments", "always", "never")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class PortalConfigError(ValueError):
    """The crawl config is not valid; the message names the portal and the key."""


@dataclass(frozen=True)
class PortalConfig:
    slug: str
    listing_url: str
    article_link_pattern: str  # regex searched in each link's href on listing pages
    attachment_pattern: str = DEFAULT_ATTACHMENT_PATTERN  # regex searched in hrefs on article pages
    next_link_pattern: str | None = None  # regex searched in a link's text or href: the next page
    page_url_template: str | None = None  # e.g. ".../index_{page}.html", pages first_template_page..
    first_template_page: int = 2
    max_pages: int = 10
    max_articles: int = 200
    max_attachments_per_article: int = 20
    article_pages: str = "when_no_attachments"  # land the article page itself as an html document
    publisher: str | None = None
    rate_limit_seconds: float = 2.0  # minimum time between two requests to one host
    timeout_seconds: float = 30.0
    retries: int = 3  # extra attempts after a 5xx, a timeout or a connection error
    backoff_seconds: float = 1.0  # first wait; doubles on each retry
    max_bytes: int = 200 * 1024 * 1024

    @property
    def host(self) -> str:
        return urlsplit(self.listing_url).netloc


_BOUNDS: dict[str, tuple[float, float]] = {
    "first_template_page": (0, 10_000), "max_pages": (1, 1000), "max_articles": (1, 100_000),
    "max_attachments_per_article": (1, 1000), "rate_limit_seconds": (0, 3600),
    "timeout_seconds": (0.01, 600), "retries": (0, 10), "backoff_seconds": (0, 600),
    "max_bytes": (1, 2**31),
}  # fmt: skip


def load_portal_configs(path: Path) -> list[PortalConfig]:
    if not path.exists():
        raise PortalConfigError(f"crawl config {path} does not exist")
    content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(content, dict) or not isinstance(content.get("portals"), list):
        raise PortalConfigError(f"{path}: expected a mapping with a 'portals' list")
    defaults = content.get("defaults") or {}
    configs = [portal_config({**defaults, **entry}, f"{path} portal #{n}") for n, entry in
               enumerate(content["portals"], start=1)]  # fmt: skip
    slugs = [config.slug for config in configs]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise PortalConfigError(f"{path}: portal slugs used twice: {', '.join(duplicates)}")
    return configs


def portal_config(entry: dict[str, Any], where: str) -> PortalConfig:
    """One validated ``PortalConfig`` from a mapping (defaults already merged in)."""
    known = {f.name for f in fields(PortalConfig)}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise PortalConfigError(f"{where}: unknown keys {', '.join(unknown)}")
    try:
        config = PortalConfig(**entry)
    except TypeError as exc:
        raise PortalConfigError(f"{where}: {exc}") from exc
    where = f"{where} ({config.slug})"
    if not _SLUG.match(str(config.slug)):
        raise PortalConfigError(f"{where}: slug must be lower-case letters, digits, '-' or '_'")
    if urlsplit(config.listing_url).scheme not in {"http", "https"}:
        raise PortalConfigError(f"{where}: listing_url must be an http(s) URL")
    for key in ("article_link_pattern", "attachment_pattern", "next_link_pattern"):
        _check_regex(where, key, getattr(config, key))
    if config.page_url_template is not None and "{page}" not in config.page_url_template:
        raise PortalConfigError(f"{where}: page_url_template needs a {{page}} placeholder")
    if config.article_pages not in ARTICLE_PAGE_MODES:
        raise PortalConfigError(f"{where}: article_pages must be one of {', '.join(ARTICLE_PAGE_MODES)}")
    for key, (low, high) in _BOUNDS.items():
        value = getattr(config, key)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise PortalConfigError(f"{where}: {key} must be a number from {low} to {high}, not {value!r}")
    return config


def _check_regex(where: str, key: str, pattern: str | None) -> None:
    if pattern is None:
        return
    try:
        re.compile(pattern)
    except re.error as exc:
        raise PortalConfigError(f"{where}: {key} is not a valid regex ({exc})") from exc
