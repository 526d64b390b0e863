"""Articles edited after they were stored, through the real crawler on a loopback site.

The site lists its articles in a sitemap with `<lastmod>` and one in an RSS feed (no modification
signal). After the first crawl a reviewer concludes on the scam post and reports it to
leadership, then the site edits articles and bumps their `<lastmod>`: the second crawl fetches
those again (conditionally) and updates the same archive entry in place, keeping the review
history, the locked verdict and the earlier saved copy, and adds the system's event saying the
content changed after the decision; the third, with the same `<lastmod>`, fetches none.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from classifier.types import TIER_LABELS
from crawlers.urls import article_id, canonicalize_url
from demo.content.scams import PAID_WITHDRAWAL_SERVICE
from index.sqlite_backend import SQLiteArchive
from index.types import ReviewEvent
from pressmon.review.workflow import replay
from tests.crawlers.loopback_crawl import crawl_env, run_python, write_source

PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "2026-05-1{day}T08:30:00+07:00"}}</script></head><body><article><h1>{title}</h1>
{paragraphs}</article></body></html>"""

PRESS = (
    "Bảo hiểm xã hội (BHXH) tỉnh Nghệ An cho biết, trong tháng vận động triển khai BHXH toàn dân, "
    "cơ quan BHXH đã phối hợp với bưu điện tuyên truyền chính sách BHXH tự nguyện đến từng hộ.",
    "Người tham gia BHXH tự nguyện được Nhà nước hỗ trợ một phần tiền đóng và được hưởng lương hưu "
    "khi đủ điều kiện. Cán bộ BHXH khuyến khích người lao động tự do tham gia.",
    "Cũng theo BHXH tỉnh, số người tham gia BHYT hộ gia đình tăng so với cùng kỳ năm trước.",
)
SCAM = (PAID_WITHDRAWAL_SERVICE["lead"], *PAID_WITHDRAWAL_SERVICE["body"])

B_PAGE_TITLE = "Tuyên truyền BHXH tự nguyện đến từng hộ"
B_LAST_MODIFIED = "Tue, 12 May 2026 02:00:00 GMT"
FIRST_LASTMOD = "2026-05-12T09:00:00+07:00"
EDITED_LASTMOD = "2026-05-13T10:15:00+07:00"


def _page(title: str, paragraphs: tuple[str, ...], day: int) -> bytes:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, paragraphs=text, day=day).encode()


def _etag(body: bytes) -> str:
    return f'"b-{len(body)}"'


class _Site(BaseHTTPRequestHandler):
    """a: a scam post that gets edited; b: a press article whose server answers 304 to its ETag;
    d: a press article served again unchanged without validators; c: a press article in the RSS
    feed only, edited without any signal."""

    base: ClassVar[str] = ""  # http://127.0.0.1:PORT
    pages: ClassVar[dict[str, bytes]] = {}
    lastmod: ClassVar[dict[str, str]] = {}
    hits: ClassVar[list[tuple[str, str | None, str | None]]] = []  # path, If-None-Match, IMS

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.strip("/")
        host = self.base
        if path == "robots.txt":
            self._send(200, b"User-agent: *\nAllow: /\n", "text/plain", {})
        elif path == "sitemap.xml":
            urls = "".join(
                f"<url><loc>{host}/tin/{name}.html</loc><lastmod>{stamp}</lastmod></url>"
                for name, stamp in self.lastmod.items()
            )
            xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            self._send(200, xml.encode(), "application/xml", {})
        elif path == "feed.xml":
            item = f"<item><title>c</title><link>{host}/tin/c.html</link></item>"
            xml = f'<rss version="2.0"><channel>{item}</channel></rss>'
            self._send(200, xml.encode(), "application/rss+xml", {})
        elif path.startswith("tin/") and path[4:-5] in self.pages:
            name = path[4:-5]
            asked = (self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"))
            self.hits.append((name, *asked))
            body = self.pages[name]
            headers = {}
            if name == "b":  # validators: the ETag names the content
                headers = {"ETag": _etag(body), "Last-Modified": B_LAST_MODIFIED}
                if asked[0] == headers["ETag"]:
                    self._send(304, b"", "text/html; charset=utf-8", headers)
                    return
            self._send(200, body, "text/html; charset=utf-8", headers)
        else:
            self._send(404, b"", "text/plain", {})


def _crawl(folder: Path) -> subprocess.CompletedProcess[str]:
    result = run_python(["-m", "pressmon", "crawl"], crawl_env(folder))
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def _snapshot(folder: Path, base: str) -> dict[str, Any]:
    """The archive's articles, review history and saved copies, and the last run's counters."""
    archive = SQLiteArchive(folder / "archive.db")
    try:
        documents = {doc.url.rsplit("/", 1)[1][:-5]: doc for doc in archive.iter_documents()}
        scam = documents.get("a")
        history = list(archive.review_history(scam.id)) if scam else []
        untouched = [list(archive.review_history(d.id)) for n, d in documents.items() if n != "a"]
    finally:
        archive.close()
    with sqlite3.connect(folder / "state.db") as db:
        (counters,) = db.execute(
            "SELECT counters FROM crawl_runs ORDER BY finished_at DESC LIMIT 1"
        ).fetchone()
        evidence = db.execute(
            "SELECT sha256 FROM evidence WHERE document_id = ? ORDER BY fetched_at",
            (article_id(canonicalize_url(f"{base}/tin/a.html")),),
        ).fetchall()
        marked = [row[0] for row in db.execute("SELECT document_id FROM content_changes")]
    db.close()
    hits = list(_Site.hits)
    _Site.hits.clear()
    return {
        "documents": documents,
        "history": history,
        "untouched_histories": untouched,
        "marked": marked,
        "counters": json.loads(counters),
        "evidence": [sha for (sha,) in evidence],
        "hits": hits,
    }


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("article-updates")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = _Site.base = f"http://127.0.0.1:{server.server_port}"
    write_source(folder, base, kind="other", province=None, sitemaps=[f"{base}/sitemap.xml"])
    _Site.pages.update(
        a=_page("Rút BHXH một lần nhanh trong 7 ngày", SCAM, 2),
        b=_page(B_PAGE_TITLE, PRESS, 3),
        c=_page("Tăng người tham gia BHYT hộ gia đình", PRESS, 4),
        d=_page("BHXH tỉnh Nghệ An phối hợp với bưu điện", PRESS, 5),
    )
    _Site.lastmod.update(a=FIRST_LASTMOD, b=FIRST_LASTMOD, d=FIRST_LASTMOD)
    try:
        runs: dict[str, Any] = {"base": base}
        _crawl(folder)
        runs["first"] = _snapshot(folder, base)

        # A reviewer concludes on the scam post and reports it to leadership before it changes.
        archive = SQLiteArchive(folder / "archive.db")
        scam_id = runs["first"]["documents"]["a"].id
        runs["decided"] = _decided(scam_id)
        for event in runs["decided"]:
            archive.record_review(event)
        archive.close()

        # The site edits the scam post (headline and a paragraph) and bumps every <lastmod>;
        # b and d are served again as they were; c changes with no signal at all.
        edited = (*SCAM[:-1], "Ưu đãi mới: phí dịch vụ chỉ còn 10%, liên hệ Zalo 0123.456.789.")
        _Site.pages["a"] = _page("Rút BHXH một lần chỉ trong 3 ngày, phí 10%", edited, 2)
        _Site.pages["c"] = _page("Tiêu đề đã sửa không báo", PRESS, 4)
        _Site.lastmod.update(a=EDITED_LASTMOD, b=EDITED_LASTMOD, d=EDITED_LASTMOD)
        runs["second_output"] = _crawl(folder).stdout
        runs["second"] = _snapshot(folder, base)

        _crawl(folder)
        runs["third"] = _snapshot(folder, base)
        yield runs
    finally:
        server.shutdown()


def _decided(document_id: str) -> list[ReviewEvent]:
    at = datetime.now(UTC) - timedelta(minutes=1)
    return [
        ReviewEvent(document_id, "an", at, "unstarted", "false", "Dịch vụ rút BHXH trái phép"),
        ReviewEvent(
            document_id,
            "an",
            at,
            "false",
            "false",
            "Báo cáo tuần 20",
            "follow_up",
            {"follow_up": "reported_to_leadership"},
        ),
    ]


def _fetched(snapshot: dict[str, Any]) -> list[str]:
    return sorted(name for name, *_ in snapshot["hits"])


def test_the_first_crawl_stores_every_article(crawls: dict[str, Any]) -> None:
    first = crawls["first"]
    assert sorted(first["documents"]) == ["a", "b", "c", "d"]
    assert first["counters"]["stored"] == 4
    assert first["documents"]["a"].tier in {"urgent", "review"}  # flagged: a saved copy
    assert len(first["evidence"]) == 1


def test_an_edited_article_updates_the_same_entry(crawls: dict[str, Any]) -> None:
    before, after = crawls["first"]["documents"]["a"], crawls["second"]["documents"]["a"]
    assert len(crawls["second"]["documents"]) == 4  # one row per article, none added
    assert after.id == before.id and after.story_id == before.story_id
    assert after.title == "Rút BHXH một lần chỉ trong 3 ngày, phí 10%"
    assert "phí dịch vụ chỉ còn 10%" in after.body and "Cảm nhận khách hàng" not in after.body
    assert after.tier in {"urgent", "review"}  # flagged again through the same pipeline
    counters = crawls["second"]["counters"]
    assert counters.get("updated") == 1 and counters.get("stored", 0) == 0
    assert "cập nhật 1 bài" in crawls["second_output"]


def test_an_update_keeps_the_review_and_adds_a_saved_copy(crawls: dict[str, Any]) -> None:
    after = crawls["second"]["documents"]["a"]
    assert after.review_status == "false"
    history = crawls["second"]["history"]
    assert history[:2] == crawls["decided"]
    assert replay(history).locked  # only a lead reopens it, as before
    first_copy = crawls["first"]["evidence"]
    assert crawls["second"]["evidence"][:1] == first_copy and len(crawls["second"]["evidence"]) == 2


def test_an_update_after_a_decision_is_in_the_audit_trail_and_marked(
    crawls: dict[str, Any],
) -> None:
    first, second = crawls["first"], crawls["second"]
    changed = second["history"][2:]
    assert [(e.actor, e.action, e.status_before, e.status_after) for e in changed] == [
        ("system", "content_changed", "false", "false")
    ]
    note, detail = changed[0].note, changed[0].detail
    assert "thay đổi: tiêu đề, nội dung." in note
    tier = second["documents"]["a"].tier
    assert detail["changed"] == ["title", "body"] and detail["tier"] == tier
    assert detail["tier_before"] == first["documents"]["a"].tier
    assert f"Đánh giá mới của hệ thống: {TIER_LABELS[tier]}, điểm rủi ro" in note
    assert replay(second["history"]).changed_since_decision
    assert second["marked"] == [second["documents"]["a"].id]
    # No one had acted on the others: nothing was added to their (empty) trails.
    assert second["untouched_histories"] == [[], [], []]
    # Fetched again with the same content, nothing more is said.
    assert crawls["third"]["history"] == second["history"]


def test_a_changed_lastmod_asks_conditionally_and_a_304_changes_nothing(
    crawls: dict[str, Any],
) -> None:
    hits = {name: asked for name, *asked in crawls["second"]["hits"]}
    assert hits["b"] == [_etag(_page(B_PAGE_TITLE, PRESS, 3)), B_LAST_MODIFIED]
    assert hits["a"] == [None, None] and hits["d"] == [None, None]  # no validators to send
    # b answered 304, d the same page again: both unchanged, their entries as they were.
    assert crawls["second"]["counters"].get("unchanged") == 2
    for name in ("b", "d"):
        assert crawls["second"]["documents"][name] == crawls["first"]["documents"][name]


def test_an_article_without_a_modification_signal_is_not_fetched_again(
    crawls: dict[str, Any],
) -> None:
    assert _fetched(crawls["second"]) == ["a", "b", "d"]
    assert crawls["second"]["documents"]["c"].title == "Tăng người tham gia BHYT hộ gia đình"


def test_the_same_lastmod_again_fetches_nothing(crawls: dict[str, Any]) -> None:
    third = crawls["third"]
    assert _fetched(third) == []
    assert third["counters"]["known"] == 4
    assert not {"stored", "updated", "unchanged"} & set(third["counters"])
    assert third["documents"] == crawls["second"]["documents"]
