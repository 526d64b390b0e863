"""A host that answers 429 or 503 is asked again more slowly while it has requests waiting.

Scrapy retries both codes (RETRY_HTTP_CODES) at the pace it had, and AutoThrottle never raises a
slot's delay on a non-200 answer that came back fast, which a refusal does: without this, an
overloaded site is hit by the retries and every queued request at the same rate. Here each 429/503
doubles the delay of the host's download slot (from at least 1 second), or sets the answer's
``Retry-After`` when that is longer, capped at AUTOTHROTTLE_MAX_DELAY. AutoThrottle, when on,
lowers it again as the host's answers come back fast; when off, the host stays slow until
Scrapy drops its slot after a minute with nothing to ask, and a later request starts at the
configured pace (a new refusal backs it off again).

A ``Retry-After`` (capped likewise) is also waited out before the host's next request, counted
from the answer: the slot's delay alone runs from the refused request's start, shortened by its
jitter (±50 %) and by AutoThrottle on another request's quick answer, so the next request could
go a second after a 429 asking for two. The slot's clock is set to the end of the wait, its delay
then running as usual.

Settings reference this module by its dotted path only: importing it imports Scrapy.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.http import Request, Response

log = logging.getLogger(__name__)

BACKOFF_STATUSES = frozenset({429, 503})
MIN_BACKOFF_SECONDS = 1.0


def retry_after(value: bytes | None, now: datetime) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta seconds or an HTTP date), if readable.

    >>> retry_after(b"120", datetime(2026, 1, 1, tzinfo=UTC))
    120.0
    """
    text = (value or b"").decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT; a naive one has no zone written
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def backed_off(delay: float, asked: float | None, cap: float) -> float:
    """The slot's next delay: doubled (at least 1 s), or what the server asked if longer, capped.

    >>> backed_off(0.5, None, 60.0), backed_off(4.0, 30.0, 60.0), backed_off(40.0, None, 60.0)
    (1.0, 30.0, 60.0)
    """
    return min(max(2 * delay, MIN_BACKOFF_SECONDS, asked or 0.0), cap)


class BackoffMiddleware:
    """Downloader middleware; placed before RetryMiddleware so it sees the answer first."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY")

    @classmethod
    def from_crawler(cls, crawler: Any) -> BackoffMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in BACKOFF_STATUSES:
            return response
        key = request.meta.get("download_slot")
        slot = self.crawler.engine.downloader.slots.get(key) if key is not None else None
        if slot is None:
            return response
        asked = retry_after(response.headers.get("Retry-After"), datetime.now(UTC))
        # Scrapy's slot starts its next request one delay after `lastseen` (monotonic).
        slot.lastseen = max(slot.lastseen, time.monotonic() + min(asked or 0.0, self.cap))
        delay = backed_off(slot.delay, asked, self.cap)
        if delay > slot.delay:
            log.info(
                "%s answered %d: asking it every %.1f s instead of %.1f s",
                key,
                response.status,
                delay,
                slot.delay,
            )
            slot.delay = delay
            self.crawler.stats.inc_value("pressmon/backoff")
        return response
