"""Scrapy settings built from pressmon's typed crawl settings (no module-level configuration)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pressmon.settings import CrawlSettings, Settings, load_settings


def scrapy_settings(
    crawl: CrawlSettings, *, config_dir: Path | None, overrides: dict[str, Any]
) -> dict[str, Any]:
    """Scrapy's UPPER_CASE settings for one crawl; `overrides` are pressmon settings overrides."""
    settings: dict[str, Any] = {
        "BOT_NAME": "pressmon",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(crawl.download_delay, 0.1),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_DELAY": crawl.download_delay,
        "DOWNLOAD_DELAY_JITTER": 0.5,  # ±50 % around DOWNLOAD_DELAY
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrency_per_domain,
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "DOWNLOAD_WARNSIZE": crawl.max_page_bytes // 2,
        "DOWNLOAD_TIMEOUT": crawl.download_timeout,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "REDIRECT_MAX_TIMES": 5,
        "HTTPCACHE_ENABLED": crawl.http_cache,
        "HTTPCACHE_DIR": "httpcache",
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "LOG_INSTALL_ROOT_HANDLER": False,  # the CLI configures logging
        "ITEM_PIPELINES": {
            "crawlers.pipelines.ArchivePipeline": 800,
        },
        "PRESSMON_CONFIG_DIR": str(config_dir) if config_dir else None,
        "PRESSMON_OVERRIDES": overrides,
    }
    if crawl.job_dir is not None:
        settings["JOBDIR"] = str(crawl.job_dir)
    return settings


def pressmon_settings(crawler_settings: Any) -> Settings:
    """The pressmon Settings a crawl was started with (read back from `scrapy_settings`' keys)."""
    config_dir = crawler_settings.get("PRESSMON_CONFIG_DIR")
    return load_settings(
        Path(config_dir) if config_dir else None,
        overrides=crawler_settings.get("PRESSMON_OVERRIDES") or {},
    )
