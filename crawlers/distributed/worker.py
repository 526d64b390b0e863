"""Runs one distributed worker process: a Scrapy crawl fed by the shared Redis frontier."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crawlers.distributed.settings import WorkerOptions, distributed_settings
from pressmon.crawl import cap_log_handlers
from pressmon.settings import Settings


def run_worker(
    settings: Settings,
    options: WorkerOptions,
    *,
    config_dir: Path | None,
    overrides: dict[str, Any],
    source_ids: Sequence[str] = (),
    log_level: str = "WARNING",
) -> tuple[dict[str, dict[str, int]], str]:
    """Crawl whatever the frontier holds for the chosen (default: enabled) sources until stopped
    (or idle for options.max_idle). Returns the last burst's counters and the finish reason."""
    from scrapy.crawler import CrawlerProcess

    from crawlers.distributed.spider import DistributedSourceSpider

    scrapy_options = distributed_settings(
        settings.crawl, options, config_dir=config_dir, overrides=overrides
    )
    scrapy_options["LOG_LEVEL"] = log_level
    cap_log_handlers(log_level)
    process = CrawlerProcess(scrapy_options)
    crawler = process.create_crawler(DistributedSourceSpider)
    process.crawl(crawler, source_ids=list(source_ids), max_idle=options.max_idle)
    process.start()
    stats = crawler.stats.get_stats()
    totals = {
        key.removeprefix("pressmon/"): int(value)
        for key, value in stats.items()
        if key.startswith("pressmon/")
    }
    return {"all": totals}, str(stats.get("finish_reason", "unknown"))
