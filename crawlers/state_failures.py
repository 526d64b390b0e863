"""A crawl state that cannot be written (another process holds the file past the wait) stops the
crawl instead of failing every page after it, each after that wait, with a traceback."""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from crawlers.errors import CrawlStateError


class StateFailureMiddleware:
    """Hands a spider callback's CrawlStateError to the spider (`stop_for_state`), which stops the
    crawl; the response's other outputs are dropped, as its URL was not recorded."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> StateFailureMiddleware:
        return cls(crawler)

    def process_spider_exception(
        self, response: Response, exception: Exception
    ) -> list[Any] | None:
        if not isinstance(exception, CrawlStateError):
            return None
        self.crawler.spider.stop_for_state(exception)
        return []
