"""robots.txt that cannot be read keeps the crawler out instead of letting it in.

Scrapy treats a robots.txt it could not download (timeout, refused connection) or that answered
5xx as "allow everything", so one slow answer lets a crawl into sections the site forbids. As
Google does, an unreadable robots.txt here disallows the host for this run; the next run asks
again. A 4xx answer still means the site has no rules.
"""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached

log = logging.getLogger(__name__)

MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawlers.robots.StrictRobotsTxtMiddleware": 100,  # Scrapy's own slot
}


class _DisallowAll:
    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._robots_error(RuntimeError(f"HTTP {response.status}"), netloc)
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        super()._robots_error(exc, netloc)  # resolves waiting requests with "no parser"
        log.info("robots.txt of %s unreadable (%s): the host is skipped this run", netloc, exc)
        self._parsers[netloc] = _DisallowAll()  # type: ignore[assignment]

    def process_request_2(self, rp: object, request: Request) -> None:
        # Requests that waited on the failed download were handed `None`; the stored verdict rules.
        if rp is None:
            rp = self._parsers.get(urlparse_cached(request).netloc)
        super().process_request_2(rp, request)  # type: ignore[arg-type]
