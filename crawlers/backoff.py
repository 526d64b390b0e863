"""A host that answers 429 or 503 is asked again more slowly while it has requests waiting.

Scrapy retries both codes (RETRY_HTTP_CODES) at the pace it had, and AutoThrottle never raises a
slot's delay on a non-200 answer that came back fast, which a refusal does: without this, an
overloaded site is hit by the retries and every queued request at the same rate. Here each 429/503
doubles the delay of the site's download slot (from at least 1 second), or sets the answer's
``Retry-After`` when that is longer, capped at AUTOTHROTTLE_MAX_DELAY. AutoThrottle, when on,
lowers it again as the site's answers come back fast; when off, the site stays slow.

Scrapy drops a slot that has had nothing to ask for a minute, and gives the site's next request a
fresh one at the configured pace: a site that refused was hit at full pace again after a lull
(links found later, a long crawl). So the slot a site last had is remembered with the time of its
last 429/503, and a new slot of the site starts at that slot's delay, as if it had not been
dropped (AutoThrottle's lowering included), while that refusal is under BACKOFF_MEMORY_SECONDS
old. Ten minutes is what a fleet of workers keeps a site's raised delay in Redis
(crawlers.distributed.politeness), so one machine and a fleet forget a refusal alike; and with
AutoThrottle off nothing else would ever lower it, keeping a site slow for the rest of a crawl of
days for one busy minute. The site's clock is not carried: a slot is dropped only a minute after
its last start and delay, so past any Retry-After.

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
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import signals
from scrapy.core.downloader import Slot
from scrapy.http import Request, Response

log = logging.getLogger(__name__)

BACKOFF_STATUSES = frozenset({429, 503})
MIN_BACKOFF_SECONDS = 1.0
BACKOFF_MEMORY_SECONDS = 600  # a site's raised delay outlives its slot this long after a 429/503


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


def remembered_delay(dropped_delay: float, refused_at: float, now: float) -> float | None:
    """The delay a site's new slot starts at: its dropped slot's, while the site's last 429/503
    (`refused_at`, monotonic seconds) is under BACKOFF_MEMORY_SECONDS old; None once forgotten.

    >>> remembered_delay(8.0, 100.0, 160.0), remembered_delay(8.0, 100.0, 700.0)
    (8.0, None)
    """
    return dropped_delay if now - refused_at < BACKOFF_MEMORY_SECONDS else None


@dataclass(frozen=True)
class Refused:
    """A site that answered 429/503: the download slot it has (or last had), and when it last
    refused (monotonic seconds)."""

    slot: Slot
    at: float


class BackoffMiddleware:
    """Downloader middleware; placed before RetryMiddleware so it sees the answer first."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY")
        self._refused: dict[str, Refused] = {}  # by slot key: the site (crawlers.sites)
        # Sent once the request's slot exists (a new one made), before it is sent from there.
        crawler.signals.connect(self._reached_slot, signal=signals.request_reached_downloader)

    @classmethod
    def from_crawler(cls, crawler: Any) -> BackoffMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        found = self._slot(request) if response.status in BACKOFF_STATUSES else None
        if found is None:
            return response
        key, slot = found
        asked = retry_after(response.headers.get("Retry-After"), datetime.now(UTC))
        now = time.monotonic()
        self._refused[key] = Refused(slot, now)
        # Scrapy's slot starts its next request one delay after `lastseen` (monotonic).
        slot.lastseen = max(slot.lastseen, now + min(asked or 0.0, self.cap))
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

    def _reached_slot(self, request: Request) -> None:
        """A site that refused and whose slot Scrapy dropped gets its new slot at the old pace."""
        found = self._slot(request)
        refused = self._refused.get(found[0]) if found is not None else None
        if found is None or refused is None or found[1] is refused.slot:
            return
        key, slot = found
        delay = remembered_delay(refused.slot.delay, refused.at, time.monotonic())
        if delay is None:
            del self._refused[key]
            return
        self._refused[key] = replace(refused, slot=slot)
        if delay > slot.delay:
            log.info("%s gets a new download slot: still asking it every %.1f s", key, delay)
            slot.delay = delay

    def _slot(self, request: Request) -> tuple[str, Slot] | None:
        """The request's download slot and its key, once the downloader has made it."""
        key: str | None = request.meta.get("download_slot")
        slot = self.crawler.engine.downloader.slots.get(key) if key is not None else None
        return None if key is None or slot is None else (key, slot)
