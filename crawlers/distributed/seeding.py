"""`pressmon enqueue`: put the sources' feeds, sitemaps and listings into the shared frontier."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import redis
from scrapy_redis import picklecompat

from crawlers.distributed.dupefilter import CycleDupeFilter
from crawlers.distributed.keys import CYCLE, RedisKeys
from crawlers.distributed.leases import Leases
from crawlers.distributed.queue import ReliablePriorityQueue
from crawlers.distributed.spider import DistributedSourceSpider
from crawlers.sources import Source
from crawlers.spiders.source import SourceSpider
from crawlers.state import CrawlState


@dataclass(frozen=True)
class SeedReport:
    cycle: str
    queued: dict[str, int]  # source id -> discovery requests queued
    queue_length: int  # the frontier's length afterwards


def new_cycle(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def enqueue_sources(
    server: redis.Redis, keys: RedisKeys, sources: Sequence[Source], state: CrawlState, cycle: str
) -> SeedReport:
    """Queue every source's discovery requests, stamped with `cycle` (re-read once per cycle).

    The requests are the ones SourceSpider.start() makes, so a worker decodes them to the same
    callbacks a single-machine crawl uses.
    """
    spider = DistributedSourceSpider(sources, state)
    spider.leases = Leases(server, keys, lease_seconds=60, owner="enqueue")
    queue = ReliablePriorityQueue(server, spider, keys.queue, serializer=picklecompat)
    dupefilter = CycleDupeFilter(server, key=keys.dupefilter)

    async def seeds() -> list:
        return [request async for request in SourceSpider.start(spider)]

    queued: Counter[str] = Counter()
    for request in asyncio.run(seeds()):
        request.meta[CYCLE] = cycle
        if not dupefilter.request_seen(request):
            queue.push(request)
            queued[request.cb_kwargs["source_id"]] += 1
    return SeedReport(cycle=cycle, queued=dict(queued), queue_length=len(queue))
