"""Every write a crawl makes to the state database, each failing in turn on a file another
process holds: the crawl stops with the state database's error (no traceback, exit 1), and the
next crawl catches up, so no article, update, audit event or saved copy is lost.

Each case takes the lock (BEGIN EXCLUSIVE on its own connection, as a `sqlite3` shell would) just
before its write point's first call, in the crawl's process: the failure lands exactly there.
The audit found a traceback when an update's audit mark or an alert could not be written."""

from __future__ import annotations

import inspect
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest

from crawlers.state import CrawlState
from demo.content.scams import PAID_WITHDRAWAL_SERVICE
from index.sqlite_backend import SQLiteArchive
from index.types import ReviewEvent
from tests.crawlers.loopback_crawl import (
    SHELL_PAGE,
    FeedSite,
    article_page,
    crawl_env,
    run_python,
    serving,
    stopped_on_held_state,
    write_source,
)

# `pressmon crawl` whose argv names a method (module, class, name) and the state database:
# another connection holds the file from just before that method's first call. A held file
# fails after a second, not at once: at once, the crawl's own connections (the alert thread's
# among them) would fail on each other.
_CRAWL_HELD_AT = """
import importlib, sqlite3, sys
import pressmon.state_db as state_db
state_db.TIMEOUT_SECONDS = 1
module, owner_name, name, state_path = sys.argv[1:5]
owner = getattr(importlib.import_module(module), owner_name)
write = getattr(owner, name)
holders = []
def held_first(*args, **kwargs):
    if not holders:
        holder = sqlite3.connect(state_path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        holders.append(holder)
        print("HELD BEFORE", name, file=sys.stderr, flush=True)
    return write(*args, **kwargs)
setattr(owner, name, held_first)
from pressmon.cli import main
main(prog_name="pressmon", args=["crawl"])
"""

# Every write to the state database a crawl makes, by (module, class, method).
WRITE_POINTS = (
    ("crawlers.state", "CrawlState", "mark_retry"),  # spider: a shell page
    ("crawlers.state", "CrawlState", "mark_fetched"),  # pipeline and spider: a page read
    ("crawlers.state", "CrawlState", "share_stories"),  # pipeline: stories of a batch
    ("crawlers.state", "CrawlState", "record_run"),  # closing: the run's health
    ("pressmon.evidence.store", "EvidenceStore", "add"),  # pipeline: a flagged one's copy
    ("pressmon.review.changes", "ChangeStore", "mark"),  # pipeline: updated after a decision
    ("pressmon.alerts.store", "AlertStore", "seen"),  # pipeline: content needing no alert
    ("pressmon.alerts.store", "AlertStore", "add"),  # pipeline: an alert queued
)
# CrawlState's other writes, from spider callbacks as mark_retry (the same StateFailureMiddleware
# stops the crawl), on what this site does not serve (redirects, challenges, old not_article
# URLs); and its reads.
CRAWL_STATE_WRITES_NOT_STAGED = frozenset(
    {"mark", "mark_many", "end_recheck", "back_off_host", "clear_host"}
)
CRAWL_STATE_READS = frozenset(
    {"is_done", "known", "challenged_host", "stories", "last_story_row", "runs", "close"}
)

SCAM = (PAID_WITHDRAWAL_SERVICE["lead"], *PAID_WITHDRAWAL_SERVICE["body"])
EDITED_SCAM = (*SCAM[:-1], "Ưu đãi mới: phí dịch vụ chỉ còn 10%, liên hệ Zalo 0123.456.789.")
TITLES = {
    "scam": "Rút BHXH một lần nhanh trong 7 ngày",
    "edited": "Rút BHXH một lần chỉ trong 3 ngày, phí 10%",
    "new": "BHXH Hà Tĩnh chi trả lương hưu qua tài khoản",
}


def _page(title: str, paragraphs: tuple[str, ...]) -> bytes:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
"datePublished": "2026-05-12T08:30:00+07:00"}}</script></head><body><article><h1>{title}</h1>
{text}</article></body></html>""".encode()


IRRELEVANT = _page(
    "Đội bóng Sông Lam thắng trận mở màn",
    (
        "Chiều qua, đội bóng Sông Lam Nghệ An thắng hai bàn không gỡ trên sân nhà Vinh.",
        "Huấn luyện viên khen các cầu thủ trẻ chơi đầy quyết tâm trong hiệp hai.",
        "Trận tiếp theo của đội diễn ra vào cuối tuần tới trên sân Thiên Trường.",
    ),
)


class Site(FeedSite):
    """FeedSite with a sitemap giving each page's `lastmod`, so an edited article is fetched
    again."""

    pages: ClassVar[dict[str, bytes]] = {}
    hits: ClassVar[Counter[str]] = Counter()
    lastmod: ClassVar[dict[str, str]] = {}

    def do_GET(self) -> None:
        if self.path.strip("/") != "sitemap.xml":
            super().do_GET()
            return
        urls = "".join(
            f"<url><loc>{self.base}/tin/{name}.html</loc><lastmod>{stamp}</lastmod></url>"
            for name, stamp in self.lastmod.items()
        )
        xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        self._send(200, xml.encode(), "application/xml")


def _documents(folder: Path) -> dict[str, Any]:
    archive = SQLiteArchive(folder / "archive.db")
    try:
        return {doc.url.rsplit("/", 1)[1][:-5]: doc for doc in archive.iter_documents()}
    finally:
        archive.close()


def _after(folder: Path) -> dict[str, Any]:
    """The archive's titles by page, the scam post's audit actions, and what the state database
    lists of it: saved copies, content-change mark."""
    documents = _documents(folder)
    scam = documents["a"]
    archive = SQLiteArchive(folder / "archive.db")
    try:
        actions = [event.action for event in archive.review_history(scam.id)]
    finally:
        archive.close()
    with sqlite3.connect(folder / "state.db") as db:
        copies = db.execute("SELECT count(*) FROM evidence WHERE document_id = ?", (scam.id,))
        (evidence,) = copies.fetchone()
        marked = [row[0] for row in db.execute("SELECT document_id FROM content_changes")]
    db.close()
    return {
        "titles": {name: doc.title for name, doc in documents.items()},
        "actions": actions,
        "evidence": evidence,
        "marked": marked == [scam.id],
    }


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving(Site) as base:
        yield base


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory, site: str) -> Path:
    """A folder crawled once (a scam post, flagged), the post then concluded on by a reviewer;
    then the site edits it and publishes a new article, a shell page and an unrelated one."""
    folder = tmp_path_factory.mktemp("decided")
    write_source(
        folder, site, kind="other", province=None, feeds=None, sitemaps=[f"{site}/sitemap.xml"]
    )
    Site.pages.update(a=_page(TITLES["scam"], SCAM))
    Site.lastmod.update(a="2026-05-12T09:00:00+07:00")
    first = run_python(["-m", "pressmon", "crawl"], crawl_env(folder))
    assert first.returncode == 0, first.stderr[-3000:]
    archive = SQLiteArchive(folder / "archive.db")
    scam = _documents(folder)["a"]
    assert scam.tier in {"urgent", "review"}
    at = datetime.now(UTC) - timedelta(minutes=1)
    archive.record_review(ReviewEvent(scam.id, "an", at, "unstarted", "false", "Lừa đảo"))
    archive.close()
    Site.pages.update(
        a=_page(TITLES["edited"], EDITED_SCAM),
        n=article_page(TITLES["new"], "Hà Tĩnh"),
        s=SHELL_PAGE,
        i=IRRELEVANT,
    )
    Site.lastmod.update({name: "2026-05-13T10:15:00+07:00" for name in Site.pages})
    return folder


def test_every_crawl_state_method_is_a_staged_write_or_a_read() -> None:
    staged = {name for module, owner, name in WRITE_POINTS if owner == "CrawlState"}
    public = {name for name, _ in inspect.getmembers(CrawlState, inspect.isfunction)}
    public = {name for name in public if not name.startswith("_")}
    assert public == staged | CRAWL_STATE_WRITES_NOT_STAGED | CRAWL_STATE_READS


@pytest.mark.parametrize("write_point", WRITE_POINTS, ids=".".join)
def test_a_write_failing_on_a_held_state_database_stops_cleanly_and_loses_nothing(
    decided: Path, tmp_path: Path, write_point: tuple[str, str, str]
) -> None:
    folder = tmp_path / "crawl"
    shutil.copytree(decided, folder)
    state = folder / "state.db"
    held = run_python(["-c", _CRAWL_HELD_AT, *write_point, str(state)], crawl_env(folder))
    assert f"HELD BEFORE {write_point[2]}" in held.stderr, held.stderr[-3000:]
    stopped_on_held_state(held, state)

    again = run_python(["-m", "pressmon", "crawl"], crawl_env(folder))
    assert again.returncode == 0, again.stderr[-3000:]
    assert _after(folder) == {
        "titles": {"a": TITLES["edited"], "n": TITLES["new"]},
        "actions": ["status", "content_changed"],  # the update's event, once
        "evidence": 2,  # the first version's saved copy and the edited one's
        "marked": True,
    }
