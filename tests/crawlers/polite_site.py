"""A loopback news site that watches how politely it is crawled: how many of its requests are in
progress at once, and when each one arrived after a 429 it answered.

Every answer is held `hold` seconds, so requests a crawler sends together overlap at the server.
A request counts as in progress from its arrival until just before its answer is written: inside
the time the crawler itself has it open, so the site never counts more than the crawler sent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from tests.crawlers.loopback_crawl import article_page


@dataclass
class Watch:
    """What the site saw: the most requests in progress at once, and every arrival and 429."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    in_progress: int = 0
    most_at_once: int = 0
    arrivals: list[tuple[float, str]] = field(default_factory=list)  # (monotonic time, path)
    refusals: list[float] = field(default_factory=list)  # monotonic time a 429 was written

    def after_refusals(self) -> list[tuple[float, str]]:
        """Each request that arrived after a 429 was written: (seconds since it, path)."""
        return [
            (arrived - refused, path)
            for refused in self.refusals
            for arrived, path in self.arrivals
            if arrived > refused
        ]


class PoliteSite(BaseHTTPRequestHandler):
    """robots.txt allowing all; /feedN.xml each listing /tin/N-K.html, on the host it was asked
    by; the first request of each page in `refuse` answers 429 with `Retry-After`. A test
    subclasses it with its own `watch`."""

    watch: ClassVar[Watch]
    articles: ClassVar[int] = 4  # per feed
    hold: ClassVar[float] = 0.3
    refuse: ClassVar[frozenset[str]] = frozenset()
    retry_after: ClassVar[int] = 2
    refused_hold: ClassVar[float] = 0.0  # extra hold of a 429: the crawler gets it late

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        watch = self.watch
        with watch.lock:
            watch.arrivals.append((time.monotonic(), path))
            watch.in_progress += 1
            watch.most_at_once = max(watch.most_at_once, watch.in_progress)
            refused = path.removeprefix("/tin/") in self.refuse and not any(
                seen == path for _, seen in watch.arrivals[:-1]
            )
        time.sleep(self.hold + (self.refused_hold if refused else 0))
        status, headers, body = self._answer(path, refused)
        with watch.lock:
            watch.in_progress -= 1
            if refused:
                watch.refusals.append(time.monotonic())
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _answer(self, path: str, refused: bool) -> tuple[int, dict[str, str], bytes]:
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"
        if path.startswith("/feed") and path.endswith(".xml"):
            feed = path[len("/feed") : -len(".xml")]
            base = f"http://{self.headers['Host']}"
            items = "".join(
                f"<item><title>{feed}-{k}</title><link>{base}/tin/{feed}-{k}.html</link></item>"
                for k in range(self.articles)
            )
            xml = f'<rss version="2.0"><channel>{items}</channel></rss>'
            return 200, {"Content-Type": "application/rss+xml"}, xml.encode()
        if path.startswith("/tin/"):
            if refused:
                return 429, {**html, "Retry-After": str(self.retry_after)}, b"slow down"
            name = path[len("/tin/") : -len(".html")]
            return 200, html, article_page(f"Tin BHXH số {name}", "Nghệ An")
        return 404, {"Content-Type": "text/plain"}, b""


@contextmanager
def serving(site: type[PoliteSite]) -> Iterator[int]:
    """`site` served on a free loopback port while the block runs; its port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
