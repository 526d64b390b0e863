"""Every request that waits for a host's robots.txt gets its rules, not only the first one.

A crawl starts with many requests to one host at once (several feeds, or a distributed worker's
first leased batch); they all wait while robots.txt downloads. Scrapy hands the parsed rules
to only one waiter and "no rules" to the rest, so without our fix they were fetched although
robots.txt forbids them. Real crawl, real HTTP on loopback.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.crawlers.loopback_crawl import crawl_env, run_python, write_source

PRIVATE_FEEDS = [f"noi-bo/feed{n}.xml" for n in range(1, 6)]


class _PrivateSection(BaseHTTPRequestHandler):
    hits: Counter[str] = Counter()

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        name = self.path.strip("/")
        self.hits[name] += 1
        if name == "robots.txt":
            body, content_type = b"User-agent: *\nDisallow: /noi-bo/\n", "text/plain"
        else:  # any feed: an empty one, the crawl has nothing to follow
            body = b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'
            content_type = "application/rss+xml"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_requests_waiting_together_for_robots_txt_all_obey_it(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PrivateSection)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feeds = [f"{base}/feed.xml", *(f"{base}/{path}" for path in PRIVATE_FEEDS)]
    write_source(tmp_path, base, feeds=feeds)
    try:
        result = run_python(["-m", "pressmon", "crawl"], crawl_env(tmp_path))
    finally:
        server.shutdown()
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert dict(_PrivateSection.hits) == {"robots.txt": 1, "feed.xml": 1}
    with sqlite3.connect(tmp_path / "state.db") as db:
        counters = json.loads(db.execute("SELECT counters FROM crawl_runs").fetchone()[0])
    assert counters["robots_disallowed"] == len(PRIVATE_FEEDS)
