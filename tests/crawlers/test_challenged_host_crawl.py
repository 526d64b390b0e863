"""A host that answers every article page with an anti-bot challenge is backed off as a whole,
through the real crawler on a loopback site, over simulated days (crawl_at).

The feed lists 80 articles; the site challenges them all. After three challenges in a row the
crawler asks for no more of them that run (the requests already handed to the downloader still
go) and, until 6 hours later, none at all; the URLs it did not ask for keep their own retries.
Once the back-off is over and the site lets the crawler through, every article is fetched and the
host is forgotten.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.crawlers.loopback_crawl import (
    CHALLENGE_PAGE,
    FeedSite,
    article_page,
    crawl_and_read,
    serving,
    write_source,
)

NAMES = [f"a{n:02}" for n in range(80)]
ARTICLES = {name: article_page(f"BHXH tự nguyện ở xã số {name}", f"xã {name}") for name in NAMES}


class _Site(FeedSite):
    pages: ClassVar[dict[str, bytes]] = dict.fromkeys(NAMES, CHALLENGE_PAGE)
    hits: ClassVar[Counter[str]] = Counter()


def _crawl(folder: Path, at: datetime) -> dict[str, Any]:
    run = crawl_and_read(folder, at, _Site)
    run["outcomes"] = Counter(outcome for outcome, *_ in run["seen"].values())
    with sqlite3.connect(folder / "state.db") as db:
        run["hosts"] = db.execute("SELECT host, trips, retry_at FROM challenged_hosts").fetchall()
    db.close()
    return run


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("challenged-host")
    with serving(_Site) as base:
        write_source(folder, base, kind="other", province=None)
        start = datetime.now(UTC).replace(microsecond=0)
        runs: dict[str, Any] = {"start": start}
        runs["first"] = _crawl(folder, start)
        runs["backed_off"] = _crawl(folder, start + timedelta(hours=2))
        _Site.pages.update(ARTICLES)  # the site lets the crawler through now
        runs["after"] = _crawl(folder, start + timedelta(hours=7))
        yield runs


def test_a_host_challenging_every_page_is_asked_for_no_more_that_run(
    crawls: dict[str, Any],
) -> None:
    first = crawls["first"]
    fetched = sum(first["hits"].values())
    # Three challenges trip it; the requests already in the downloader (CONCURRENT_REQUESTS, 16)
    # and the few it takes while the third is parsed are still fetched: about 20, not all 80.
    assert 3 <= fetched <= 40 and all(n == 1 for n in first["hits"].values())
    assert first["counters"]["challenge"] == fetched
    assert first["counters"]["challenge_waiting"] == len(NAMES) - fetched
    assert first["outcomes"] == {"challenge": fetched}  # the others were never asked for
    start = crawls["start"]
    assert first["hosts"] == [("127.0.0.1", 1, (start + timedelta(hours=6)).isoformat())]
    assert "chờ tải lại sau trang chống bot" in first["stdout"]


def test_while_backed_off_the_host_is_asked_for_no_article(crawls: dict[str, Any]) -> None:
    backed_off = crawls["backed_off"]
    assert backed_off["hits"] == {}
    assert backed_off["counters"]["challenge_waiting"] == len(NAMES)
    assert backed_off["hosts"] == crawls["first"]["hosts"]


def test_once_the_back_off_is_over_every_article_is_read_and_the_host_forgotten(
    crawls: dict[str, Any],
) -> None:
    after = crawls["after"]
    assert after["hits"] == dict.fromkeys(NAMES, 1)
    assert after["hosts"] == []
    assert after["counters"]["extracted"] == len(NAMES)
    assert "challenge_waiting" not in after["counters"] and "challenge" not in after["counters"]
