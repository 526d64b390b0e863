"""Reliable-queue leases: a popped request stays in Redis until its worker acknowledges it.

pop moves the best request from the queue into a processing hash with a deadline, atomically (Lua);
the worker renews the deadlines of what it holds; ack deletes a lease; reap puts every lease whose
deadline passed (its worker died or stalled) back into the queue. Deadlines use the Redis server's
clock, so workers on machines with skewed clocks agree.
"""

from __future__ import annotations

import itertools
import os
import socket
import uuid
from dataclasses import dataclass

import redis

from crawlers.distributed.keys import RedisKeys

_NOW_MS = (
    "local t = redis.call('TIME') "
    "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
)

# KEYS: queue, processing, deadlines; ARGV: lease id, lease ms. Returns the request or nil.
# Idempotent per lease id: a client retry after a lost reply gets the same request back.
_POP = (
    _NOW_MS
    + """
local held = redis.call('HGET', KEYS[2], ARGV[1])
if held then return string.sub(held, string.find(held, '|', 1, true) + 1) end
local best = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #best == 0 then return false end
redis.call('ZREM', KEYS[1], best[1])
redis.call('HSET', KEYS[2], ARGV[1], best[2] .. '|' .. best[1])
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[2]), ARGV[1])
return best[1]
"""
)

# KEYS: queue, processing, deadlines; ARGV: max leases to reap. Returns how many went back.
_REAP = (
    _NOW_MS
    + """
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
local requeued = 0
for _, lease in ipairs(expired) do
  local held = redis.call('HGET', KEYS[2], lease)
  if held then
    local sep = string.find(held, '|', 1, true)
    redis.call('ZADD', KEYS[1], tonumber(string.sub(held, 1, sep - 1)), string.sub(held, sep + 1))
    redis.call('HDEL', KEYS[2], lease)
    requeued = requeued + 1
  end
  redis.call('ZREM', KEYS[3], lease)
end
return requeued
"""
)

# KEYS: deadlines; ARGV: lease ms, lease ids... Only leases still present are extended (XX):
# a lease already reaped stays reaped. Returns how many were extended.
_RENEW = (
    _NOW_MS
    + """
local extended = 0
for i = 2, #ARGV do
  extended = extended + redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[i])
end
return extended
"""
)


def worker_id() -> str:
    """Unique per process: host, pid and a random suffix (pids repeat across containers)."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


@dataclass(frozen=True)
class FrontierSize:
    queued: int  # waiting in the queue
    in_flight: int  # leased by some worker

    @property
    def empty(self) -> bool:
        return self.queued == 0 and self.in_flight == 0


class Leases:
    """One worker's view of the shared frontier's leases."""

    def __init__(
        self, server: redis.Redis, keys: RedisKeys, lease_seconds: float, owner: str
    ) -> None:
        self.server = server
        self.keys = keys
        self.lease_ms = int(lease_seconds * 1000)
        self.owner = owner
        self.held: set[str] = set()
        self.unacked: set[str] = set()  # acks that failed while Redis was unreachable
        self._serial = itertools.count(1)
        self._pop = server.register_script(_POP)
        self._reap = server.register_script(_REAP)
        self._renew = server.register_script(_RENEW)

    def _frontier_keys(self) -> list[str]:
        return [self.keys.queue, self.keys.processing, self.keys.deadlines]

    def pop(self) -> tuple[str, bytes] | None:
        """The best queued request (serialized) under a new lease; None when the queue is empty."""
        lease = f"{self.owner}:{next(self._serial)}"
        data = self._pop(keys=self._frontier_keys(), args=[lease, self.lease_ms])
        if data is None:
            return None
        self.held.add(lease)
        return lease, data

    def ack(self, lease: str) -> None:
        """The request is fully handled (its follow-ups are queued, its item stored): forget it.

        If Redis cannot be reached even after the client's retries, the ack is kept and retried by
        the next renew(); the lease is no longer renewed meanwhile, so at worst it expires and its
        request is fetched once more (the archive upsert makes that harmless).
        """
        self.held.discard(lease)
        try:
            with self.server.pipeline(transaction=True) as pipe:
                pipe.hdel(self.keys.processing, lease).zrem(self.keys.deadlines, lease).execute()
        except (redis.ConnectionError, redis.TimeoutError):
            self.unacked.add(lease)
            raise
        self.unacked.discard(lease)

    def abandon(self, lease: str) -> None:
        """Stop renewing the lease without acknowledging it: its request returns to the queue
        once the lease expires (what was done for it could not be recorded in Redis)."""
        self.held.discard(lease)

    def renew(self) -> int:
        """Extend the deadlines of the leases this worker holds (and retry failed acks)."""
        for lease in sorted(self.unacked):
            self.ack(lease)
        if not self.held:
            return 0
        return int(
            self._renew(keys=[self.keys.deadlines], args=[self.lease_ms, *sorted(self.held)])
        )

    def reap(self, limit: int = 1000) -> int:
        """Requeue the requests of expired leases (any worker may do it); how many went back."""
        return int(self._reap(keys=self._frontier_keys(), args=[limit]))

    def size(self) -> FrontierSize:
        with self.server.pipeline(transaction=False) as pipe:
            queued, in_flight = pipe.zcard(self.keys.queue).hlen(self.keys.processing).execute()
        return FrontierSize(queued=int(queued), in_flight=int(in_flight))
