"""Fixtures of the collect tests: a local portal site to crawl."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from local_portal import PortalSite, serving


@pytest.fixture
def portal_site() -> Iterator[PortalSite]:
    with serving(PortalSite()) as site:
        yield site
