"""A worker's spider while Redis is down (past the client's retries): nothing raised into Scrapy,
nothing lost, and no lease held (renewed) forever. Real redis-server with AOF, stopped and
restarted on its data."""

from __future__ import annotations

import time
from pathlib import Path

import redis
from scrapy import Request
from scrapy.exceptions import DownloadTimeoutError
from scrapy.http import HtmlResponse
from scrapy_redis import picklecompat
from twisted.python.failure import Failure

from crawlers.discovery import Link
from crawlers.distributed.dupefilter import CycleDupeFilter, article_key
from crawlers.distributed.keys import LEASE, RedisKeys
from crawlers.distributed.leases import Leases
from crawlers.distributed.queue import ReliablePriorityQueue
from crawlers.distributed.scheduler import AtomicScheduler
from crawlers.distributed.spider import DistributedSourceSpider
from crawlers.sources import Source
from crawlers.state import CrawlState
from pressmon.state_db import open_state_db
from tests.distributed.conftest import RedisServer

KEYS = RedisKeys("t")
SOURCE = Source(id="baothu", name="Báo Thử", kind="national", domain="baothu.vn")
URL = "https://baothu.vn/tin/bhxh-tu-nguyen-123.html"
LEASE_SECONDS = 0.2
CHALLENGE = b"<html><head><title>Just a moment...</title></head><body></body></html>"


def _spider(tmp_path: Path, server: redis.Redis) -> DistributedSourceSpider:
    open_state_db(tmp_path / "state.db").close()
    spider = DistributedSourceSpider([SOURCE], CrawlState(tmp_path / "state.db"))
    spider.leases = Leases(server, KEYS, lease_seconds=LEASE_SECONDS, owner="w1")
    return spider


def _queue(spider: DistributedSourceSpider) -> ReliablePriorityQueue:
    return ReliablePriorityQueue(spider.leases.server, spider, KEYS.queue, serializer=picklecompat)


def _leased_article(spider: DistributedSourceSpider) -> Request:
    """The article's request, scheduled (remembered as seen) and popped under a lease."""
    request = spider._article(Link(URL), SOURCE.id)
    assert request is not None
    queue = _queue(spider)
    assert queue.push_unseen(request, KEYS.dupefilter, article_key(request) or "", None)
    leased = queue.pop()
    assert leased is not None
    return leased


def _requeued_after_expiry(spider: DistributedSourceSpider) -> Request | None:
    """What a worker gets once the lease has expired and been reaped."""
    deadline = time.monotonic() + 30
    while spider.leases.reap() == 0:
        assert time.monotonic() < deadline, "the lease never expired"
        time.sleep(LEASE_SECONDS / 2)
    return _queue(spider).pop()


def test_a_failed_fetch_during_an_outage_runs_again_once_redis_is_back(
    tmp_path: Path, redis_server_aof: RedisServer
) -> None:
    spider = _spider(tmp_path, redis_server_aof.client())
    leased = _leased_article(spider)
    redis_server_aof.shutdown()
    failure = Failure(DownloadTimeoutError("timeout"))
    failure.request = leased  # type: ignore[attr-defined]  # as Scrapy sets it for errbacks
    spider.on_error(failure)  # could not forget it: neither raises nor acknowledges
    assert not spider.leases.held  # not renewed forever (a --max-idle worker would never stop)
    redis_server_aof.start()
    again = _requeued_after_expiry(spider)
    assert again is not None and again.url == URL  # not "seen" forever: fetched again


def test_a_challenge_page_during_an_outage_runs_again_once_redis_is_back(
    tmp_path: Path, redis_server_aof: RedisServer
) -> None:
    spider = _spider(tmp_path, redis_server_aof.client())
    leased = _leased_article(spider)
    redis_server_aof.shutdown()
    response = HtmlResponse(URL, body=CHALLENGE, request=leased)
    assert list(spider.parse_article(response, **leased.cb_kwargs)) == []
    spider.finished(leased.meta[LEASE])  # as LeaseTrackingMiddleware does after the callback
    assert not spider.leases.held and not spider.leases.unacked  # abandoned, not acknowledged
    redis_server_aof.start()
    again = _requeued_after_expiry(spider)
    assert again is not None and again.url == URL


def test_an_acknowledgement_during_an_outage_waits_for_the_next_heartbeat(
    tmp_path: Path, redis_server_aof: RedisServer
) -> None:
    server = redis_server_aof.client()
    spider = _spider(tmp_path, server)
    lease = _leased_article(spider).meta[LEASE]
    redis_server_aof.shutdown()
    spider.finished(lease)  # the callback produced nothing: ack, which cannot reach Redis
    assert lease in spider.leases.unacked
    redis_server_aof.start()
    spider.leases.renew()
    assert not server.hexists(KEYS.processing, lease)


def _scheduler(spider: DistributedSourceSpider) -> AtomicScheduler:
    server = spider.leases.server
    scheduler = AtomicScheduler(
        server,
        persist=True,
        queue_key=KEYS.queue,
        queue_cls="crawlers.distributed.queue.ReliablePriorityQueue",
        dupefilter=CycleDupeFilter(server, key=KEYS.dupefilter),
        serializer=picklecompat,
    )
    scheduler.open(spider)
    return scheduler


def test_the_scheduler_waits_out_an_outage_instead_of_raising_or_going_idle(
    tmp_path: Path, redis_server_aof: RedisServer
) -> None:
    spider = _spider(tmp_path, redis_server_aof.client())
    scheduler = _scheduler(spider)
    redis_server_aof.shutdown()
    assert scheduler.next_request() is None
    assert scheduler.has_pending_requests()  # not idle: a --max-idle worker keeps waiting
    redis_server_aof.start()
    assert not scheduler.has_pending_requests()


def test_a_follow_up_that_cannot_be_queued_makes_its_page_run_again(
    tmp_path: Path, redis_server_aof: RedisServer
) -> None:
    spider = _spider(tmp_path, redis_server_aof.client())
    scheduler = _scheduler(spider)
    feed = Request("https://baothu.vn/rss.xml", callback=spider.parse_feed)
    assert scheduler.enqueue_request(feed)
    leased = scheduler.next_request()
    assert leased is not None
    lease = leased.meta[LEASE]
    article = spider._article(Link(URL), SOURCE.id)
    assert article is not None
    spider.produced(HtmlResponse(feed.url, body=b"", request=leased), article)
    redis_server_aof.shutdown()
    assert not scheduler.enqueue_request(article)  # lost with Redis down: the feed must run again
    spider.finished(lease)
    assert not spider.leases.held and not spider.leases.unacked  # abandoned, not acknowledged
    redis_server_aof.start()
    again = _requeued_after_expiry(spider)
    assert again is not None and again.url == feed.url
