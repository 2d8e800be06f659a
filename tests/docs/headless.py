"""Open a local page in headless Chromium and watch every request it makes (Chrome DevTools Protocol).

Debian's chromium is installed when missing (as root, with apt-get); otherwise the test is
skipped with a message. Browser-internal traffic (update checks and the like) goes to a proxy
that answers nothing, so nothing leaves the machine either way; what a test asserts on is the
page's own requests, which the protocol reports per page.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import socketserver
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome:", "devtools:")
# The flags this machine's probe found to work (docs of the python-svc machine kind).
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--no-pings", "--remote-debugging-port=0",
)  # fmt: skip


def chromium() -> str:
    """The chromium binary, installed from Debian when missing; skips the test when impossible."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and cannot be installed here: apt-get install -y chromium")
    install = ["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-qq", "chromium"]
    done = subprocess.run(install, capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0 or not shutil.which("chromium"):
        pytest.skip(f"could not install chromium (apt-get install -y chromium): {done.stderr[-500:]}")
    return str(shutil.which("chromium"))


@dataclass
class Page:
    requests: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def remote_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]


@contextmanager
def _dead_end_proxy() -> Iterator[int]:
    """A proxy that reads one request line and refuses: the browser's own traffic ends here."""

    class Refuse(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            self.rfile.readline(4096)
            self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Refuse)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


class _DevTools:
    def __init__(self, url: str, page: Page) -> None:
        from websockets.sync.client import connect

        self.socket = connect(url, max_size=None, open_timeout=30)
        self.ids = itertools.count(1)
        self.page = page
        self.session: str | None = None

    def call(self, method: str, params: dict[str, Any] | None = None, timeout: float = 30) -> dict[str, Any]:
        message_id = next(self.ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv(timeout=timeout))
            if reply.get("method") == "Network.requestWillBeSent" and reply.get("sessionId") == self.session:
                self.page.requests.append(reply["params"]["request"]["url"])
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result.get("result", {}).get("value")


def open_page(path: Path, ready: str, checks: dict[str, str], timeout_s: float = 60) -> Page:
    """Load ``path``, wait until the JS expression ``ready`` is true, evaluate ``checks``."""
    page = Page()
    with tempfile.TemporaryDirectory() as profile, _dead_end_proxy() as proxy:
        flags = [*FLAGS, f"--user-data-dir={profile}", f"--proxy-server=http://127.0.0.1:{proxy}",
                 "--proxy-bypass-list=<-loopback>", "about:blank"]  # fmt: skip
        browser = subprocess.Popen([chromium(), *flags], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            tools = _DevTools(_browser_socket(Path(profile)), page)
            target = tools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            tools.session = tools.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
                "sessionId"
            ]
            tools.call("Network.enable")
            tools.call("Page.navigate", {"url": path.resolve().as_uri()})
            deadline = time.monotonic() + timeout_s
            while not tools.evaluate(f"Boolean({ready})") and time.monotonic() < deadline:
                time.sleep(0.5)
            page.values = {name: tools.evaluate(expression) for name, expression in checks.items()}
            page.values["ready"] = tools.evaluate(f"Boolean({ready})")
        finally:
            browser.terminate()
            browser.wait(timeout=30)
    return page


def _browser_socket(profile: Path) -> str:
    """Chromium writes its DevTools port and browser path to DevToolsActivePort once it listens."""
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if port_file.exists() and len(lines := port_file.read_text().split()) >= 2:
            return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        time.sleep(0.2)
    raise RuntimeError("chromium did not open its DevTools port within 60 s")
