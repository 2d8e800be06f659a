"""The crawler against a local portal: pagination, redirects, retries, timeouts, robots, 304s."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from local_portal import PortalSite, Route

from ingestion.collect.http_fetch import USER_AGENT
from ingestion.landing import collect_into_archive, iter_ledger
from ingestion.settings import load_settings

REPORT = "某镇2023年度部门整体支出绩效自评报告\n基本支出{n}00万元\n".format


def _listing(items: list[tuple[str, str, str]], next_href: str | None) -> bytes:
    rows = "".join(f'<li><a href="{href}">{title}</a><span>{day}</span></li>' for href, title, day in items)
    more = f'<a href="{next_href}">下一页</a>' if next_href else ""
    page = f'<html><head><meta charset="gbk"></head><body><ul>{rows}</ul>{more}</body></html>'
    return page.encode("gbk")


def _article(attachment_href: str | None, text: str = "") -> bytes:
    link = f'<a href="{attachment_href}">附件下载</a>' if attachment_href else ""
    return f"<html><body><h1>文章</h1><p>{text}</p>{link}</body></html>".encode()


def _build_portal(site: PortalSite) -> None:
    site.routes.update(
        {
            "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
            "/list/index.html": Route(
                _listing(
                    [
                        ("../art/a1.html", "松岭街道2023年度整体支出绩效自评报告", "2024-03-05"),
                        ("/art/a2.html", "柏溪街道绩效自评", "2024-03-06"),
                        ("/private/a9.html", "不许抓取", "2024-03-07"),
                        ("http://example.invalid/art/a7.html", "别的网站", "2024-03-08"),
                    ],
                    next_href="index_2.html",
                )
            ),
            "/list/index_2.html": Route(
                _listing(
                    [
                        ("/old/a3.html", "搬过家的文章", "2024年3月9日"),
                        ("/art/a4.html", "第一次出错的附件", "2024-03-10"),
                        ("/art/a5.html", "一直出错的附件", "2024-03-11"),
                        ("/art/a6.html", "很慢的文章", "2024-03-12"),
                    ],
                    next_href=None,
                )
            ),
            "/art/a1.html": Route(_article("../files/r1.txt"), etag='"a1"'),
            "/art/a2.html": Route(_article(None, text="全文：本单位2023年度项目支出绩效良好"), etag='"a2"'),
            "/old/a3.html": Route(redirect_to="/art/a3.html"),
            "/art/a3.html": Route(_article("/files/r3.txt"), etag='"a3"'),
            "/art/a4.html": Route(_article("/files/r4.txt"), etag='"a4"'),
            "/art/a5.html": Route(_article("/files/r5.txt"), etag='"a5"'),
            "/art/a6.html": Route(_article("/files/r6.txt"), delay_seconds=0.6),
            "/private/a9.html": Route(_article("/files/r9.txt")),
            "/files/r1.txt": Route(REPORT(n=1).encode(), content_type="text/plain", etag='"r1"'),
            "/files/r3.txt": Route(REPORT(n=3).encode(), content_type="text/plain", etag='"r3"'),
            "/files/r4.txt": Route(REPORT(n=4).encode(), content_type="text/plain", failures_first=1),
            "/files/r5.txt": Route(REPORT(n=5).encode(), always_fail=True),
        }
    )


def _write_config(tmp_path: Path, site: PortalSite, **overrides: object) -> Path:
    portal = {
        "slug": "test-portal",
        "listing_url": f"{site.base_url}/list/index.html",
        "next_link_pattern": "下一页",
        "article_link_pattern": r"/(art|old|private)/a\d+\.html$",
        "publisher": "测试财政局",
        **overrides,
    }
    defaults = {"rate_limit_seconds": 0, "retries": 2, "backoff_seconds": 0.01, "timeout_seconds": 0.2}
    path = tmp_path / "portals.yml"
    path.write_text(yaml.safe_dump({"defaults": defaults, "portals": [portal]}, allow_unicode=True), "utf-8")
    return path


@pytest.fixture
def crawled(tmp_path: Path, portal_site: PortalSite) -> tuple[PortalSite, Path, object]:
    _build_portal(portal_site)
    config = _write_config(tmp_path, portal_site)
    settings = load_settings(tmp_path / "home")
    result = collect_into_archive(str(config), settings)
    return portal_site, config, result


def _rows_by_uri(tmp_path: Path) -> dict[str, dict[str, object]]:
    return {str(row["source_uri"]): row for row in iter_ledger(load_settings(tmp_path / "home"))}


def test_crawl_lands_attachments_and_article_text(crawled, tmp_path: Path) -> None:
    site, _, result = crawled
    rows = _rows_by_uri(tmp_path)
    base = site.base_url
    assert set(rows) == {
        f"{base}/files/r1.txt",
        f"{base}/art/a2.html",
        f"{base}/files/r3.txt",
        f"{base}/files/r4.txt",
    }
    first = rows[f"{base}/files/r1.txt"]
    assert (first["listing_title"], first["published_date"]) == (
        "松岭街道2023年度整体支出绩效自评报告",
        "2024-03-05",
    )
    assert (first["portal"], first["publisher"], first["format"]) == ("test-portal", "测试财政局", "txt")
    assert rows[f"{base}/art/a2.html"]["format"] == "html"
    assert rows[f"{base}/files/r3.txt"]["published_date"] == "2024-03-09"  # 2024年3月9日 on the listing
    assert result.new == 4


def test_crawl_retries_a_500_and_logs_what_never_recovers(crawled) -> None:
    site, _, result = crawled
    assert len(site.requested("/files/r4.txt")) == 2  # 500 once, then served
    assert len(site.requested("/files/r5.txt")) == 3  # retries: 2, then given up
    failed = dict(result.skipped)
    assert "HTTP 500" in failed[f"{site.base_url}/files/r5.txt"]
    assert "Timeout" in failed[f"{site.base_url}/art/a6.html"]


def test_crawl_respects_robots_and_stays_on_the_portal(crawled) -> None:
    site, _, result = crawled
    assert site.requested("/private/a9.html") == []
    assert dict(result.skipped)[f"{site.base_url}/private/a9.html"] == "disallowed by robots.txt"
    assert all(headers["user-agent"] == USER_AGENT for _, headers in site.requests)
    assert USER_AGENT.startswith("budget-performance-warehouse/")


def test_second_crawl_asks_if_changed_and_lands_nothing_again(crawled, tmp_path: Path) -> None:
    site, config, _ = crawled
    again = collect_into_archive(str(config), load_settings(tmp_path / "home"))
    assert again.new == 0
    assert site.requested("/art/a1.html")[-1]["if-none-match"] == '"a1"'
    assert len(site.requested("/files/r1.txt")) == 1  # its article answered 304: not fetched again
    assert again.unchanged == 4  # a1 to a4; a5's attachment failed, so a5 is not taken as done
    assert "if-none-match" not in site.requested("/art/a5.html")[-1]
    assert len(_rows_by_uri(tmp_path)) == 4


def test_page_url_template_stops_at_the_first_missing_page(tmp_path: Path, portal_site: PortalSite) -> None:
    _build_portal(portal_site)
    config = _write_config(
        tmp_path,
        portal_site,
        next_link_pattern=None,
        page_url_template=f"{portal_site.base_url}/list/index_{{page}}.html",
        max_pages=5,
    )
    result = collect_into_archive(str(config), load_settings(tmp_path / "home"))
    assert [path for path, _ in portal_site.requests if path.startswith("/list/")] == [
        "/list/index.html",
        "/list/index_2.html",
        "/list/index_3.html",
    ]
    assert not [uri for uri, _ in result.skipped if "/list/" in uri]  # a 404 past the end is not a failure


def test_crawl_of_an_unknown_portal_slug_is_an_error(tmp_path: Path, portal_site: PortalSite) -> None:
    config = _write_config(tmp_path, portal_site)
    with pytest.raises(ValueError, match=r"portals not in .*: nope"):
        collect_into_archive(str(config), load_settings(tmp_path / "home"), portals=["nope"])
