"""The shared duplicate filter: articles once ever (a stored article fetched again because it
changed: once per modification time), discovery pages once per enqueue cycle."""

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
        if not request.meta.get("redirect_urls"):
            key = article_key(request)
            if key is not None:
                return key
        return super().request_fingerprint(request)

    def seen_key(self, request: Request) -> tuple[str, str, int | None]:
        """The set that remembers this request, its fingerprint there, and the set's lifetime."""
        cycle = request.meta.get(CYCLE)
        if cycle is None:
            return self.key, self.request_fingerprint(request), None
        return f"{self.key}:cycle:{cycle}", self.request_fingerprint(request), CYCLE_TTL_SECONDS

    def request_seen(self, request: Request) -> bool:
        key, fingerprint, ttl = self.seen_key(request)
        with self.server.pipeline(transaction=True) as pipe:
            pipe.sadd(key, fingerprint)
            if ttl is not None:
                pipe.expire(key, ttl)
            added = pipe.execute()[0]
        return added == 0


def article_key(request: Request) -> str | None:
    """The dupefilter key of an article request (None: a discovery page)."""
    url_id = request.cb_kwargs.get("url_id")
    if not url_id:
        return None
    discovered = request.cb_kwargs.get("discovered")
    if request.cb_kwargs.get("previous") is not None and discovered is not None:
        return f"article:{url_id}@{discovered.isoformat()}"  # this change, once
    return f"article:{url_id}"


def forget_article(server: redis.Redis, keys: RedisKeys, request: Request) -> None:
    """Let a later cycle schedule this article request again (it failed: timeout, 5xx, challenge
    page)."""
    key = article_key(request)
    if key is not None:
        server.srem(keys.dupefilter, key)
