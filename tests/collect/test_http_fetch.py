"""The polite fetcher's waits, with a recorded clock: rate limit per host and retry backoff."""

from __future__ import annotations

import httpx
import pytest
from local_portal import PortalSite, Route

from ingestion.collect.http_fetch import FetchFailed, PoliteFetcher
from ingestion.collect.portal_config import PortalConfig


class RecordedClock:
    """Time that moves only when the fetcher sleeps: the waits are exact, nothing is timed."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds

    def clock(self) -> float:
        return self.now


def _policy(site: PortalSite, **overrides: object) -> PortalConfig:
    settings = {"rate_limit_seconds": 0.0, "retries": 2, "backoff_seconds": 0.5, "timeout_seconds": 2.0}
    return PortalConfig(
        slug="p", listing_url=f"{site.base_url}/", article_link_pattern="x", **{**settings, **overrides}
    )  # type: ignore[arg-type]


def test_backoff_doubles_between_retries(portal_site: PortalSite) -> None:
    portal_site.routes["/flaky"] = Route(b"ok", failures_first=2)
    recorded = RecordedClock()
    with httpx.Client() as client:
        fetched = PoliteFetcher(client, sleep=recorded.sleep, clock=recorded.clock).get(
            f"{portal_site.base_url}/flaky", _policy(portal_site)
        )
    assert (fetched.status, fetched.content) == (200, b"ok")
    assert recorded.sleeps == [0.5, 1.0]


def test_requests_to_one_host_keep_the_minimum_interval(portal_site: PortalSite) -> None:
    portal_site.routes["/a"] = Route(b"a")
    recorded = RecordedClock()
    policy = _policy(portal_site, rate_limit_seconds=3.0)
    with httpx.Client() as client:
        fetcher = PoliteFetcher(client, sleep=recorded.sleep, clock=recorded.clock)
        fetcher.get(f"{portal_site.base_url}/a", policy)  # robots.txt (404: all allowed), then /a
        fetcher.get(f"{portal_site.base_url}/a", policy)
    assert recorded.sleeps == [3.0, 3.0]


def test_oversized_response_fails_without_reading_it_all(portal_site: PortalSite) -> None:
    portal_site.routes["/big"] = Route(b"x" * 5000)
    with httpx.Client() as client, pytest.raises(FetchFailed, match="larger than 1000 bytes"):
        PoliteFetcher(client).get(f"{portal_site.base_url}/big", _policy(portal_site, max_bytes=1000))
