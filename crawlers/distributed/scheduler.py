"""scrapy-redis scheduler whose duplicate check and queueing are one Redis step."""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy_redis.scheduler import Scheduler

from crawlers.distributed.dupefilter import CycleDupeFilter
from crawlers.distributed.queue import ReliablePriorityQueue


class AtomicScheduler(Scheduler):
    """A request is remembered as seen only once it is queued (ReliablePriorityQueue.push_unseen),
    so a worker killed between the two steps cannot make its parent's re-fetch drop the request."""

    def open(self, spider: Any) -> Any:
        opened = super().open(spider)
        if not isinstance(self.df, CycleDupeFilter) or not isinstance(
            self.queue, ReliablePriorityQueue
        ):
            raise NotConfigured("AtomicScheduler needs CycleDupeFilter and ReliablePriorityQueue")
        return opened

    def enqueue_request(self, request: Request) -> bool:
        if request.dont_filter:
            self.queue.push(request)
        elif not self.queue.push_unseen(request, *self.df.seen_key(request)):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        request = self.queue.pop(self.idle_before_close)
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request
