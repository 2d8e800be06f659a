"""ETag / Last-Modified per URL, so the next crawl asks "changed since?" (conditional GET).

Kept in a small JSON file under the archive. A URL's validators are remembered only once what
it led to has been handed on, so an interrupted crawl re-fetches what it did not finish.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from ingestion.landing.archive import atomic_write_json


class ValidatorStore:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._validators: dict[str, dict[str, str]] = {}
        if path.exists():
            self._validators = json.loads(path.read_text(encoding="utf-8"))

    def request_headers(self, url: str) -> dict[str, str]:
        known = self._validators.get(url, {})
        headers = {}
        if "etag" in known:
            headers["If-None-Match"] = known["etag"]
        if "last_modified" in known:
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def remember(self, url: str, response_headers: httpx.Headers) -> None:
        validators = {}
        if "etag" in response_headers:
            validators["etag"] = response_headers["etag"]
        if "last-modified" in response_headers:
            validators["last_modified"] = response_headers["last-modified"]
        if validators:
            self._validators[url] = validators

    def save(self) -> None:
        atomic_write_json(self._path, self._validators)
