"""Spider middleware that lets the distributed spider see each response's final outputs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy.http import Response

from crawlers.distributed.keys import LEASE


class LeaseTrackingMiddleware:
    """Runs closest to the engine (order 0), after offsite/depth filtering: what it sees is exactly
    what gets scheduled or piped, so the spider can ack a lease once all of it is safe."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeaseTrackingMiddleware:
        return cls(crawler)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        spider, lease = self.crawler.spider, response.meta.get(LEASE)
        if lease is None:
            yield from result
            return
        try:
            for output in result:
                spider.produced(response, output)
                yield output
        finally:
            spider.finished(lease)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        spider, lease = self.crawler.spider, response.meta.get(LEASE)
        if lease is None:
            async for output in result:
                yield output
            return
        try:
            async for output in result:
                spider.produced(response, output)
                yield output
        finally:
            spider.finished(lease)
