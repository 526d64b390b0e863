"""scrapy-redis scheduler whose duplicate check and queueing are one Redis step, and which rides
out a Redis outage instead of raising into Scrapy's engine."""

from __future__ import annotations

import logging
from typing import Any

import redis
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy_redis.scheduler import Scheduler

from crawlers.distributed.dupefilter import CycleDupeFilter
from crawlers.distributed.queue import ReliablePriorityQueue

logger = logging.getLogger(__name__)


class AtomicScheduler(Scheduler):
    """A request is remembered as seen only once it is queued (ReliablePriorityQueue.push_unseen),
    so a worker killed between the two steps cannot make its parent's re-fetch drop the request.

    While Redis is unreachable (past the client's retries) it hands out nothing and says work is
    pending, so the worker waits rather than stopping as idle; a request it could not queue has
    the lease that produced it abandoned (the spider's `abandon`), so that runs again.
    """

    def open(self, spider: Any) -> Any:
        opened = super().open(spider)
        if not isinstance(self.df, CycleDupeFilter) or not isinstance(
            self.queue, ReliablePriorityQueue
        ):
            raise NotConfigured("AtomicScheduler needs CycleDupeFilter and ReliablePriorityQueue")
        return opened

    def enqueue_request(self, request: Request) -> bool:
        try:
            if request.dont_filter:
                self.queue.push(request)
            elif not self.queue.push_unseen(request, *self.df.seen_key(request)):
                self.df.log(request, self.spider)
                return False
        except redis.RedisError as err:
            _unreachable(err)
            self.spider.abandon(request)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        try:
            request = self.queue.pop(self.idle_before_close)
        except redis.RedisError as err:
            _unreachable(err)
            return None
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        try:
            return bool(super().has_pending_requests())
        except redis.RedisError as err:
            _unreachable(err)
            return True  # unknown: the worker must not stop as idle, nor call the crawl done


def _unreachable(err: redis.RedisError) -> None:
    logger.warning("không đọc được hàng đợi chung trong Redis (%s); chờ Redis", err)
