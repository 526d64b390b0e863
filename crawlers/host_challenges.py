"""Article requests to a host backed off for challenging every page are dropped before download.

The spider backs a host off when it answers a run of challenges (crawlers.retry); requests it
created before then are already queued, many of them in the downloader. This middleware drops
each one still to be handed to the downloader; the spider counts it `challenge_waiting`.

Settings reference this module by its dotted path only: importing it imports Scrapy.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request


class HostBackedOff(IgnoreRequest):
    """An article page not asked for: its host answers challenges for now."""


def request_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class ChallengedHostMiddleware:
    """Downloader middleware, before robots.txt: a dropped request costs the host nothing."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ChallengedHostMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if "url_id" not in request.cb_kwargs:
            return  # a feed, sitemap or listing: discovery goes on
        host = request_host(request.url)
        if self.crawler.spider.host_backed_off(host):
            raise HostBackedOff(f"{host} đang trả trang chống bot")
