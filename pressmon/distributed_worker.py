"""Runs one distributed worker process: a Scrapy crawl fed by the shared Redis frontier."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from crawlers.distributed.settings import WorkerOptions, distributed_settings
from crawlers.sources import Source
from pressmon.crawl import (
    CrawlResult,
    cap_log_handlers,
    crawl_settings,
    fetch_failures_as_info,
)
from pressmon.settings import Settings
from pressmon.state_db import crawl_state_problem


@contextmanager
def _scrapy_redis_quiet() -> Iterator[None]:
    """scrapy-redis calls Scrapy APIs Scrapy deprecated: warnings at every start, about code
    the operator cannot change."""
    from scrapy.exceptions import ScrapyDeprecationWarning

    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", category=ScrapyDeprecationWarning, module=r"scrapy_redis\."
        )
        yield


def run_worker(
    settings: Settings,
    options: WorkerOptions,
    sources: Sequence[Source],
    *,
    log_level: str = "WARNING",
) -> CrawlResult:
    """Crawl whatever the frontier holds for `sources` until stopped (or idle for
    options.max_idle). Returns this worker's per-source counters over all its bursts."""
    from scrapy.crawler import CrawlerProcess

    from crawlers.distributed.spider import DistributedSourceSpider

    scrapy_options = distributed_settings(crawl_settings(settings), options)
    # An item passed by the pipelines is then committed, so its request can be acknowledged.
    scrapy_options["PRESSMON_BATCH_SIZE"] = 1
    scrapy_options["LOG_LEVEL"] = log_level
    cap_log_handlers(log_level)
    process = CrawlerProcess(scrapy_options)
    crawler = process.create_crawler(DistributedSourceSpider)
    process.crawl(crawler, sources=sources, max_idle=options.max_idle)
    with fetch_failures_as_info(tracebacks=log_level == "DEBUG"), _scrapy_redis_quiet():
        process.start()
    spider = crawler.spider  # None when Scrapy could not start it: the reason then says so
    reason = str(crawler.stats.get_value("finish_reason", "unknown"))
    if not isinstance(spider, DistributedSourceSpider):
        return CrawlResult(counters={}, finish_reason=reason)
    return CrawlResult(
        counters=spider.worker_counters(),
        finish_reason=reason,
        state_problem=crawl_state_problem(spider.state_error) if spider.state_error else None,
        health_recorded=spider.health_recorded,
    )
