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
from crawlers.distributed.queue import ReliablePriorityQueue
from crawlers.distributed.spider import DistributedSourceSpider
from crawlers.sources import Source
from crawlers.spiders.source import SourceSpider
from crawlers.state import CrawlState

# KEYS: seeds hash, queue, cycle's seen set; ARGV: fingerprint, score, request, seen-set ttl.
# 0 when the copy queued before is still waiting in the queue (not yet popped by a worker, or
# popped and returned by an expired lease); else queues this one and remembers it.
_PUSH_SEED = """
local waiting = redis.call('HGET', KEYS[1], ARGV[1])
if waiting and redis.call('ZSCORE', KEYS[2], waiting) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('EXPIRE', KEYS[3], ARGV[4])
return 1
"""


@dataclass(frozen=True)
class SeedReport:
    cycle: str
    queued: dict[str, int]  # source id -> discovery requests queued
    waiting: dict[str, int]  # source id -> not queued again: the previous copy still waits
    queue_length: int  # the frontier's length afterwards


def new_cycle(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def enqueue_sources(
    server: redis.Redis, keys: RedisKeys, sources: Sequence[Source], state: CrawlState, cycle: str
) -> SeedReport:
    """Queue every source's discovery requests, stamped with `cycle` (re-read once per cycle),
    except those whose copy from an earlier cycle still waits in the queue: run twice, or while
    the workers are behind, it does not make them read a feed twice in a row.

    The requests are the ones SourceSpider.start() makes, so a worker decodes them to the same
    callbacks a single-machine crawl uses.
    """
    spider = DistributedSourceSpider(sources, state)
    queue = ReliablePriorityQueue(server, spider, keys.queue, serializer=picklecompat)
    dupefilter = CycleDupeFilter(server, key=keys.dupefilter)

    async def seeds() -> list:
        return [request async for request in SourceSpider.start(spider)]

    server.set(keys.cycle, cycle)  # the workers' refetch budget is per cycle
    push_seed = server.register_script(_PUSH_SEED)
    queued: Counter[str] = Counter()
    waiting: Counter[str] = Counter()
    for request in asyncio.run(seeds()):
        request.meta[CYCLE] = cycle
        seen_key, fingerprint, ttl = dupefilter.seen_key(request)
        pushed = push_seed(
            keys=[keys.seeds, keys.queue, seen_key],
            args=[fingerprint, -request.priority, queue._encode_request(request), ttl],
        )
        (queued if pushed else waiting)[request.cb_kwargs["source_id"]] += 1
    return SeedReport(
        cycle=cycle, queued=dict(queued), waiting=dict(waiting), queue_length=len(queue)
    )
