"""The Redis side of distributed mode, on a real redis-server: leases, dupefilter, politeness."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import pytest
import redis
import scrapy
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy_redis import picklecompat

from crawlers.distributed import leases as leases_module
from crawlers.distributed.dupefilter import CycleDupeFilter, forget_article
from crawlers.distributed.keys import CYCLE, PARENT, RedisKeys
from crawlers.distributed.leases import Leases
from crawlers.distributed.politeness import DomainGate, GlobalPolitenessMiddleware, Politeness
from crawlers.distributed.queue import ReliablePriorityQueue
from crawlers.revisions import PageVersion
from tests.distributed.conftest import RedisServer

KEYS = RedisKeys("t")


def _push(server, score: float, data: bytes) -> None:
    server.zadd(KEYS.queue, {data: score})


def _leases(server, owner: str, seconds: float = 60) -> Leases:
    return Leases(server, KEYS, lease_seconds=seconds, owner=owner)


def _pop(worker: Leases) -> tuple[str, bytes]:
    popped = worker.pop()
    assert popped is not None, "the queue was empty"
    return popped


def test_pop_leases_the_best_request_and_ack_forgets_it(redis_server: RedisServer) -> None:
    server = redis_server.client()
    _push(server, 0, b"later")
    _push(server, -5, b"urgent")  # scrapy-redis scores are -priority
    worker = _leases(server, "w1")
    lease, data = _pop(worker)
    assert data == b"urgent"
    assert worker.size().queued == 1 and worker.size().in_flight == 1
    worker.ack(lease)
    assert worker.size().in_flight == 0 and not worker.held
    worker.pop()
    assert worker.pop() is None


def test_reap_returns_only_expired_leases_with_their_priority(redis_server: RedisServer) -> None:
    server = redis_server.client()
    _push(server, -5, b"urgent")
    _push(server, 0, b"normal")
    dead = _leases(server, "dead", seconds=0.001)
    alive = _leases(server, "alive", seconds=60)
    dead.pop()  # urgent, leased by a worker that will never ack
    alive.pop()  # normal, leased and renewed
    time.sleep(0.02)  # past the 1 ms lease
    assert alive.reap() == 1
    assert alive.size().in_flight == 1
    _, data = _pop(alive)
    assert data == b"urgent"  # back at the front of the queue
    assert server.zscore(KEYS.queue, b"urgent") is None


def test_renew_keeps_a_live_lease_and_cannot_revive_a_reaped_one(redis_server: RedisServer) -> None:
    server = redis_server.client()
    _push(server, 0, b"page")
    slow = _leases(server, "slow", seconds=0.001)
    slow.pop()
    time.sleep(0.02)  # past the 1 ms lease
    assert _leases(server, "other").reap() == 1
    assert slow.renew() == 0  # reaped meanwhile: stays reaped
    assert server.zcard(KEYS.deadlines) == 0


def test_request_data_with_separator_bytes_survives_a_reap(redis_server: RedisServer) -> None:
    server = redis_server.client()
    data = b"\x80\x04|pickled|\x00bytes"
    _push(server, -1.5, data)
    _leases(server, "dead", seconds=0.001).pop()
    time.sleep(0.02)  # past the 1 ms lease
    _leases(server, "other").reap()
    assert server.zscore(KEYS.queue, data) == -1.5


def _article(url: str, url_id: str) -> Request:
    return Request(url, cb_kwargs={"source_id": "s", "url_id": url_id})


def test_articles_are_seen_once_ever_by_article_id(redis_server: RedisServer) -> None:
    server = redis_server.client()
    dupefilter = CycleDupeFilter(server, key=KEYS.dupefilter)
    assert not dupefilter.request_seen(_article("https://bao.vn/a.html", "id1"))
    assert dupefilter.request_seen(_article("http://m.bao.vn/a.html?utm_source=x", "id1"))
    forget_article(server, KEYS, _article("https://bao.vn/a.html", "id1"))  # it failed
    assert not dupefilter.request_seen(_article("https://bao.vn/a.html", "id1"))


def test_a_changed_article_is_fetched_again_once_per_modification(
    redis_server: RedisServer,
) -> None:
    server = redis_server.client()
    dupefilter = CycleDupeFilter(server, key=KEYS.dupefilter)

    def refetch(day: int) -> Request:
        request = _article("https://bao.vn/a.html", "id1")
        request.cb_kwargs.update(
            discovered=datetime(2026, 5, day, tzinfo=UTC), previous=PageVersion()
        )
        return request

    assert not dupefilter.request_seen(_article("https://bao.vn/a.html", "id1"))
    assert not dupefilter.request_seen(refetch(12)) and dupefilter.request_seen(refetch(12))
    forget_article(server, KEYS, refetch(12))  # it failed: a later cycle may try it again
    assert not dupefilter.request_seen(refetch(12)) and not dupefilter.request_seen(refetch(13))


def test_discovery_pages_are_seen_once_per_cycle(redis_server: RedisServer) -> None:
    server = redis_server.client()
    dupefilter = CycleDupeFilter(server, key=KEYS.dupefilter)

    def feed(cycle: str) -> Request:
        return Request("https://bao.vn/rss/xa-hoi.rss", meta={CYCLE: cycle})

    assert not dupefilter.request_seen(feed("c1"))
    assert dupefilter.request_seen(feed("c1"))
    assert not dupefilter.request_seen(feed("c2"))
    assert 0 < server.ttl(f"{KEYS.dupefilter}:cycle:c1")
    assert server.scard(KEYS.dupefilter) == 0  # cycle fingerprints never pile up in the main set


def test_domain_gate_spaces_starts_across_workers(redis_server: RedisServer) -> None:
    rules = Politeness(delay_seconds=100, concurrency=10, hold_seconds=60)
    gates = [DomainGate(redis_server.client(), KEYS, rules) for _ in range(3)]  # three workers
    waits = [gate.acquire("bao.vn", f"token{n}") for n, gate in enumerate(gates)]
    assert waits[0] == 0
    assert waits[1] is not None and waits[2] is not None
    assert (
        50 < waits[1] <= 100 < waits[2] <= 200
    )  # each start reserved one delay after the previous
    assert gates[0].acquire("other.vn", "token") == 0  # hosts are independent


def test_domain_gate_caps_concurrency_across_workers(redis_server: RedisServer) -> None:
    rules = Politeness(delay_seconds=0, concurrency=2, hold_seconds=60)
    first, second = (
        DomainGate(redis_server.client(), KEYS, rules),
        DomainGate(redis_server.client(), KEYS, rules),
    )
    assert first.acquire("bao.vn", "a") == 0
    assert second.acquire("bao.vn", "b") == 0
    assert first.acquire("bao.vn", "c") is None  # two in progress already
    second.release("bao.vn", "b")
    assert first.acquire("bao.vn", "c") == 0


def test_domain_gate_tokens_of_a_dead_worker_expire(redis_server: RedisServer) -> None:
    server = redis_server.client()
    gate = DomainGate(server, KEYS, Politeness(delay_seconds=0, concurrency=1, hold_seconds=0.001))
    assert gate.acquire("bao.vn", "dead") == 0  # never released
    time.sleep(0.02)  # past the 1 ms lease
    assert gate.acquire("bao.vn", "next") == 0


def test_a_host_answering_503_is_asked_more_slowly_by_every_worker(
    redis_server: RedisServer,
) -> None:
    """As one process's BackoffMiddleware does for its own slot, for the whole fleet."""
    rules = Politeness(delay_seconds=0, concurrency=10, hold_seconds=60, max_backoff_seconds=30)
    answered = GlobalPolitenessMiddleware(DomainGate(redis_server.client(), KEYS, rules))
    other_worker = DomainGate(redis_server.client(), KEYS, rules)
    request = Request("http://bao.vn/bai-1.html")
    asyncio.run(answered.process_request(request))
    refused = HtmlResponse(request.url, status=503, headers={"Retry-After": "5"}, request=request)
    assert answered.process_response(request, refused) is refused
    waits = [other_worker.acquire("bao.vn", f"t{n}") for n in range(3)]
    assert waits[0] is not None and waits[1] is not None and waits[2] is not None
    gaps = [round(waits[1] - waits[0], 3), round(waits[2] - waits[1], 3)]  # whole ms
    assert all(4 < gap <= 5 for gap in gaps), gaps  # Retry-After: 5
    assert other_worker.acquire("bao.vn.other", "t") == 0  # other hosts unaffected
    assert other_worker.back_off("bao.vn", None) == 10  # doubled at the next refusal
    assert [other_worker.back_off("bao.vn", None) for _ in range(2)] == [20, 30]  # capped


def test_a_request_waits_out_a_redis_outage_at_the_domain_gate(redis_server: RedisServer) -> None:
    """Failing it instead would count a fetch error against the site and drop the article."""
    rules = Politeness(delay_seconds=0, concurrency=1, hold_seconds=60)
    middleware = GlobalPolitenessMiddleware(DomainGate(redis_server.client(), KEYS, rules))
    middleware.OUTAGE_POLL_SECONDS = 0.05
    request = Request("http://bao.vn/bai-1.html")
    redis_server.shutdown()

    async def fetch() -> None:
        waiting = asyncio.ensure_future(middleware.process_request(request))
        await asyncio.sleep(0.3)  # some failed attempts
        assert not waiting.done()  # neither failed nor let through without a slot
        redis_server.start()
        await asyncio.wait_for(waiting, timeout=60)

    asyncio.run(fetch())
    assert redis_server.client().zcard(KEYS.domain_holders("bao.vn")) == 1  # the slot is held


def test_a_response_is_kept_when_redis_is_down_as_its_slot_is_released(
    redis_server: RedisServer,
) -> None:
    rules = Politeness(delay_seconds=0, concurrency=2, hold_seconds=60)
    middleware = GlobalPolitenessMiddleware(DomainGate(redis_server.client(), KEYS, rules))
    fetched, failed = Request("http://bao.vn/bai-1.html"), Request("http://bao.vn/bai-2.html")
    for request in (fetched, failed):
        asyncio.run(middleware.process_request(request))
    redis_server.shutdown()
    response = HtmlResponse(fetched.url, body=b"<html></html>", request=fetched)
    assert middleware.process_response(fetched, response) is response
    middleware.process_exception(failed, TimeoutError())  # returns: Scrapy then runs the errback


@pytest.mark.parametrize("prefix", ["pressmon", "uu_tien"])
def test_every_key_shares_the_prefix(prefix: str) -> None:
    keys = RedisKeys(prefix)
    names = [
        keys.queue,
        keys.processing,
        keys.deadlines,
        keys.seeds,
        keys.dupefilter,
        keys.domain_next("h"),
        keys.domain_holders("h"),
        keys.domain_backoff("h"),
        *keys.scheduler_settings().values(),
    ]
    assert all(name.startswith(prefix + ":") for name in names)


def test_an_ack_that_fails_during_an_outage_is_retried_by_the_next_renew(
    redis_server_aof: RedisServer,
) -> None:
    server = redis_server_aof.client()
    _push(server, 0, b"page")
    worker = _leases(server, "w1")
    lease, _ = _pop(worker)
    redis_server_aof.shutdown()  # writes the AOF: the lease survives the restart
    with pytest.raises(redis.ConnectionError):
        worker.ack(lease)
    assert lease in worker.unacked and lease not in worker.held
    redis_server_aof.start()
    assert server.hexists(KEYS.processing, lease)
    worker.renew()
    assert not worker.unacked
    assert not server.hexists(KEYS.processing, lease)


def test_a_retried_pop_with_the_same_lease_gets_the_same_request(redis_server: RedisServer) -> None:
    server = redis_server.client()
    _push(server, 0, b"first")
    _push(server, 1, b"second")
    pop = server.register_script(leases_module._POP)
    keys = [KEYS.queue, KEYS.processing, KEYS.deadlines]
    assert pop(keys=keys, args=["w:1", 60000]) == b"first"
    assert pop(keys=keys, args=["w:1", 60000]) == b"first"  # the reply was lost; the client retried
    assert server.zcard(KEYS.queue) == 1 and server.hlen(KEYS.processing) == 1


def _queue(server, spider) -> ReliablePriorityQueue:
    return ReliablePriorityQueue(server, spider, KEYS.queue, serializer=picklecompat)


class _Spider(scrapy.Spider):
    name = "frontier-test"
    leases = None

    def __init__(self) -> None:
        super().__init__()
        self.settled: list[str] = []

    def settle(self, lease: str) -> None:
        self.settled.append(lease)


def test_a_request_is_remembered_as_seen_only_with_its_queue_entry(
    redis_server: RedisServer,
) -> None:
    server = redis_server.client()
    dupefilter = CycleDupeFilter(server, key=KEYS.dupefilter)
    spider = _Spider()
    queue = _queue(server, spider)
    child = Request("https://bao.vn/a.html", cb_kwargs={"source_id": "s", "url_id": "id1"})
    child.meta[PARENT] = "w1:1"
    assert queue.push_unseen(child, *dupefilter.seen_key(child))
    assert server.zcard(KEYS.queue) == 1 and spider.settled == ["w1:1"]
    again = _article("http://m.bao.vn/a.html", "id1")
    assert not queue.push_unseen(again, *dupefilter.seen_key(again))
    assert server.zcard(KEYS.queue) == 1  # the duplicate is neither queued nor settled
    assert dupefilter.request_seen(again)  # both paths share one memory


def test_a_discovery_page_pushed_unseen_expires_with_its_cycle(redis_server: RedisServer) -> None:
    server = redis_server.client()
    dupefilter = CycleDupeFilter(server, key=KEYS.dupefilter)
    queue = _queue(server, _Spider())
    feed = Request("https://bao.vn/rss/xa-hoi.rss", meta={CYCLE: "c1"})
    assert queue.push_unseen(feed, *dupefilter.seen_key(feed))
    assert 0 < server.ttl(f"{KEYS.dupefilter}:cycle:c1")
    assert server.scard(KEYS.dupefilter) == 0
