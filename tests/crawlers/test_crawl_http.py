"""Real HTTP trouble on loopback: retries, 4xx/5xx, timeouts, redirects to other hosts, oversized
pages and challenge pages are each counted by kind, and only real articles are stored."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.crawlers.loopback_crawl import crawl_env, run_python, write_source

ARTICLE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "2026-05-1{day}T08:30:00+07:00"}}</script></head><body><article><h1>{title}</h1>
<p>Bảo hiểm xã hội (BHXH) tỉnh Nghệ An cho biết, trong tháng vận động triển khai BHXH toàn dân,
cơ quan BHXH đã phối hợp với bưu điện tuyên truyền chính sách BHXH tự nguyện
đến từng hộ gia đình.</p>
<p>Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ một phần tiền đóng và được hưởng lương hưu
khi đủ điều kiện. Cán bộ BHXH khuyến khích người lao động tự do tham gia để có lương
hưu khi về già.</p>
<p>Cũng theo BHXH tỉnh, số người tham gia BHYT hộ gia đình tăng so với cùng kỳ năm trước.</p>
</article></body></html>"""

CHALLENGE = """<html><head><title>Just a moment...</title></head><body>
<div id="challenge-running">Checking your browser before accessing the website.</div>
<script>document.cookie="D1N=abc";location.reload();</script></body></html>"""

# Generous, so a loaded CI machine does not time out ordinary pages; /slow always does.
TIMEOUT_SECONDS = 3
SLOW_SECONDS = 8
PATHS = ["ok", "flaky", "gone", "broken", "slow", "away", "moved", "huge", "challenge", "ok2"]


class _Site(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer  # served only by _QuietServer below
    hits: Counter[str] = Counter()

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        name = self.path.strip("/")
        self.hits[name] += 1
        host = f"http://127.0.0.1:{self.server.server_port}"
        if name == "robots.txt":
            self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        elif name == "feed.xml":
            items = "".join(
                f"<item><title>{p}</title><link>{host}/{p}</link></item>" for p in PATHS
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
            self._send(200, body.encode(), "application/rss+xml")
        elif name in ("ok", "ok2", "relocated") or (name == "flaky" and self.hits[name] > 1):
            title = {
                "ok": "BHXH tự nguyện đến từng hộ",
                "ok2": "Tăng người tham gia BHYT",
                "flaky": "Tuyên truyền BHXH toàn dân",
                "relocated": "Chi trả lương hưu",
            }[name]
            self._send(200, ARTICLE.format(title=title, day=len(title) % 10).encode())
        elif name in ("flaky", "broken"):
            self._send(503, b"busy")
        elif name == "gone":
            self._send(404, b"not found")
        elif name == "slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, b"too late")
        elif name == "away":
            port = self.server.server_port
            self._send(302, b"", headers={"Location": f"http://localhost:{port}/ok"})
        elif name == "moved":  # same host: followed
            self._send(301, b"", headers={"Location": "/relocated"})
        elif name == "huge":
            self._send(200, b"<p>" + b"BHXH " * 12_000 + b"</p>")
        elif name == "challenge":
            self._send(200, CHALLENGE.encode())
        else:
            self._send(404, b"")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the crawler hangs up on /slow by design


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("http")
    server = _QuietServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    write_source(folder, base)
    env = crawl_env(folder, download_timeout=str(TIMEOUT_SECONDS), max_page_bytes="20000")
    try:
        result = run_python(["-m", "pressmon", "crawl"], env)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(folder / "state.db") as db:
        counters = json.loads(db.execute("SELECT counters FROM crawl_runs").fetchone()[0])
        stored = {
            url.rsplit("/", 1)[1]
            for (url,) in db.execute("SELECT url FROM seen_urls WHERE outcome = 'stored'")
        }
    return {"counters": counters, "stored": stored, "hits": dict(_Site.hits)}


def test_only_real_articles_are_stored(crawled: dict) -> None:
    # flaky: stored after a retry; moved: followed to its new address on the same host
    assert crawled["stored"] == {"ok", "flaky", "ok2", "relocated"}


@pytest.mark.parametrize(
    ("kind", "count"),
    [
        ("http_4xx", 1),
        ("http_5xx", 1),
        ("timeout", 1),
        ("offsite_redirect", 1),
        ("oversized", 1),
        ("challenge", 1),
        ("stored", 4),
    ],
)
def test_each_problem_is_counted_by_kind(crawled: dict, kind: str, count: int) -> None:
    assert crawled["counters"].get(kind) == count


def test_server_errors_are_retried_and_4xx_are_not(crawled: dict) -> None:
    assert crawled["hits"]["flaky"] == 2
    assert crawled["hits"]["broken"] == 3  # RETRY_TIMES = 2
    assert crawled["hits"]["gone"] == 1


class _BusyRobots(_Site):
    """A site whose robots.txt answers 503 `busy` times before its rules (the articles' site)."""

    busy = 0
    hits: Counter[str] = Counter()

    def do_GET(self) -> None:
        if self.path.strip("/") == "robots.txt" and self.hits["robots.txt"] < self.busy:
            self.hits["robots.txt"] += 1
            self._send(503, b"busy")
        else:
            super().do_GET()


def _crawl_busy_robots(folder: Path, busy: int) -> tuple[subprocess.CompletedProcess, dict]:
    class Busy(_BusyRobots):  # a class, and so a hit counter, of its own per crawl
        pass

    Busy.busy, Busy.hits = busy, Counter()
    server = _QuietServer(("127.0.0.1", 0), Busy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    write_source(folder, base, kind="national", province=None)
    env = crawl_env(folder, download_timeout=str(TIMEOUT_SECONDS))
    try:
        result = run_python(["-m", "pressmon", "crawl"], env)
    finally:
        server.shutdown()
    return result, dict(Busy.hits)


def test_an_unreadable_robots_txt_keeps_the_crawler_out(tmp_path: Path) -> None:
    result, hits = _crawl_busy_robots(tmp_path, busy=1_000)
    assert hits == {"robots.txt": 3}, result.stderr[-2000:]  # retried twice, then not the feed
    assert result.returncode != 0  # the only source fetched nothing
    assert "Traceback" not in result.stderr
    with sqlite3.connect(tmp_path / "state.db") as db:
        counters = json.loads(db.execute("SELECT counters FROM crawl_runs").fetchone()[0])
    assert counters == {"http_5xx": 1}  # the feed, kept out for what robots.txt answered


def test_a_robots_txt_readable_after_a_retry_lets_the_crawl_in(tmp_path: Path) -> None:
    result, hits = _crawl_busy_robots(tmp_path, busy=1)
    assert result.returncode == 0, result.stderr[-2000:]
    assert hits["robots.txt"] == 2 and hits["feed.xml"] == 1 and hits["ok"] == 1
