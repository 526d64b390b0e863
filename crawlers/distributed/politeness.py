"""Per-domain politeness shared by every worker: N workers hit a site no faster than one would.

Each host has a "next allowed start" time and a set of holders (requests in progress) in Redis.
One atomic Lua call either reserves the next start slot (spaced by the download delay) and a
holder token, or answers "full" when the host already has `concurrency` requests in progress.
Holder tokens expire on their own, so a killed worker cannot block a site for long.
A "host" here is the request's site (crawlers.sites: every name of a source, its download slot),
so an outlet asked by two workers under two of its names still gets `concurrency` at once.
A host that answers 429 or 503 is asked more slowly by every worker, not only by the one that got
the answer (crawlers.backoff's rule, kept in Redis): the raised delay lasts BACKOFF_MEMORY_SECONDS
after the host's last such answer, and its next start is put after the answer's Retry-After. The
answer is recorded before its holder token is given back, so no worker takes that place first.
A worker that reserved a later start before the answer came waits the Retry-After out too.
Being kept by site in Redis, not in a worker's Scrapy download slot, none of this is forgotten
when a worker drops the site's slot after a lull.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import redis
from scrapy import Request
from scrapy.http import Response

from crawlers.backoff import (
    BACKOFF_MEMORY_SECONDS,
    BACKOFF_STATUSES,
    MIN_BACKOFF_SECONDS,
    retry_after,
)
from crawlers.distributed.connection import redis_from_settings
from crawlers.distributed.keys import RedisKeys

_TOKEN = "pressmon_polite_token"
logger = logging.getLogger(__name__)

# KEYS: next-start key, holders zset, backoff key; ARGV: delay ms, concurrency, token, hold ms.
# Returns ms to wait before starting, or -1 when the host is at its concurrency limit.
_ACQUIRE = """
local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay = math.max(tonumber(ARGV[1]), tonumber(redis.call('GET', KEYS[3]) or '0'))
local hold = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return -1 end
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
if delay > 0 then redis.call('SET', KEYS[1], start + delay, 'PX', start + delay - now + 60000) end
redis.call('ZADD', KEYS[2], start + hold, ARGV[3])
redis.call('PEXPIRE', KEYS[2], start + hold - now + 60000)
return start - now
"""


# KEYS: backoff key, next-start key, pause key; ARGV: delay ms, asked ms (0: none), cap ms,
# memory ms, minimum ms. As crawlers.backoff.backed_off: doubled (at least the minimum), or what
# the host asked if longer, capped; never lowered by a later answer, forgotten `memory` ms after
# the last one. The next start waits out what the host asked (capped), counted from now, and so
# does a start reserved before it (the pause key, read by DomainGate.paused_for).
_BACK_OFF = """
local current = math.max(tonumber(ARGV[1]), tonumber(redis.call('GET', KEYS[1]) or '0'))
local raised = math.max(2 * current, tonumber(ARGV[5]), tonumber(ARGV[2]))
raised = math.max(math.min(raised, tonumber(ARGV[3])), current)
redis.call('SET', KEYS[1], raised, 'PX', ARGV[4])
local asked = math.min(tonumber(ARGV[2]), tonumber(ARGV[3]))
if asked > 0 then
  local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local start = math.max(now + asked, tonumber(redis.call('GET', KEYS[2]) or '0'))
  redis.call('SET', KEYS[2], start, 'PX', start - now + 60000)
  local pause = math.max(now + asked, tonumber(redis.call('GET', KEYS[3]) or '0'))
  redis.call('SET', KEYS[3], pause, 'PX', pause - now + 1000)
end
return raised
"""

# KEYS: pause key. Returns ms until the host's Retry-After has passed (0: none).
_PAUSED = """
local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return math.max(0, tonumber(redis.call('GET', KEYS[1]) or '0') - now)
"""


@dataclass(frozen=True)
class Politeness:
    delay_seconds: float  # between two request starts to one host, across all workers
    concurrency: int  # requests in progress on one host, across all workers
    hold_seconds: float  # a holder token's lifetime: longer than any download
    max_backoff_seconds: float = 60.0  # the most a 429/503 raises the delay to


class DomainGate:
    """The Redis side: reserve a start slot and a holder token for a host; release the token."""

    def __init__(self, server: redis.Redis, keys: RedisKeys, rules: Politeness) -> None:
        self.server = server
        self.keys = keys
        self.rules = rules
        self._acquire = server.register_script(_ACQUIRE)
        self._back_off = server.register_script(_BACK_OFF)
        self._paused = server.register_script(_PAUSED)

    def acquire(self, host: str, token: str) -> float | None:
        """Seconds to wait before starting, or None when the host is busy (try again shortly)."""
        wait_ms = int(
            self._acquire(
                keys=[
                    self.keys.domain_next(host),
                    self.keys.domain_holders(host),
                    self.keys.domain_backoff(host),
                ],
                args=[
                    int(self.rules.delay_seconds * 1000),
                    self.rules.concurrency,
                    token,
                    int(self.rules.hold_seconds * 1000),
                ],
            )
        )
        return None if wait_ms < 0 else wait_ms / 1000

    def release(self, host: str, token: str) -> None:
        self.server.zrem(self.keys.domain_holders(host), token)

    def back_off(self, host: str, asked_seconds: float | None) -> float:
        """The host answered 429/503: raise its delay for every worker. Returns the new delay."""
        raised_ms = self._back_off(
            keys=[
                self.keys.domain_backoff(host),
                self.keys.domain_next(host),
                self.keys.domain_pause(host),
            ],
            args=[
                int(self.rules.delay_seconds * 1000),
                int((asked_seconds or 0) * 1000),
                int(self.rules.max_backoff_seconds * 1000),
                BACKOFF_MEMORY_SECONDS * 1000,
                int(MIN_BACKOFF_SECONDS * 1000),
            ],
        )
        return int(raised_ms) / 1000

    def paused_for(self, host: str) -> float:
        """Seconds until the Retry-After the host last gave has passed (0 when it has)."""
        return int(self._paused(keys=[self.keys.domain_pause(host)])) / 1000


class GlobalPolitenessMiddleware:
    """Downloader middleware: waits (without blocking the reactor) for the host's next slot.

    While Redis is unreachable (beyond the client's own retries) a request waits for it rather
    than failing: failing would count a fetch error against the site and drop the article, or
    the listing page, for this cycle although the site was never asked.
    """

    BUSY_POLL_SECONDS = 0.05
    OUTAGE_POLL_SECONDS = 5.0

    def __init__(self, gate: DomainGate) -> None:
        self.gate = gate

    @classmethod
    def from_crawler(cls, crawler: Any) -> GlobalPolitenessMiddleware:
        settings = crawler.settings
        rules = Politeness(
            delay_seconds=settings.getfloat("PRESSMON_GLOBAL_DELAY"),
            concurrency=settings.getint("PRESSMON_GLOBAL_CONCURRENCY"),
            hold_seconds=settings.getfloat("DOWNLOAD_TIMEOUT") + 30,
            max_backoff_seconds=settings.getfloat("AUTOTHROTTLE_MAX_DELAY"),
        )
        return cls(
            DomainGate(
                redis_from_settings(settings), RedisKeys(settings["PRESSMON_REDIS_PREFIX"]), rules
            )
        )

    async def process_request(self, request: Request) -> None:
        host = _site(request)
        token = uuid.uuid4().hex
        while (wait := await self._acquire(host, token)) is None:
            await asyncio.sleep(self.BUSY_POLL_SECONDS * (0.5 + random.random()))
        request.meta[_TOKEN] = (host, token)
        if wait > 0:
            await asyncio.sleep(wait)
            # A 429/503 another worker got meanwhile: its Retry-After binds this start too.
            while (paused := self._paused_for(host)) > 0:
                await asyncio.sleep(paused)

    def _paused_for(self, host: str) -> float:
        try:
            return self.gate.paused_for(host)
        except redis.RedisError as err:  # the reserved start stands; the site's delay still holds
            logger.warning("không đọc được thời gian chờ của %s trong Redis (%s)", host, err)
            return 0.0

    async def _acquire(self, host: str, token: str) -> float | None:
        while True:
            try:
                return self.gate.acquire(host, token)
            except redis.RedisError as err:
                logger.warning(
                    "không đọc được lượt tải của %s trong Redis (%s); chờ Redis rồi thử lại",
                    host,
                    err,
                )
                await asyncio.sleep(self.OUTAGE_POLL_SECONDS)

    def _release(self, request: Request) -> None:
        held = request.meta.pop(_TOKEN, None)
        if held is None:
            return
        try:
            self.gate.release(*held)
        except redis.RedisError as err:  # the token expires by itself; the response is kept
            logger.warning("không trả được lượt tải của %s cho Redis (%s)", held[0], err)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in BACKOFF_STATUSES:
            self._back_off(request, response)
        self._release(request)
        return response

    def _back_off(self, request: Request, response: Response) -> None:
        host = _site(request)
        asked = retry_after(response.headers.get("Retry-After"), datetime.now(UTC))
        try:
            delay = self.gate.back_off(host, asked)
        except (
            redis.RedisError
        ) as err:  # this worker's own slot still backs off (BackoffMiddleware)
            logger.warning(
                "không ghi được vào Redis việc %s trả %d (%s)", host, response.status, err
            )
            return
        logger.info(
            "%s trả %d: mọi worker hỏi nó cách %.1f s một lần", host, response.status, delay
        )

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self._release(request)


def _site(request: Request) -> str:
    """The request's site, named by SiteConcurrencyMiddleware (before this one); its host when
    that middleware is not in the chain (a bare test of this one)."""
    return request.meta.get("download_slot") or urlsplit(request.url).hostname or ""
