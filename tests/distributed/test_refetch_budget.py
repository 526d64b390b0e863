"""`crawl.refetch_per_source` in distributed mode: the budget of changed stored articles fetched
again is per source and enqueue cycle across all workers, as it is per run in a single crawl;
not per worker, nor renewed each time a worker goes idle. Real redis-server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import redis
from scrapy.http import Request, XmlResponse

from crawlers.distributed.keys import RedisKeys
from crawlers.distributed.leases import Leases
from crawlers.distributed.seeding import enqueue_sources, new_cycle
from crawlers.distributed.spider import DistributedSourceSpider
from crawlers.revisions import PageVersion
from crawlers.sources import Source
from crawlers.state import CrawlState, FetchedURL
from crawlers.urls import article_id, canonicalize_url
from pressmon.state_db import open_state_db
from tests.distributed.conftest import RedisServer

KEYS = RedisKeys("t")
SOURCE = Source(
    id="baothu",
    name="Báo Thử",
    kind="national",
    domain="baothu.vn",
    sitemaps=("https://baothu.vn/sitemap.xml",),
)
STORED_AT = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
CHANGED_AT = STORED_AT + timedelta(hours=3)
NAMES = ("old-1", "old-2", "old-3", "old-4")


def _url(name: str) -> str:
    return f"https://baothu.vn/tin/{name}.html"


def _state(tmp_path: Path) -> CrawlState:
    """The crawl state the workers of one host share, with four stored articles."""
    open_state_db(tmp_path / "state.db").close()
    state = CrawlState(tmp_path / "state.db")
    version = PageVersion(STORED_AT, '"v1"', None)
    state.mark_fetched(
        [
            FetchedURL(article_id(canonicalize_url(_url(n))), _url(n), "baothu", version)
            for n in NAMES
        ],
        "stored",
    )
    return state


def _worker(tmp_path: Path, server: redis.Redis, name: str) -> DistributedSourceSpider:
    spider = DistributedSourceSpider([SOURCE], CrawlState(tmp_path / "state.db"), refetch_limit=2)
    spider.leases = Leases(server, KEYS, lease_seconds=60, owner=name)
    return spider


def _sitemap(spider: DistributedSourceSpider, names: tuple[str, ...]) -> list[str]:
    """The article URLs the worker asks for from a sitemap listing `names` as changed."""
    entries = "".join(
        f"<url><loc>{_url(n)}</loc><lastmod>{CHANGED_AT.isoformat()}</lastmod></url>" for n in names
    )
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    url = SOURCE.sitemaps[0]
    response = XmlResponse(url, body=body.encode(), request=Request(url))
    return [r.url for r in spider.parse_sitemap(response, source_id=SOURCE.id)]


def test_the_refetch_budget_is_shared_by_the_workers_and_lasts_a_cycle(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    server = redis_server.client()
    state = _state(tmp_path)
    enqueue_sources(server, KEYS, [SOURCE], state, new_cycle())
    first, second = _worker(tmp_path, server, "w1"), _worker(tmp_path, server, "w2")
    assert _sitemap(first, ("old-1",)) == [_url("old-1")]
    assert _sitemap(second, ("old-2", "old-3")) == [_url("old-2")]  # the budget of 2 is spent
    assert second.counters["baothu"]["refetch_deferred"] == 1
    first.forget_run()  # as each time a worker goes idle waiting for others
    assert _sitemap(first, ("old-4",)) == []
    enqueue_sources(server, KEYS, [SOURCE], state, new_cycle())  # the next cycle: a new budget
    second.forget_run()
    assert _sitemap(second, ("old-3", "old-4")) == [_url("old-3"), _url("old-4")]
