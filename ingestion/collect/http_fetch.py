"""Polite HTTP GETs: robots.txt, a minimum interval per host, retries with backoff, size cap.

Every request the crawler makes goes through ``PoliteFetcher.get``. Redirects are followed
here, hop by hop, so robots.txt is checked for every address actually requested.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ingestion import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"budget-performance-warehouse/{__version__} (+docs/drops.md)"
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DISALLOW_ALL = ["User-agent: *", "Disallow: /"]


class FetchPolicy(Protocol):
    """What a portal's config says about fetching (``PortalConfig`` has these)."""

    @property
    def rate_limit_seconds(self) -> float: ...
    @property
    def timeout_seconds(self) -> float: ...
    @property
    def retries(self) -> int: ...
    @property
    def backoff_seconds(self) -> float: ...
    @property
    def max_bytes(self) -> int: ...


class FetchFailed(Exception):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200-299, or 304 when the validators sent still hold
    content: bytes
    headers: httpx.Headers

    @property
    def unchanged(self) -> bool:
        return self.status == 304


class PoliteFetcher:
    def __init__(
        self,
        client: httpx.Client,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._sleep = sleep
        self._clock = clock
        self._last_request_at: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}

    def get(self, url: str, policy: FetchPolicy, validators: dict[str, str] | None = None) -> Fetched:
        """GET ``url`` (conditionally, with ``validators`` as request headers); raises ``FetchFailed``."""
        for _hop in range(MAX_REDIRECTS + 1):
            if not self._robots_for(url, policy).can_fetch(USER_AGENT, url):
                raise FetchFailed(url, "disallowed by robots.txt")
            fetched = self._get_with_retries(url, policy, validators or {})
            location = fetched.headers.get("location")
            if fetched.status not in _REDIRECTS or not location:
                break
            url = urljoin(url, location)
        else:
            raise FetchFailed(url, f"more than {MAX_REDIRECTS} redirects")
        if fetched.status == 304 or 200 <= fetched.status < 300:
            return fetched
        raise FetchFailed(url, f"HTTP {fetched.status}")

    def _get_with_retries(self, url: str, policy: FetchPolicy, headers: dict[str, str]) -> Fetched:
        problem = ""
        for attempt in range(policy.retries + 1):
            if attempt:
                self._sleep(policy.backoff_seconds * 2 ** (attempt - 1))
            self._wait_turn(url, policy)
            try:
                fetched = self._get_once(url, policy, headers)
            except httpx.UnsupportedProtocol as exc:
                raise FetchFailed(url, f"unsupported address ({exc})") from exc
            except httpx.TransportError as exc:  # timeouts, refused or dropped connections
                problem = f"{type(exc).__name__}: {exc}"
            else:
                if fetched.status < 500:
                    return fetched
                problem = f"HTTP {fetched.status}"
            log.info("GET %s failed (attempt %d of %d): %s", url, attempt + 1, policy.retries + 1, problem)
        raise FetchFailed(url, f"gave up after {policy.retries + 1} attempts, last: {problem}")

    def _get_once(self, url: str, policy: FetchPolicy, headers: dict[str, str]) -> Fetched:
        with self._client.stream("GET", url, headers=headers, timeout=policy.timeout_seconds) as response:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > policy.max_bytes:
                    raise FetchFailed(url, f"response larger than {policy.max_bytes} bytes")
                chunks.append(chunk)
            return Fetched(url, response.status_code, b"".join(chunks), response.headers)

    def _wait_turn(self, url: str, policy: FetchPolicy) -> None:
        host = urlsplit(url).netloc
        interval = policy.rate_limit_seconds
        robots = self._robots.get(_origin(url))
        crawl_delay = robots.crawl_delay(USER_AGENT) if robots else None
        if crawl_delay is not None:
            interval = max(interval, float(crawl_delay))
        last = self._last_request_at.get(host)
        if last is not None:
            wait = last + interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request_at[host] = self._clock()

    def _robots_for(self, url: str, policy: FetchPolicy) -> RobotFileParser:
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin, policy)
        return self._robots[origin]

    def _load_robots(self, origin: str, policy: FetchPolicy) -> RobotFileParser:
        robots_url = f"{origin}/robots.txt"
        robots = RobotFileParser(robots_url)
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                fetched = self._get_with_retries(robots_url, policy, {})
                location = fetched.headers.get("location")
                if fetched.status not in _REDIRECTS or not location:
                    break
                robots_url = urljoin(robots_url, location)
        except FetchFailed as failure:
            # Cannot tell what the site allows: crawl nothing there this run.
            log.warning("robots.txt of %s unreadable, not crawling it: %s", origin, failure.reason)
            robots.parse(_DISALLOW_ALL)
            return robots
        if fetched.status in (401, 403):
            robots.parse(_DISALLOW_ALL)
        elif 300 <= fetched.status < 500:
            robots.parse([])  # no robots.txt: everything is allowed
        else:
            robots.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
        return robots


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
