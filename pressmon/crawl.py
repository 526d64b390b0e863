"""Runs crawls: once in this process, or every N hours as a long-running service."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from crawlers.settings import scrapy_settings
from crawlers.sources import Source
from pressmon import state_db
from pressmon.errors import ConfigError, PressmonError, StateDatabaseError
from pressmon.settings import Settings, load_sources
from pressmon.state_db import crawl_state_problem, open_state_db
from pressmon.wiring import check_story_memory

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CrawlResult:
    counters: dict[str, dict[str, int]]  # source id -> outcome -> count
    finish_reason: str
    # The state database could not be written (the crawl stopped); whether the run's
    # per-source health (crawl_runs) was still recorded.
    state_problem: StateDatabaseError | None = None
    health_recorded: bool = True

    @property
    def stored(self) -> int:
        """New articles archived."""
        return sum(c.get("stored", 0) for c in self.counters.values())

    @property
    def updated(self) -> int:
        """Stored articles that changed, updated in place."""
        return sum(c.get("updated", 0) for c in self.counters.values())


def cap_log_handlers(log_level: str) -> None:
    """Scrapy lowers the root logger to NOTSET; capping the CLI's handlers keeps every DEBUG
    record (the full text of each scraped item among them) from being formatted and printed."""
    for handler in logging.root.handlers:
        handler.setLevel(max(handler.level, logging.getLevelName(log_level)))


# Scrapy logs a request it gave up on at ERROR, and a robots.txt it could not fetch with the full
# traceback, though the spider's errback counts and reports both: with every host down that was
# thousands of lines. These loggers' errors become one INFO line each.
_FETCH_FAILURE_LOGGERS = (
    "scrapy.downloadermiddlewares.retry",
    "scrapy.downloadermiddlewares.robotstxt",
)


class _FetchFailureAsInfo(logging.Filter):
    def __init__(self, tracebacks: bool) -> None:
        super().__init__()
        self.tracebacks = tracebacks

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            record.levelno, record.levelname = logging.INFO, "INFO"
            if not self.tracebacks:
                record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


@contextmanager
def fetch_failures_as_info(tracebacks: bool) -> Iterator[None]:
    """While crawling, fetch failures Scrapy logs are one INFO line (with `tracebacks`, in full)."""
    quiet = _FetchFailureAsInfo(tracebacks)
    loggers = [logging.getLogger(name) for name in _FETCH_FAILURE_LOGGERS]
    for logger_ in loggers:
        logger_.addFilter(quiet)
    try:
        yield
    finally:
        for logger_ in loggers:
            logger_.removeFilter(quiet)


def chosen_sources(settings: Settings, source_ids: Sequence[str] = ()) -> tuple[Source, ...]:
    """The sources named by id (an unknown id fails), or every enabled source when none is.

    Raises:
        ConfigError: an unknown id, or no source enabled: a crawl of nothing would end "0/0
            nguồn" with exit 0, and a scheduled one do so every cycle.
    """
    listed = load_sources(settings.sources_file)
    if source_ids:
        return tuple(listed.by_id(i) for i in source_ids)
    if not (enabled := listed.enabled()):
        raise ConfigError(
            f"{settings.sources_file}: không có nguồn nào đang bật (enabled) để thu thập",
            hint="bật ít nhất một nguồn (enabled: true), nêu nguồn bằng --source, hoặc chỉ tệp "
            "nguồn khác (--sources, PRESSMON_SOURCES)",
        )
    return enabled


def crawl_settings(settings: Settings) -> dict[str, Any]:
    """Scrapy settings of a crawl into the configured archive: crawler keys, then pipeline keys."""
    crawl = settings.crawl
    options = scrapy_settings(
        state_path=settings.archive.state_path,
        user_agent=crawl.user_agent,
        obey_robots=crawl.obey_robots,
        autothrottle=crawl.autothrottle,
        download_delay=crawl.download_delay,
        concurrency_per_domain=crawl.concurrency_per_domain,
        max_page_bytes=crawl.max_page_bytes,
        download_timeout=crawl.download_timeout,
        http_cache=crawl.http_cache,
        job_dir=crawl.job_dir,
        refetch_per_source=crawl.refetch_per_source,
        state_timeout=state_db.TIMEOUT_SECONDS,
    )
    options["ITEM_PIPELINES"] = {"pressmon.crawl_pipeline.ArchivePipeline": 800}
    options["PRESSMON_SETTINGS"] = settings
    options["PRESSMON_BATCH_SIZE"] = crawl.batch_size
    return options


def run_crawl(
    settings: Settings,
    sources: Sequence[Source],
    *,
    log_level: str = "WARNING",
    tracebacks: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> CrawlResult:
    """One crawl of `sources` into the configured archive; `tracebacks` keeps Scrapy's
    tracebacks of failed fetches in the log; `progress(pages, articles)` hears of every page
    fetched and every article kept (about social insurance) as the crawl goes.

    Scrapy's reactor cannot restart, so a process runs this at most once; `run_every` uses
    a fresh child process per cycle.
    """
    from scrapy.crawler import CrawlerProcess

    from crawlers.spiders.source import SourceSpider

    open_state_db(settings.archive.state_path).close()  # the spider opens it by path, migrated
    check_story_memory(settings)
    options = crawl_settings(settings)
    options["LOG_LEVEL"] = log_level
    cap_log_handlers(log_level)
    process = CrawlerProcess(options)
    crawler = process.create_crawler(SourceSpider)
    if progress is not None:
        _report_progress(crawler, progress)
    process.crawl(crawler, sources=sources)
    with fetch_failures_as_info(tracebacks):
        process.start()
    # Scrapy logs start-up failures and returns normally; its stats may not even exist then.
    try:
        reason = crawler.stats.get_value("finish_reason")
    except RuntimeError:
        reason = None
    if reason is None:
        raise PressmonError(
            "lượt thu thập không bắt đầu được; xem lỗi ghi trong log ở trên",
            hint="kiểm tra tệp nguồn (sources.yaml) và thiết lập kho lưu trữ",
        )
    spider = crawler.spider
    assert isinstance(spider, SourceSpider)  # finish_reason is only set once the spider ran
    return CrawlResult(
        counters={k: dict(v) for k, v in spider.counters.items()},
        finish_reason=reason,
        state_problem=crawl_state_problem(spider.state_error) if spider.state_error else None,
        health_recorded=spider.health_recorded,
    )


def _report_progress(crawler: Any, progress: Callable[[int, int], None]) -> None:
    """Count pages and kept articles from Scrapy's signals (in the reactor's thread)."""
    from scrapy import signals

    seen = {"pages": 0, "articles": 0}

    def on_page(**_: Any) -> None:
        seen["pages"] += 1
        progress(seen["pages"], seen["articles"])

    def on_article(**_: Any) -> None:
        seen["articles"] += 1
        progress(seen["pages"], seen["articles"])

    # weak=False: by default Scrapy holds receivers weakly, and nothing else holds these.
    crawler.signals.connect(on_page, signal=signals.response_received, weak=False)
    crawler.signals.connect(on_article, signal=signals.item_scraped, weak=False)


def run_every(
    interval_seconds: float,
    command: Sequence[str],
    *,
    cycles: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[int]:
    """Run `pressmon <command>` in a child process every interval, logging each cycle's outcome
    (a failed one as a warning); the numbers of the cycles that failed."""
    failed = []
    done = 0
    while cycles is None or done < cycles:
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "pressmon", *command], check=False)
        elapsed = time.monotonic() - started
        done += 1
        if result.returncode == 0:
            logger.info("lượt %d: xong sau %.0f giây", done, elapsed)
        else:
            failed.append(done)
            logger.warning(
                "lượt %d: không thành công (mã thoát %d) sau %.0f giây",
                done,
                result.returncode,
                elapsed,
            )
        if cycles is None or done < cycles:
            sleep(max(0.0, interval_seconds - elapsed))
    return failed
