"""The distributed worker's spider: SourceSpider fed by the shared Redis frontier.

It starts with no requests of its own (`pressmon enqueue` seeds the frontier) and idles waiting
for more; it acknowledges each leased request only once everything that request produced is safe:
follow-up requests queued in Redis, articles stored (or dropped as irrelevant) by the pipelines.
A crawl state that cannot be written stops the worker (crawlers.errors.STATE_UNAVAILABLE), and
what it still held goes back to the queue when its lease expires instead of being acknowledged.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import redis
import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider, DontCloseSpider
from twisted.internet import task

from crawlers.discovery import Link
from crawlers.distributed.connection import redis_from_settings
from crawlers.distributed.dupefilter import CYCLE_TTL_SECONDS, forget_article
from crawlers.distributed.keys import CYCLE, LEASE, PARENT, UNQUEUED, RedisKeys
from crawlers.distributed.leases import Leases, worker_id
from crawlers.errors import STATE_UNAVAILABLE, CrawlStateError
from crawlers.revisions import PageVersion
from crawlers.spiders.source import SourceSpider


@dataclass
class _Pending:
    outputs: int = 0  # produced but not yet safe
    finished: bool = False  # the callback produced everything it will
    abandoned: bool = False  # never ack: the request must run again (crawlers.distributed.leases)


class DistributedSourceSpider(SourceSpider):
    name = "sources_distributed"
    leases: Leases  # set by from_crawler, the only way Scrapy builds a spider

    def __init__(self, *args: Any, max_idle: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_idle = max_idle
        self._pending: dict[str, _Pending] = {}
        self._item_parents: dict[int, str] = {}
        self._idle_since: float | None = None
        self._heartbeat: task.LoopingCall | None = None
        # Earlier bursts' counters (record_health starts each burst anew), for the closing report.
        self._recorded: dict[str, Counter[str]] = defaultdict(Counter)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.leases = Leases(
            redis_from_settings(settings),
            RedisKeys(settings["PRESSMON_REDIS_PREFIX"]),
            lease_seconds=settings.getfloat("PRESSMON_LEASE_SECONDS"),
            owner=worker_id(),
        )
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_dropped_request, signal=signals.request_dropped)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(spider._on_item_done, signal=signal)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        return
        yield  # an async generator with no start requests: the frontier is in Redis

    # --- lifecycle -------------------------------------------------------------------------

    def _opened(self, spider: scrapy.Spider) -> None:
        requeued = self.leases.reap()
        if requeued:
            self.logger.warning(
                "đưa lại %d yêu cầu có hạn giữ đã hết vào hàng đợi (một worker đã dừng)", requeued
            )
        self._heartbeat = task.LoopingCall(self._beat)
        self._heartbeat.start(self.leases.lease_ms / 3000, now=False)

    def _beat(self) -> None:
        try:
            self.leases.renew()
            requeued = self.leases.reap()
        except redis.RedisError as err:  # an outage must not stop the heartbeat: try next beat
            self.logger.warning("không gia hạn được các yêu cầu đang giữ (%s)", err)
            return
        except Exception:  # nor a bug: log it in full and try next beat
            self.logger.exception("không gia hạn được các yêu cầu đang giữ")
            return
        if requeued:
            self.logger.warning(
                "đưa lại %d yêu cầu có hạn giữ đã hết vào hàng đợi (một worker đã dừng)", requeued
            )

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()

    def _on_idle(self, spider: scrapy.Spider) -> None:
        """Nothing queued for us right now: record this burst's health, then wait or stop."""
        try:
            self.record_health()
        except CrawlStateError as err:
            self.remember_state_error(err)
            raise CloseSpider(STATE_UNAVAILABLE) from None
        self.forget_run()  # in-run memory only; Redis remembers across runs
        try:
            self.leases.reap()
            empty = self.leases.size().empty
        except redis.RedisError as err:  # unreachable even after retries: wait, never "finish"
            self.logger.warning("không đọc được hàng đợi URL (%s); đang chờ", err)
            raise DontCloseSpider from None
        if not empty:
            self._idle_since = None  # other workers are still producing work
            raise DontCloseSpider
        now = time.monotonic()
        self._idle_since = self._idle_since or now
        if self.max_idle is not None and now - self._idle_since >= self.max_idle:
            raise CloseSpider("idle")
        raise DontCloseSpider

    def record_health(self) -> None:
        """One crawl_runs row per source this worker touched since the last record."""
        finished = datetime.now(UTC)
        self.record_runs(list(self.counters), finished)
        if self.counters:
            for source_id, counts in self.counters.items():
                self._recorded[source_id].update(counts)
            self.counters = defaultdict(Counter)
            self.run_id = uuid.uuid4().hex[:12]
            self.started_at = finished
        self.health_recorded = True

    def worker_counters(self) -> dict[str, dict[str, int]]:
        """Per source, what this worker counted since it started: every burst so far."""
        total: dict[str, Counter[str]] = defaultdict(Counter)
        for bursts in (self._recorded, self.counters):
            for source_id, counts in bursts.items():
                total[source_id].update(counts)
        return {source_id: dict(counts) for source_id, counts in total.items()}

    # --- acknowledgement -------------------------------------------------------------------

    def produced(self, response: Any, output: Any) -> None:
        """The leased response produced `output` (LeaseTrackingMiddleware calls this per output)."""
        lease = response.meta[LEASE]
        self._pending.setdefault(lease, _Pending()).outputs += 1
        if isinstance(output, scrapy.Request):
            output.meta[PARENT] = lease
            if CYCLE in response.meta and "url_id" not in output.cb_kwargs:
                output.meta.setdefault(
                    CYCLE, response.meta[CYCLE]
                )  # next listing page, child sitemap
        else:
            self._item_parents[id(output)] = lease

    def finished(self, lease: str) -> None:
        """The lease's callback produced everything (or raised): ack once its outputs are safe."""
        self._pending.setdefault(lease, _Pending()).finished = True
        self._maybe_ack(lease)

    def settle(self, lease: str) -> None:
        """One output of the lease's response is safe (queued, stored or dropped on purpose)."""
        pending = self._pending.get(lease)
        if pending is None:
            return
        pending.outputs -= 1
        self._maybe_ack(lease)

    def _maybe_ack(self, lease: str) -> None:
        pending = self._pending[lease]
        if pending.finished and pending.outputs <= 0:
            del self._pending[lease]
            # Once the crawl state could not be written, what this worker still handles may not
            # be recorded there: its requests go back to the queue, for a worker that can.
            if pending.abandoned or self.state_error is not None:
                self.leases.abandon(lease)
            else:
                self.acknowledge(lease)

    def acknowledge(self, lease: str) -> None:
        """Ack the lease; during a Redis outage the ack waits for the next heartbeat (Leases)."""
        try:
            self.leases.ack(lease)
        except (redis.ConnectionError, redis.TimeoutError) as err:
            self.logger.warning("chưa báo xong một yêu cầu cho Redis (%s); thử lại sau", err)

    def abandon(self, request: scrapy.Request) -> None:
        """`request` could not be queued (Redis unreachable): what produced it must run again,
        so the lease of that response (PARENT), or of the request it retries (LEASE), is
        abandoned instead of acknowledged."""
        request.meta[UNQUEUED] = True
        if LEASE in request.meta:
            self.leases.abandon(request.meta[LEASE])
        if PARENT in request.meta:
            self._pending.setdefault(request.meta[PARENT], _Pending()).abandoned = True
            self.settle(request.meta[PARENT])

    def _on_dropped_request(self, request: scrapy.Request, spider: scrapy.Spider) -> None:
        if request.meta.get(UNQUEUED):
            return  # abandon() settled it
        # the shared dupefilter said "already seen": nothing left to do for it
        if LEASE in request.meta:
            self.acknowledge(request.meta[LEASE])
        if PARENT in request.meta:
            self.settle(request.meta[PARENT])

    def _on_item_done(self, item: Any, **kwargs: Any) -> None:
        # the pipeline runs with crawl.batch_size 1 here, so a passed item is already committed
        lease = self._item_parents.pop(id(item), None)
        if lease is not None:
            self.settle(lease)

    # --- refetches of changed articles ----------------------------------------------------

    def take_refetch(self, source_id: str) -> bool:
        """One of the latest enqueue cycle's `refetch_limit` refetches of the source, counted
        across all workers (a single crawl's budget per run, not per worker and idle spell)."""
        server, keys = self.leases.server, self.leases.keys
        try:
            cycle = (server.get(keys.cycle) or b"-").decode()
            key = keys.refetches(cycle, source_id)
            with server.pipeline(transaction=True) as pipe:
                taken = pipe.incr(key).expire(key, CYCLE_TTL_SECONDS).execute()[0]
        except redis.RedisError as err:  # deferred, as past the budget: still newer next cycle
            self.logger.warning("không đọc được lượt tải lại trong Redis (%s); để lượt sau", err)
            return False
        return int(taken) <= self.refetch_limit

    # --- retries in later cycles ---------------------------------------------------------

    def _forget(self, request: scrapy.Request) -> bool:
        """Let a later cycle fetch this article again; False when Redis could not be told, and
        then the request itself must run again (its lease is abandoned, not acknowledged):
        acknowledged, it would stay "seen" forever and the article never be fetched."""
        try:
            forget_article(self.leases.server, self.leases.keys, request)
        except redis.RedisError as err:
            self.logger.warning(
                "không ghi được vào Redis (%s); %s sẽ được tải lại khi hết hạn giữ",
                err,
                request.url,
            )
            return False
        return True

    def _recheck(self, link: Link, source_id: str, url_id: str) -> scrapy.Request | None:
        request = super()._recheck(link, source_id, url_id)
        if request is not None:  # read before it was recorded not_article: let it through once
            self._forget(request)
        return request

    def parse_article(
        self,
        response: Any,
        source_id: str,
        url_id: str,
        discovered: datetime | None = None,
        previous: PageVersion | None = None,
    ):
        produced = False
        for output in super().parse_article(response, source_id, url_id, discovered, previous):
            produced = True
            yield output
        if not produced and not self.state.is_done(url_id):
            # challenge page or no date: try again next cycle
            if not self._forget(response.request) and LEASE in response.meta:
                self._pending.setdefault(response.meta[LEASE], _Pending()).abandoned = True

    def on_error(self, failure: Any) -> None:
        super().on_error(failure)
        request = failure.request
        forgotten = self._forget(request)
        if LEASE in request.meta:
            if forgotten:
                self.acknowledge(request.meta[LEASE])
            else:
                self.leases.abandon(request.meta[LEASE])
