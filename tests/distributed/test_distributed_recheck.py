"""A distributed worker's re-check of a URL recorded not_article before shell pages were retried
(state v12) gets through the shared dupefilter, which remembers every article URL once ever."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crawlers.discovery import Link
from crawlers.distributed.dupefilter import CycleDupeFilter
from crawlers.distributed.keys import RedisKeys
from crawlers.distributed.leases import Leases
from crawlers.distributed.spider import DistributedSourceSpider
from crawlers.sources import Source
from crawlers.state import CrawlState
from crawlers.urls import article_id
from pressmon.state_db import open_state_db
from tests.distributed.conftest import RedisServer

KEYS = RedisKeys("t")
URL = "https://baothu.vn/tin/a.html"


def test_a_recheck_passes_the_dupefilter_that_saw_the_url_once(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    path = tmp_path / "state.db"
    open_state_db(path).close()
    state = CrawlState(path)
    state.mark(article_id(URL), URL, "baothu", "not_article")
    with sqlite3.connect(path) as db:  # as the version 12 migration flags a row from before
        db.execute("UPDATE seen_urls SET recheck = 1")
    db.close()
    source = Source(id="baothu", name="Báo Thử", kind="national", domain="baothu.vn")
    spider = DistributedSourceSpider([source], state)
    server = redis_server.client()
    spider.leases = Leases(server, KEYS, lease_seconds=60, owner="w1")
    dupefilter = CycleDupeFilter(server, key=KEYS.dupefilter)
    fetched_then = spider._article_request(URL, "baothu", article_id(URL), 0, None, None)
    assert not dupefilter.request_seen(fetched_then)  # when it was recorded not_article

    recheck = spider._article(Link(URL), "baothu")
    assert recheck is not None and not dupefilter.request_seen(recheck)
    known = state.known(article_id(URL))
    assert known is not None and not known.recheck
    spider.forget_run()
    assert spider._article(Link(URL), "baothu") is None  # once only
    state.close()
