"""Two real workers on a real redis-server are together as polite as one crawl, counted at a
loopback site: never more of their requests in progress at once than the global per-site
concurrency, under any of the site's names, and nothing asked of the site before the Retry-After
of its 429 has passed, whichever worker asks (the worker that got it waits as one crawl does,
tests/crawlers/test_polite_crawl.py; the others by the Redis gate)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from crawlers.distributed.keys import RedisKeys
from crawlers.distributed.politeness import DomainGate, GlobalPolitenessMiddleware, Politeness
from index import open_archive
from tests.crawlers.polite_site import PoliteSite, Watch, serving
from tests.distributed.conftest import ROOT, CrawlEnv, RedisServer, write_sources

pytestmark = pytest.mark.timeout(420)
KEYS = RedisKeys("t")


def _workers(tmp_path: Path, redis: RedisServer, port: int, hosts: list[str], concurrency: int):
    """`pressmon enqueue`, then two workers until the frontier is done, for the source on
    `hosts` (its domain, then its aliases) reading three feeds on each."""
    feeds = [f"http://{host}:{port}/feed{n}.xml" for host in hosts for n in range(3)]
    source = {
        "id": "bao_thu",
        "name": "Báo thử",
        "kind": "other",
        "domain": hosts[0],
        "aliases": hosts[1:],
        "feeds": feeds,
    }
    env = CrawlEnv(tmp_path, write_sources(tmp_path / "sources.yaml", [source]), redis.url)
    environ = {
        **env.environ("shared"),
        "PRESSMON_CRAWL__CONCURRENCY_PER_DOMAIN": str(concurrency),
    }
    open_archive("sqlite", path=tmp_path / "shared.db").close()  # before two processes race on it

    def pressmon(*args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "pressmon", *args],
            cwd=ROOT,
            env=environ,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    enqueue = pressmon("enqueue")
    output, _ = enqueue.communicate(timeout=240)
    assert enqueue.returncode == 0, output[-3000:]
    workers = [pressmon("worker", "--max-idle", "4") for _ in range(2)]
    for worker in workers:
        output, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0, output[-3000:]


class _OneHost(PoliteSite):
    watch = Watch()
    articles = 12  # enough work that the second worker starts while the first is crawling


def test_two_workers_never_have_more_requests_in_progress_than_the_global_limit(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    with serving(_OneHost) as port:
        _workers(tmp_path, redis_server, port, ["127.0.0.1"], concurrency=2)
    pages = [path for _, path in _OneHost.watch.arrivals if path != "/robots.txt"]
    assert len(pages) == 3 + 3 * _OneHost.articles  # feeds and articles, each once
    assert _OneHost.watch.most_at_once <= 2


class _TwoNames(PoliteSite):
    watch = Watch()
    articles = 12


def test_two_workers_asking_a_site_by_two_names_keep_to_its_one_limit(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    with serving(_TwoNames) as port:
        _workers(tmp_path, redis_server, port, ["127.0.0.1", "localhost"], concurrency=2)
    pages = [path for _, path in _TwoNames.watch.arrivals if path != "/robots.txt"]
    assert len(pages) == 2 * (3 + 3 * _TwoNames.articles)
    assert _TwoNames.watch.most_at_once <= 2


def test_no_worker_is_let_in_before_the_retry_after_another_worker_was_given(
    redis_server: RedisServer,
) -> None:
    """Not even the worker that takes the refused request's place the moment it is given back:
    the 429 and its Retry-After are in Redis first, and count from the answer."""
    rules = Politeness(delay_seconds=0, concurrency=1, hold_seconds=60)
    other_worker = DomainGate(redis_server.client(), KEYS, rules)
    waits: list[float | None] = []

    class _TakenAtOnce(DomainGate):
        def release(self, host: str, token: str) -> None:
            super().release(host, token)
            waits.append(other_worker.acquire(host, "other"))  # polling for the place

    refused_worker = GlobalPolitenessMiddleware(_TakenAtOnce(redis_server.client(), KEYS, rules))
    request = Request("http://bao.vn/bai-1.html")
    asyncio.run(refused_worker.process_request(request))
    refused = HtmlResponse(request.url, status=429, headers={"Retry-After": "5"}, request=request)
    assert refused_worker.process_response(request, refused) is refused
    assert len(waits) == 1 and waits[0] is not None and waits[0] > 4  # of the 5 s asked


class _Stopped(Exception):
    """Raised by the test's sleep once it has seen the wait it checks."""


def test_a_start_reserved_before_another_workers_429_waits_out_its_retry_after(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker holding the next start (the site's delay away) when another worker is told
    Retry-After: 5 does not start at its reserved time, inside those 5 s."""
    rules = Politeness(delay_seconds=1, concurrency=2, hold_seconds=60)
    other_worker = DomainGate(redis_server.client(), KEYS, rules)
    waited: list[float] = []

    class _RefusedMeanwhile(DomainGate):
        def acquire(self, host: str, token: str) -> float | None:
            wait = super().acquire(host, token)
            other_worker.back_off(host, 5)  # while this worker waits for its reserved start
            return wait

    async def _sleep(seconds: float) -> None:  # the waits asked for, not waited here
        waited.append(seconds)
        if len(waited) == 2:
            raise _Stopped

    monkeypatch.setattr(asyncio, "sleep", _sleep)
    other_worker.acquire("bao.vn", "first")  # takes the start now: the next is 1 s away
    waiting = GlobalPolitenessMiddleware(_RefusedMeanwhile(redis_server.client(), KEYS, rules))
    with pytest.raises(_Stopped):  # before the fix it started after the reserved wait alone
        asyncio.run(waiting.process_request(Request("http://bao.vn/bai-2.html")))
    assert 0 < waited[0] <= 1  # the reserved start
    assert 4 < waited[1] <= 5  # then the rest of the 5 s asked
