"""One site, one politeness unit: `crawl.concurrency_per_domain` counts a site's requests in
progress, whatever name it is asked by.

Scrapy keys its download slots by hostname, so an outlet asked as www. and m. (or under a
pre-merger alias) took twice its share at once, its delay and back-off split between them. And
Scrapy 2.19's slot sends a whole queue at once when the delay is 0: it counts a request against
the slot's concurrency only once its download task has started, after the loop that hands them
out. Here a site is every domain of a source (and of sources sharing a domain), their subdomains
included; its requests share one download slot named after it (delay, AutoThrottle, 429
back-off), and at most `CONCURRENT_REQUESTS_PER_DOMAIN` of them are in progress at once.

Settings reference the middleware by its dotted path only: importing this module imports Scrapy.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from typing import Any

from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached

from crawlers.sources import Source

_HELD = "pressmon_site_held"


def site_names(sources: Iterable[Source]) -> dict[str, str]:
    """Each configured domain's site: one name for all domains of a source, and of every source
    sharing one of them (the alphabetically first domain of the group).

    >>> a = Source(id="a", name="A", kind="national", domain="a.vn", aliases=("cu.vn",))
    >>> b = Source(id="b", name="B", kind="national", domain="b.vn", aliases=("cu.vn",))
    >>> site_names([a, b])
    {'a.vn': 'a.vn', 'b.vn': 'a.vn', 'cu.vn': 'a.vn'}
    """
    groups: list[set[str]] = []
    for source in sources:
        group = set(source.domains)
        for joined in [g for g in groups if g & group]:
            group |= joined
            groups.remove(joined)
        groups.append(group)
    return {domain: min(group) for group in groups for domain in sorted(group)}


def site_of(host: str, sites: Mapping[str, str]) -> str:
    """The site `host` belongs to: that of the longest configured domain it is or is under;
    a host of no source is its own site.

    >>> site_of("m.a.vn", {"a.vn": "a.vn", "cu.vn": "a.vn"}), site_of("x.vn", {})
    ('a.vn', 'x.vn')
    """
    parts = host.split(".")
    for start in range(len(parts)):
        site = sites.get(".".join(parts[start:]))
        if site is not None:
            return site
    return host


class SiteConcurrencyMiddleware:
    """Downloader middleware: names each request's download slot after its site and lets at
    most `concurrency` of a site's requests past it until their answers are back.

    It sits after the robots.txt middleware, so a request waiting for robots.txt holds no
    place the robots.txt request itself would need, and after the HTTP cache, whose stored
    answers ask nothing of the site.
    """

    def __init__(self, crawler: Any, concurrency: int) -> None:
        self.crawler = crawler
        self.concurrency = concurrency
        self._sites: dict[str, str] | None = None
        self._places: dict[str, asyncio.Semaphore] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> SiteConcurrencyMiddleware:
        return cls(crawler, crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))

    def site(self, request: Request) -> str:
        if self._sites is None:  # the spider's sources, read once it exists
            self._sites = site_names(self.crawler.spider.sources.values())
        return site_of(urlparse_cached(request).hostname or "", self._sites)

    async def process_request(self, request: Request) -> None:
        site = self.site(request)
        request.meta["download_slot"] = site
        places = self._places.setdefault(site, asyncio.Semaphore(self.concurrency))
        await places.acquire()
        request.meta[_HELD] = places

    def _release(self, request: Request) -> None:
        places = request.meta.pop(_HELD, None)
        if places is not None:
            places.release()

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self._release(request)
