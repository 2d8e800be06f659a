"""Crawl portal listings: listing pages -> article pages -> attachments (and article pages).

Every loop is bounded by the portal's config (max_pages, max_articles, max attachments), links
are followed only on the listing's own host, and a URL that keeps failing is logged in the
``CrawlLog`` while the crawl goes on with the next one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import httpx

from ingestion.collect.crawl_state import ValidatorStore
from ingestion.collect.http_fetch import USER_AGENT, Fetched, FetchFailed, PoliteFetcher
from ingestion.collect.listing import Link, extract_links
from ingestion.collect.model import CollectedFile, Provenance
from ingestion.collect.portal_config import PortalConfig

log = logging.getLogger(__name__)


@dataclass
class CrawlLog:
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    unchanged: int = 0  # URLs that answered 304 Not Modified

    def failed(self, failure: FetchFailed) -> None:
        log.warning("crawl: %s", failure)
        self.failures.append((failure.url, failure.reason))


def crawl_portals(
    configs: Iterable[PortalConfig],
    state_path: Path,
    crawl_log: CrawlLog,
    fetcher: PoliteFetcher | None = None,
) -> Iterator[CollectedFile]:
    """Collected files of every portal; conditional-GET validators are saved when the crawl ends."""
    validators = ValidatorStore(state_path)
    with httpx.Client(headers={"User-Agent": USER_AGENT}, follow_redirects=False) as client:
        fetcher = fetcher or PoliteFetcher(client)
        try:
            for config in configs:
                yield from PortalCrawl(config, fetcher, validators, crawl_log).documents()
        finally:
            validators.save()


class PortalCrawl:
    def __init__(
        self, config: PortalConfig, fetcher: PoliteFetcher, validators: ValidatorStore, crawl_log: CrawlLog
    ) -> None:
        self.config = config
        self._fetcher = fetcher
        self._validators = validators
        self._log = crawl_log

    def documents(self) -> Iterator[CollectedFile]:
        for article in self._articles():
            yield from self._article_documents(article)

    def _listing_pages(self) -> Iterator[Fetched]:
        url: str | None = self.config.listing_url
        requested: set[str] = set()
        for page_number in range(1, self.config.max_pages + 1):
            if url is None or url in requested:
                return
            requested.add(url)
            try:
                page = self._fetcher.get(url, self.config)
            except FetchFailed as failure:
                if page_number > 1 and self.config.page_url_template and failure.reason == "HTTP 404":
                    return  # past the last page
                self._log.failed(failure)
                return
            yield page
            url = self._next_page_url(page, page_number)

    def _next_page_url(self, page: Fetched, page_number: int) -> str | None:
        if self.config.page_url_template:
            next_page = self.config.first_template_page + page_number - 1
            return self.config.page_url_template.format(page=next_page)
        if self.config.next_link_pattern:
            pattern = re.compile(self.config.next_link_pattern)
            for link in extract_links(page.content, page.url):
                if pattern.search(link.text) or pattern.search(link.url):
                    return link.url
        return None

    def _articles(self) -> Iterator[Link]:
        pattern = re.compile(self.config.article_link_pattern)
        seen: set[str] = set()
        for page in self._listing_pages():
            for link in extract_links(page.content, page.url):
                if link.url in seen or not self._on_portal(link.url) or not pattern.search(link.url):
                    continue
                seen.add(link.url)
                if len(seen) > self.config.max_articles:
                    log.warning("%s: stopped at max_articles=%d", self.config.slug, self.config.max_articles)
                    return
                yield link

    def _article_documents(self, article: Link) -> Iterator[CollectedFile]:
        try:
            page = self._fetcher.get(article.url, self.config, self._validators.request_headers(article.url))
        except FetchFailed as failure:
            self._log.failed(failure)
            return
        if page.unchanged:
            self._log.unchanged += 1
            return
        attachments = self._attachment_links(page)
        complete = True
        for attachment in attachments:
            try:
                got = self._fetcher.get(
                    attachment.url, self.config, self._validators.request_headers(attachment.url)
                )
            except FetchFailed as failure:
                self._log.failed(failure)
                complete = False
                continue
            if got.unchanged:
                self._log.unchanged += 1
                continue
            yield self._collected(got, article, _file_name(got.url, default="attachment"))
            self._validators.remember(attachment.url, got.headers)
        mode = self.config.article_pages
        if mode == "always" or (mode == "when_no_attachments" and not attachments):
            yield self._collected(page, article, _html_name(page.url))
        if complete:
            self._validators.remember(article.url, page.headers)

    def _attachment_links(self, page: Fetched) -> list[Link]:
        pattern = re.compile(self.config.attachment_pattern)
        found: dict[str, Link] = {}
        for link in extract_links(page.content, page.url):
            is_attachment = pattern.search(urlsplit(link.url).path) or pattern.search(link.url)
            if is_attachment and self._on_portal(link.url):
                found.setdefault(link.url, link)
        return list(found.values())[: self.config.max_attachments_per_article]

    def _on_portal(self, url: str) -> bool:
        return urlsplit(url).netloc == self.config.host

    def _collected(self, fetched: Fetched, article: Link, name: str) -> CollectedFile:
        provenance = Provenance(
            portal=self.config.slug,
            source_uri=fetched.url,
            listing_title=article.text or None,
            published_date=article.published_date,
            publisher=self.config.publisher,
            unit_hint=None,
            collected_at=datetime.now(UTC),
        )
        return CollectedFile(name=name, data=fetched.content, provenance=provenance)


def _file_name(url: str, default: str) -> str:
    """The URL's last path segment, decoded; landing refuses it if it is not a plain name."""
    segment = PurePosixPath(urlsplit(url).path).name
    return unquote(segment) if segment else default


def _html_name(url: str) -> str:
    name = _file_name(url, default="index.html")
    return name if name.lower().endswith((".html", ".htm")) else f"{name}.html"
