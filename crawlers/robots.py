"""A robots.txt that cannot be read keeps the crawler out of its host instead of letting it in.

Scrapy treats a robots.txt it could not download (timeout, refused connection) or that answered
5xx as "allow everything", so one slow answer under load lets a crawl into sections the site
forbids. As Google does, an unreadable robots.txt here keeps the host out for this run (the next
run asks again); a 4xx answer still means the site has no rules. The robots.txt request goes
through the retry middleware like any other, so a passing failure is retried before the host is
given up. Each request kept out fails with `RobotsUnreadable`, which names the robots.txt fetch's
own failure, so the crawl's summary reports the real cause (refused connection, 5xx, ...).

Scrapy (2.13 on) lets every request waiting for a robots.txt await one shared Deferred through
`asFuture`, whose callback returns None: the first waiter gets the rules and the others "no
rules", so a crawl starting with several requests to one host fetched pages robots.txt forbids.
Each waiter here reads the verdict the middleware settled for the host instead.

Settings reference this module by its dotted path only: importing it imports Scrapy.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

log = logging.getLogger(__name__)


class RobotsUnreadable(IgnoreRequest):
    """A request kept out because its host's robots.txt could not be read; `cause` says why."""

    def __init__(self, netloc: str, cause: Exception) -> None:
        super().__init__(f"robots.txt of {netloc} unreadable: {cause}")
        self.cause = cause


class _Unreadable:
    """The verdict on a host whose robots.txt could not be read: nothing is allowed."""

    def __init__(self, netloc: str, cause: Exception) -> None:
        self.netloc = netloc
        self.cause = cause


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> Any:
        await super().robot_parser(request)
        verdict = self._parsers[urlparse_cached(request).netloc]  # settled before the wait ends
        assert not isinstance(verdict, Deferred)
        return verdict

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._keep_out(netloc, HttpError(response, f"HTTP {response.status}"))
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, IgnoreRequest):
            # Scrapy itself declined the robots.txt request (an offsite redirect, say): the site
            # was not asked, so there are no rules to keep, as Scrapy decides.
            super()._robots_error(exc, netloc)
            return
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._keep_out(netloc, exc)

    def _keep_out(self, netloc: str, cause: Exception) -> None:
        log.info("robots.txt of %s unreadable (%s): the host is skipped this run", netloc, cause)
        waiting = self._parsers[netloc]
        verdict = _Unreadable(netloc, cause)
        self._parsers[netloc] = verdict  # type: ignore[assignment]
        assert isinstance(waiting, Deferred)  # the requests waiting on this robots.txt
        waiting.callback(verdict)  # type: ignore[arg-type]  # read by process_request_2

    def process_request_2(self, rp: Any, request: Request) -> None:
        if isinstance(rp, _Unreadable):
            self._stats.inc_value("robotstxt/unreadable_skipped")
            raise RobotsUnreadable(rp.netloc, rp.cause)
        super().process_request_2(rp, request)
