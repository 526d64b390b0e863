"""A host that answers 429 or 503 is asked again more slowly (crawlers.backoff), on loopback."""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawlers.backoff import BACKOFF_MEMORY_SECONDS, backed_off, remembered_delay, retry_after
from tests.crawlers.loopback_crawl import crawl_env, run_python, write_source

ARTICLE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Chi trả lương hưu tháng 5</title></head><body><article>
<h1>Chi trả lương hưu tháng 5</h1><time datetime="2026-05-12T08:30:00+07:00">12/05/2026</time>
<p>Bảo hiểm xã hội (BHXH) tỉnh Nghệ An cho biết đã chi trả lương hưu tháng 5 cho hơn một trăm
nghìn người hưởng qua bưu điện và tài khoản ngân hàng, đúng hạn theo kế hoạch.</p>
<p>Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ một phần tiền đóng và được hưởng lương
hưu khi đủ điều kiện.</p></article></body></html>"""


class _Busy(BaseHTTPRequestHandler):
    """The article answers 429 with Retry-After: 3 the first time, then the page."""

    server: ThreadingHTTPServer
    hits: Counter[str] = Counter()

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        name = self.path.strip("/")
        self.hits[name] += 1
        html = {"Content-Type": "text/html; charset=utf-8"}
        if name == "robots.txt":
            self._send(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        elif name == "feed.xml":
            link = f"http://127.0.0.1:{self.server.server_port}/luong-huu-123456.html"
            feed = f'<rss version="2.0"><channel><item><link>{link}</link></item></channel></rss>'
            self._send(200, feed.encode(), {"Content-Type": "application/rss+xml"})
        elif name == "luong-huu-123456.html" and self.hits[name] == 1:
            self._send(429, b"slow down", {**html, "Retry-After": "3"})
        else:
            self._send(200, ARTICLE.encode(), html)


def test_a_429_slows_the_host_down_and_the_page_is_fetched_after(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Busy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    write_source(tmp_path, base)
    try:
        result = run_python(["-m", "pressmon", "-v", "crawl"], crawl_env(tmp_path))
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-2000:]
    assert _Busy.hits["luong-huu-123456.html"] == 2  # refused once, fetched on the retry
    # The host's slot went from no delay to what Retry-After asked, before the retry was sent.
    assert "answered 429: asking it every 3.0 s instead of 0.0 s" in result.stderr
    with sqlite3.connect(tmp_path / "state.db") as db:
        outcomes = dict(db.execute("SELECT url, outcome FROM seen_urls"))
    assert outcomes == {f"{base}/luong-huu-123456.html": "stored"}


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(b"120", 120.0), (b"Thu, 01 Jan 2026 00:00:30 GMT", 30.0), (b"soon", None), (None, None)],
)
def test_retry_after_reads_seconds_and_http_dates(header: bytes | None, seconds: float | None):
    assert retry_after(header, datetime(2026, 1, 1, tzinfo=UTC)) == seconds


def test_backoff_doubles_from_a_second_and_stops_at_the_cap() -> None:
    assert [backed_off(d, None, 60.0) for d in (0.0, 0.5, 3.0, 45.0)] == [1.0, 1.0, 6.0, 60.0]
    assert backed_off(2.0, 600.0, 60.0) == 60.0  # a server asking for 10 minutes gets the cap


def test_a_dropped_slots_delay_is_remembered_until_the_refusal_is_old() -> None:
    assert remembered_delay(8.0, refused_at=100.0, now=100.0 + 60) == 8.0
    assert remembered_delay(8.0, refused_at=100.0, now=100.0 + BACKOFF_MEMORY_SECONDS) is None
