"""A generated portal served over HTTP on 127.0.0.1 (port 0) from a thread, for crawler tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    failures_first: int = 0  # answer 500 to this many requests, then normally
    always_fail: bool = False
    delay_seconds: float = 0.0  # past the crawler's timeout: a slow server
    redirect_to: str | None = None
    served: int = 0


@dataclass
class PortalSite:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    base_url: str = ""

    def requested(self, path: str) -> list[dict[str, str]]:
        """The headers of every request for ``path``, in order."""
        return [headers for requested, headers in self.requests if requested == path]


def _handler_for(site: PortalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, {key.lower(): value for key, value in self.headers.items()}))
            route = site.routes.get(self.path)
            if route is None:
                self._answer(404, b"not found")
                return
            route.served += 1
            if route.delay_seconds:
                time.sleep(route.delay_seconds)
            if route.always_fail or route.served <= route.failures_first:
                self._answer(500, b"server error")
            elif route.redirect_to:
                self._answer(301, b"", {"Location": route.redirect_to})
            elif route.etag and self.headers.get("If-None-Match") == route.etag:
                self._answer(304, b"", {"ETag": route.etag})
            else:
                headers = {"Content-Type": route.content_type, **({"ETag": route.etag} if route.etag else {})}
                self._answer(route.status, route.body, headers)

        def _answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the crawler gave up on a slow answer: that is the point of the test

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serving(site: PortalSite) -> Iterator[PortalSite]:
    """Serve ``site`` until the block ends; only 127.0.0.1, on a free port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(site))
    server.daemon_threads = True
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
