"""Scrapy settings of a distributed worker: the single-machine settings plus the Redis frontier."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawlers.distributed.connection import redis_params
from crawlers.distributed.keys import RedisKeys
from crawlers.settings import scrapy_settings
from pressmon.settings import CrawlSettings


@dataclass(frozen=True)
class WorkerOptions:
    redis_url: str
    lease_seconds: float = 60.0  # a dead worker's requests return to the queue after this
    max_idle: float | None = None  # stop after this long with an empty frontier; None = never
    prefix: str = "pressmon"  # Redis key prefix: one frontier per prefix


def distributed_settings(
    crawl: CrawlSettings,
    options: WorkerOptions,
    *,
    config_dir: Path | None,
    overrides: dict[str, Any],
) -> dict[str, Any]:
    # An item passed by the pipelines is then committed, so its request can be acknowledged.
    crawl_overrides = {**overrides.get("crawl", {}), "batch_size": 1}
    overrides = {**overrides, "crawl": crawl_overrides}
    settings = scrapy_settings(crawl, config_dir=config_dir, overrides=overrides)
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
            "PRESSMON_GLOBAL_DELAY": crawl.download_delay,
            "PRESSMON_GLOBAL_CONCURRENCY": crawl.concurrency_per_domain,
            "PRESSMON_REDIS_PREFIX": options.prefix,
            "PRESSMON_LEASE_SECONDS": options.lease_seconds,
            "DOWNLOADER_MIDDLEWARES": {
                "crawlers.distributed.politeness.GlobalPolitenessMiddleware": 950
            },
            "SPIDER_MIDDLEWARES": {"crawlers.distributed.tracking.LeaseTrackingMiddleware": 0},
        }
    )
    settings.pop("JOBDIR", None)  # the frontier lives in Redis, not in a job directory
    return settings
