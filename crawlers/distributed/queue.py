"""scrapy-redis priority queue with leases: a worker killed mid-request loses nothing."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from crawlers.distributed.keys import LEASE, PARENT

_PUSH_UNSEEN = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
if tonumber(ARGV[4]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[4]) end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


class ReliablePriorityQueue(PriorityQueue):
    """pop leases a request (crawlers.distributed.leases); push settles what the request continues.

    A pushed request may carry LEASE (a retry or redirect of a leased request: once the new
    request is safely queued the old lease is done) or PARENT (a follow-up produced by a leased
    response: the parent is one output closer to done). Neither key is stored in Redis.
    The spider must have `leases` (Leases), `acknowledge(lease)` and `settle(parent_lease)`:
    DistributedSourceSpider.
    """

    def _encode_request(self, request: Request) -> bytes:
        meta = {k: v for k, v in request.meta.items() if k not in (LEASE, PARENT)}
        return super()._encode_request(request.replace(meta=meta))

    def push(self, request: Request) -> None:
        super().push(request)
        self._settle(request)

    def push_unseen(
        self, request: Request, seen_key: str, fingerprint: str, ttl: int | None
    ) -> bool:
        """Remember the fingerprint and queue the request in one step; False when already seen.

        Two steps (remember, then queue) lose the request when the worker dies in between: the
        parent's lease returns to the queue, but its re-fetch finds the child already "seen".
        """
        data = self._encode_request(request)
        pushed = self._push_unseen(
            keys=[seen_key, self.key], args=[fingerprint, -request.priority, data, ttl or 0]
        )
        if pushed:
            self._settle(request)
        return bool(pushed)

    @cached_property
    def _push_unseen(self) -> Any:
        return self.server.register_script(_PUSH_UNSEEN)

    def _settle(self, request: Request) -> None:
        lease = request.meta.get(LEASE)
        if lease is not None:
            self.spider.acknowledge(lease)
        parent = request.meta.get(PARENT)
        if parent is not None:
            self.spider.settle(parent)

    def pop(self, timeout: int = 0) -> Request | None:
        popped = self.spider.leases.pop()
        if popped is None:
            return None
        lease, data = popped
        request = self._decode_request(data)
        request.meta[LEASE] = lease
        return request

    def __len__(self) -> int:
        return int(self.server.zcard(self.key))

    def clear(self) -> Any:
        keys = self.spider.leases.keys
        self.server.delete(self.key, keys.processing, keys.deadlines)
