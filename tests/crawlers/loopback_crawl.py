"""A real `pressmon crawl`, in a child process, of one source served on loopback: the source file
and the environment the crawl tests share (no politeness delay, so they run in seconds), and a
site whose feed lists the pages a test gives it, with the pages those tests serve."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import yaml

from index.sqlite_backend import SQLiteArchive

REPO = Path(__file__).resolve().parents[2]


def write_source(folder: Path, base: str, **fields: Any) -> None:
    """`folder`/sources.yaml with the one source "bao_thu" reading `base`/feed.xml; `fields`
    replace or add fields (a field given as None is left out)."""
    source = {
        "id": "bao_thu",
        "name": "Báo thử",
        "kind": "provincial",
        "province": "Nghệ An",
        "domain": "127.0.0.1",
        "feeds": [f"{base}/feed.xml"],
        **fields,
    }
    present = {key: value for key, value in source.items() if value is not None}
    (folder / "sources.yaml").write_text(yaml.safe_dump([present], allow_unicode=True), "utf-8")


def crawl_env(folder: Path, **crawl: str) -> dict[str, str]:
    """The environment of a crawl into `folder` (archive, state database, sources.yaml), with
    `crawl` as extra `[crawl]` settings (download_timeout="5": PRESSMON_CRAWL__DOWNLOAD_TIMEOUT)."""
    return {
        **os.environ,
        "PRESSMON_ARCHIVE": str(folder / "archive.db"),
        "PRESSMON_ARCHIVE__STATE_PATH": str(folder / "state.db"),
        "PRESSMON_SOURCES": str(folder / "sources.yaml"),
        "PRESSMON_CRAWL__DOWNLOAD_DELAY": "0",
        "PRESSMON_CRAWL__AUTOTHROTTLE": "false",
        **{f"PRESSMON_CRAWL__{key.upper()}": value for key, value in crawl.items()},
    }


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python ARGS` from the repository, its output captured."""
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# `pressmon crawl` with the crawl state's clock (crawlers.state.utc_now) set to argv[1].
_CRAWL_AT = (
    "import sys; from datetime import datetime; import crawlers.state as state; "
    "at = datetime.fromisoformat(sys.argv[1]); state.utc_now = lambda: at; "
    "from pressmon.cli import main; main(prog_name='pressmon', args=['crawl'])"
)


def stopped_on_held_state(result: subprocess.CompletedProcess[str], state: Path) -> None:
    """A crawl command stopped as a held state database stops it: exit 1, no traceback, the
    state database's Vietnamese error naming `state` and the `fuser -v` hint last."""
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    error, hint = result.stderr.strip().splitlines()[-2:]
    assert error == (
        f"Lỗi: không dùng được cơ sở dữ liệu trạng thái '{state}': "
        "tệp đang bị tiến trình khác khóa; thử lại sau"
    ), result.stderr[-3000:]
    assert hint.startswith("  gợi ý: một tiến trình khác") and "fuser -v" in hint, hint


def crawl_at(folder: Path, at: datetime) -> subprocess.CompletedProcess[str]:
    """A crawl into `folder` (crawl_env) whose crawl state reads the time as `at`: days pass
    between runs without waiting."""
    return run_python(["-c", _CRAWL_AT, at.isoformat()], crawl_env(folder))


def article_page(title: str, place: str) -> bytes:
    """A news article about social insurance in `place`, dated 12/5/2026."""
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{title}</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "2026-05-12T08:30:00+07:00"}}</script></head><body><article>
<h1>{title}</h1>
<p>Bảo hiểm xã hội (BHXH) tỉnh {place} cho biết, trong tháng vận động triển khai BHXH toàn dân,
cơ quan BHXH đã phối hợp với bưu điện tuyên truyền chính sách BHXH tự nguyện đến từng hộ.</p>
<p>Người tham gia BHXH tự nguyện ở {place} được Nhà nước hỗ trợ một phần tiền đóng và được hưởng
lương hưu khi đủ điều kiện. Cán bộ BHXH khuyến khích người lao động tự do tham gia.</p>
<p>Cũng theo BHXH tỉnh {place}, số người tham gia BHYT hộ gia đình tăng so với cùng kỳ.</p>
</article></body></html>""".encode()


# Cloudflare's interstitial (crawlers.extract.challenge) and a "please wait" shell page
# (crawlers.extract.shell).
CHALLENGE_PAGE = b"""<!doctype html><html><head><title>Just a moment...</title></head>
<body><div id="challenge-running">Checking your browser before accessing the website.</div>
</body></html>"""
SHELL_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="5"><title>Vui lòng chờ…</title></head>
<body><p>Vui lòng chờ trong giây lát…</p></body></html>""".encode()


class FeedSite(BaseHTTPRequestHandler):
    """robots.txt allowing all, /feed.xml listing /tin/NAME.html for each NAME in `pages`, each
    page counted in `hits`. A test subclasses it, giving its own `pages` and `hits`."""

    base: ClassVar[str] = ""
    pages: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[Counter[str]] = Counter()

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.strip("/")
        if path == "robots.txt":
            self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        elif path == "feed.xml":
            items = "".join(
                f"<item><title>{n}</title><link>{self.base}/tin/{n}.html</link></item>"
                for n in sorted(self.pages)
            )
            xml = f'<rss version="2.0"><channel>{items}</channel></rss>'
            self._send(200, xml.encode(), "application/rss+xml")
        elif path.startswith("tin/") and path[4:-5] in self.pages:
            self.hits[path[4:-5]] += 1
            self._send(200, self.pages[path[4:-5]], "text/html; charset=utf-8")
        else:
            self._send(404, b"", "text/plain")


@contextmanager
def serving(site: type[FeedSite]) -> Iterator[str]:
    """`site` served on a free loopback port while the block runs; its base address (also set
    as `site.base`)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site.base = f"http://127.0.0.1:{server.server_port}"
    try:
        yield site.base
    finally:
        server.shutdown()


def crawl_and_read(
    folder: Path,
    at: datetime,
    site: type[FeedSite],
    seen_columns: tuple[str, ...] = ("outcome", "attempts", "retry_at"),
) -> dict[str, Any]:
    """A crawl of `site` into `folder` at `at` (crawl_at), then what it left: the run's
    `counters`, the crawl state's `seen` URLs (page name: `seen_columns`), the archive's stored
    `titles`, the `hits` each page took during the run (then cleared) and the `stdout`."""
    result = crawl_at(folder, at)
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(folder / "state.db") as db:
        (counters,) = db.execute(
            "SELECT counters FROM crawl_runs ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
        columns = ", ".join(seen_columns)
        seen = {
            url.rsplit("/", 1)[1][:-5]: tuple(values)
            for url, *values in db.execute(f"SELECT url, {columns} FROM seen_urls")
        }
    db.close()
    archive = SQLiteArchive(folder / "archive.db")
    try:
        titles = sorted(doc.title for doc in archive.iter_documents())
    finally:
        archive.close()
    hits = dict(site.hits)
    site.hits.clear()
    return {
        "counters": json.loads(counters),
        "seen": seen,
        "titles": titles,
        "hits": hits,
        "stdout": result.stdout,
    }


def crawl_on_schedule(
    folder: Path, site: type[FeedSite], schedule: Mapping[str, tuple[int, dict[str, bytes]]]
) -> dict[str, Any]:
    """`site` served while it is crawled into `folder` at each of `schedule`'s hours after now,
    with the pages given there put on the site first; each crawl_and_read by its name, and the
    first crawl's time as "start"."""
    with serving(site) as base:
        write_source(folder, base, kind="other", province=None)
        start = datetime.now(UTC).replace(microsecond=0)
        runs: dict[str, Any] = {"start": start}
        for name, (hours, pages) in schedule.items():
            site.pages.update(pages)
            runs[name] = crawl_and_read(folder, start + timedelta(hours=hours), site)
    return runs


def hours_after_start(runs: Mapping[str, Any], hours: int) -> str:
    """The ISO time `hours` after the first crawl of `runs` (its "start"), as the state writes
    retry times."""
    return (runs["start"] + timedelta(hours=hours)).isoformat()
