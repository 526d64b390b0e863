"""Per-domain politeness shared by every worker: N workers hit a site no faster than one would.

Each host has a "next allowed start" time and a set of holders (requests in progress) in Redis.
One atomic Lua call either reserves the next start slot (spaced by the download delay) and a
holder token, or answers "full" when the host already has `concurrency` requests in progress.
Holder tokens expire on their own, so a killed worker cannot block a site for long.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import redis
from scrapy import Request
from scrapy.http import Response

from crawlers.distributed.connection import redis_from_settings
from crawlers.distributed.keys import RedisKeys

_TOKEN = "pressmon_polite_token"
logger = logging.getLogger(__name__)

# KEYS: next-start key, holders zset; ARGV: delay ms, concurrency, token, hold ms.
# Returns ms to wait before starting, or -1 when the host is at its concurrency limit.
_ACQUIRE = """
local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay, hold = tonumber(ARGV[1]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return -1 end
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
if delay > 0 then redis.call('SET', KEYS[1], start + delay, 'PX', start + delay - now + 60000) end
redis.call('ZADD', KEYS[2], start + hold, ARGV[3])
redis.call('PEXPIRE', KEYS[2], start + hold - now + 60000)
return start - now
"""


@dataclass(frozen=True)
class Politeness:
    delay_seconds: float  # between two request starts to one host, across all workers
    concurrency: int  # requests in progress on one host, across all workers
    hold_seconds: float  # a holder token's lifetime: longer than any download


class DomainGate:
    """The Redis side: reserve a start slot and a holder token for a host; release the token."""

    def __init__(self, server: redis.Redis, keys: RedisKeys, rules: Politeness) -> None:
        self.server = server
        self.keys = keys
        self.rules = rules
        self._acquire = server.register_script(_ACQUIRE)

    def acquire(self, host: str, token: str) -> float | None:
        """Seconds to wait before starting, or None when the host is busy (try again shortly)."""
        wait_ms = int(
            self._acquire(
                keys=[self.keys.domain_next(host), self.keys.domain_holders(host)],
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
        )
        return cls(
            DomainGate(
                redis_from_settings(settings), RedisKeys(settings["PRESSMON_REDIS_PREFIX"]), rules
            )
        )

    async def process_request(self, request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        token = uuid.uuid4().hex
        while (wait := await self._acquire(host, token)) is None:
            await asyncio.sleep(self.BUSY_POLL_SECONDS * (0.5 + random.random()))
        request.meta[_TOKEN] = (host, token)
        if wait > 0:
            await asyncio.sleep(wait)

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
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self._release(request)
