"""The shared duplicate filter: articles once ever, discovery pages once per enqueue cycle."""

from __future__ import annotations

import redis
from scrapy import Request
from scrapy_redis.dupefilter import RFPDupeFilter

from crawlers.distributed.keys import CYCLE, RedisKeys

CYCLE_TTL_SECONDS = 2 * 86400  # a cycle's discovery fingerprints outlive any cycle


class CycleDupeFilter(RFPDupeFilter):
    """Fingerprints articles by their canonical article id (http/https, AMP and tracking variants of
    one article are one request) and keeps them forever; feeds, sitemaps and listings are keyed by
    their enqueue cycle, so the next cycle reads them again."""

    def request_fingerprint(self, request: Request) -> str:
        url_id = request.cb_kwargs.get("url_id")
        if url_id and not request.meta.get("redirect_urls"):
            return f"article:{url_id}"  # = forget_article's key
        return super().request_fingerprint(request)

    def request_seen(self, request: Request) -> bool:
        cycle = request.meta.get(CYCLE)
        if cycle is None:
            return super().request_seen(request)
        key = f"{self.key}:cycle:{cycle}"  # = RedisKeys.cycle_dupefilter(cycle)
        with self.server.pipeline(transaction=True) as pipe:
            added, _ = (
                pipe.sadd(key, self.request_fingerprint(request))
                .expire(key, CYCLE_TTL_SECONDS)
                .execute()
            )
        return added == 0


def forget_article(server: redis.Redis, keys: RedisKeys, url_id: str) -> None:
    """Let a later cycle schedule this article again (it failed: timeout, 5xx, challenge page)."""
    server.srem(keys.dupefilter, f"article:{url_id}")
