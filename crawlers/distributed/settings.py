"""Scrapy settings of a distributed worker: the single-machine settings plus the Redis frontier."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crawlers.distributed.connection import redis_params
from crawlers.distributed.keys import RedisKeys


@dataclass(frozen=True)
class WorkerOptions:
    redis_url: str
    lease_seconds: float = 60.0  # a dead worker's requests return to the queue after this
    max_idle: float | None = None  # stop after this long with an empty frontier; None = never
    prefix: str = "pressmon"  # Redis key prefix: one frontier per prefix


def distributed_settings(
    single_machine: Mapping[str, Any], options: WorkerOptions
) -> dict[str, Any]:
    """The single-machine crawl's settings, fed by the shared Redis frontier instead."""
    settings = dict(single_machine)
    settings.update(RedisKeys(options.prefix).scheduler_settings())
    settings.update(
        {
            "SCHEDULER": "crawlers.distributed.scheduler.AtomicScheduler",
            "SCHEDULER_QUEUE_CLASS": "crawlers.distributed.queue.ReliablePriorityQueue",
            "DUPEFILTER_CLASS": "crawlers.distributed.dupefilter.CycleDupeFilter",
            "SCHEDULER_PERSIST": True,
            "REDIS_URL": options.redis_url,
            "REDIS_PARAMS": redis_params(),
            # The per-domain delay and concurrency are enforced across all workers by the
            # politeness middleware; a local delay on top would slow each worker twice.
            "DOWNLOAD_DELAY": 0,
            "PRESSMON_GLOBAL_DELAY": single_machine["DOWNLOAD_DELAY"],
            "PRESSMON_GLOBAL_CONCURRENCY": single_machine["CONCURRENT_REQUESTS_PER_DOMAIN"],
            "PRESSMON_REDIS_PREFIX": options.prefix,
            "PRESSMON_LEASE_SECONDS": options.lease_seconds,
            "DOWNLOADER_MIDDLEWARES": {
                **single_machine["DOWNLOADER_MIDDLEWARES"],
                "crawlers.distributed.politeness.GlobalPolitenessMiddleware": 950,
            },
            "SPIDER_MIDDLEWARES": {
                **single_machine["SPIDER_MIDDLEWARES"],
                "crawlers.distributed.tracking.LeaseTrackingMiddleware": 0,
            },
        }
    )
    settings.pop("JOBDIR", None)  # the frontier lives in Redis, not in a job directory
    return settings
