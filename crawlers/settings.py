"""Scrapy settings of a crawl, built from plain arguments (no module-level configuration).

The crawl options' defaults live with whoever configures the crawl (pressmon's CrawlSettings);
here every option is required. Components read their keys back from `crawler.settings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crawlers.errors import CrawlError

# An unreadable robots.txt keeps its host out (crawlers.robots), in Scrapy's own slot; a 429/503
# slows its host down (crawlers.backoff), seen before RetryMiddleware (550) asks again; an article
# page of a host backed off for its challenges is dropped first (crawlers.host_challenges); a
# site's requests share one slot, CONCURRENT_REQUESTS_PER_DOMAIN of them at once, counted after
# robots.txt and the HTTP cache (crawlers.sites). By dotted path only: light commands build these
# settings without importing Scrapy.
DOWNLOADER_MIDDLEWARES = {
    "crawlers.host_challenges.ChallengedHostMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawlers.robots.StrictRobotsTxtMiddleware": 100,
    "crawlers.backoff.BackoffMiddleware": 560,
    "crawlers.sites.SiteConcurrencyMiddleware": 940,
}

# A crawl state that cannot be written stops the crawl (crawlers.state_failures).
SPIDER_MIDDLEWARES = {"crawlers.state_failures.StateFailureMiddleware": 10}


def scrapy_settings(
    *,
    state_path: Path,
    user_agent: str,
    obey_robots: bool,
    autothrottle: bool,
    download_delay: float,
    concurrency_per_domain: int,
    max_page_bytes: int,
    download_timeout: float,
    http_cache: bool,
    job_dir: Path | None,
    refetch_per_source: int,
    state_timeout: float,
) -> dict[str, Any]:
    """Scrapy's UPPER_CASE settings for one crawl; `state_path` is the crawl state's SQLite file,
    whose writes wait up to `state_timeout` seconds while another process holds it."""
    settings: dict[str, Any] = {
        "BOT_NAME": "pressmon",
        "USER_AGENT": user_agent,
        "ROBOTSTXT_OBEY": obey_robots,
        "DOWNLOADER_MIDDLEWARES": dict(DOWNLOADER_MIDDLEWARES),
        "SPIDER_MIDDLEWARES": dict(SPIDER_MIDDLEWARES),
        "AUTOTHROTTLE_ENABLED": autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(download_delay, 0.1),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_DELAY": download_delay,
        "DOWNLOAD_DELAY_JITTER": 0.5,  # ±50 % around DOWNLOAD_DELAY
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency_per_domain,
        "DOWNLOAD_MAXSIZE": max_page_bytes,
        "DOWNLOAD_WARNSIZE": max_page_bytes // 2,
        "DOWNLOAD_TIMEOUT": download_timeout,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "REDIRECT_MAX_TIMES": 5,
        "HTTPCACHE_ENABLED": http_cache,
        "HTTPCACHE_DIR": "httpcache",
        "TELNETCONSOLE_ENABLED": False,
        # Scrapy's remote control runs Python sent to a local HTTP port; a worker runs for days.
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "LOG_INSTALL_ROOT_HANDLER": False,  # the CLI configures logging
        "PRESSMON_STATE_PATH": str(state_path),
        "PRESSMON_STATE_TIMEOUT": state_timeout,
        # Changed stored articles fetched again per source and run (crawlers.revisions).
        "PRESSMON_REFETCH_PER_SOURCE": refetch_per_source,
    }
    if job_dir is not None:
        settings["JOBDIR"] = str(job_dir)
    return settings


def required(crawler_settings: Any, key: str) -> Any:
    """A key the crawl's configuration must set; its absence is a wiring mistake, said loudly."""
    value = crawler_settings.get(key)
    if value is None:
        raise CrawlError(f"chưa đặt thiết lập Scrapy {key}")
    return value
