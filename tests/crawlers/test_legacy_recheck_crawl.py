"""URLs recorded not_article before shell pages were retried (state v10) are each fetched once
more (state v12), through the real crawler on a loopback site, at most 20 per source and run.

The state database is made at version 10 with 25 such URLs listed by the feed: `l00` is the
article now (it was a "Vui lòng chờ…" page when recorded), `l01` is a shell still (it joins the
shell schedule), the rest are real pages that are no article; `g` was given up after its retries
under version 10 and is not fetched again. The first run re-checks 20 of them, the second the
other 5, the third none.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest

from crawlers.urls import article_id
from pressmon.state_db import MIGRATIONS, migrate
from tests.crawlers.loopback_crawl import (
    SHELL_PAGE,
    FeedSite,
    article_page,
    crawl_and_read,
    serving,
    write_source,
)

RECHECK_COLUMNS = ("outcome", "attempts", "recheck")
LEGACY = [f"l{n:02}" for n in range(25)]
ARTICLE = article_page("BHXH tự nguyện đến từng hộ ở Nghệ An", "Nghệ An")
MENU = "".join(f"<li><a href='/chuyen-muc/{n}'>Chuyên mục video số {n}</a></li>" for n in range(40))
VIDEO = f"""<!doctype html><html><head><meta charset="utf-8"><title>Video</title></head>
<body><nav><ul>{MENU}</ul></nav><video src="/v.mp4"></video></body></html>""".encode()


class _Site(FeedSite):
    pages: ClassVar[dict[str, bytes]] = {
        **dict.fromkeys(LEGACY, VIDEO),
        "l00": ARTICLE,
        "l01": SHELL_PAGE,
        "g": SHELL_PAGE,
    }
    hits: ClassVar[Counter[str]] = Counter()


def _state_at_version_10(folder: Path) -> None:
    """The state database as version 10 left it: legacy not_article rows, one given up."""
    with sqlite3.connect(folder / "state.db") as db:
        migrate(db, MIGRATIONS[:10])
        rows = [(name, "not_article", 0) for name in LEGACY] + [("g", "not_article", 4)]
        db.executemany(
            "INSERT INTO seen_urls (url_id, url, source_id, outcome, first_seen, last_seen,"
            " attempts) VALUES (?, ?, 'bao_thu', ?, '2026-01-02T00:00:00+00:00',"
            " '2026-01-02T00:00:00+00:00', ?)",
            [
                (article_id(f"{_Site.base}/tin/{name}.html"), f"{_Site.base}/tin/{name}.html", o, a)
                for name, o, a in rows
            ],
        )
    db.close()


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("legacy-recheck")
    with serving(_Site) as base:
        write_source(folder, base, kind="other", province=None)
        _state_at_version_10(folder)
        start = datetime.now(UTC).replace(microsecond=0)
        yield [
            crawl_and_read(folder, start + timedelta(hours=2 * n), _Site, RECHECK_COLUMNS)
            for n in range(3)
        ]


def test_at_most_20_legacy_urls_are_rechecked_a_run_each_once(
    crawls: list[dict[str, Any]],
) -> None:
    first, second, third = (run["hits"] for run in crawls)
    assert len(first) == 20 and len(second) == 5 and third == {}
    assert set(first) | set(second) == set(LEGACY)
    assert all(n == 1 for n in (*first.values(), *second.values()))
    assert crawls[0]["counters"]["known"] == 5 + 1  # left for the next run, and g
    assert crawls[2]["counters"]["known"] == 25  # l01 waits for its shell retry
    assert crawls[2]["counters"]["retry_waiting"] == 1


def test_a_url_given_up_after_its_retries_is_not_rechecked(crawls: list[dict[str, Any]]) -> None:
    assert all("g" not in run["hits"] for run in crawls)
    assert crawls[2]["seen"]["g"] == ("not_article", 4, 0)


def test_a_recheck_stores_the_article_or_gives_a_shell_its_retries(
    crawls: list[dict[str, Any]],
) -> None:
    last = crawls[2]
    assert last["titles"] == ["BHXH tự nguyện đến từng hộ ở Nghệ An"]
    assert last["seen"]["l00"] == ("stored", 0, 0)
    assert last["seen"]["l01"] == ("retry_later", 1, 0)
    assert {last["seen"][name] for name in LEGACY[2:]} == {("not_article", 0, 0)}
