"""The Redis key names every worker, the seeder and the tests agree on."""

from __future__ import annotations

from dataclasses import dataclass

# Request meta keys. LEASE: the lease under which a popped request is being processed;
# PARENT: the lease of the response whose callback produced a request or item;
# CYCLE: the enqueue cycle a discovery request (feed, sitemap, listing) belongs to;
# UNQUEUED: the scheduler could not queue the request (Redis unreachable), its leases abandoned.
LEASE = "pressmon_lease"
PARENT = "pressmon_parent"
CYCLE = "pressmon_cycle"
UNQUEUED = "pressmon_unqueued"


@dataclass(frozen=True)
class RedisKeys:
    prefix: str = "pressmon"

    @property
    def queue(self) -> str:
        """Sorted set of serialized requests (scrapy-redis priority queue)."""
        return f"{self.prefix}:requests"

    @property
    def processing(self) -> str:
        """Hash lease id -> "score|request" of requests being processed by some worker."""
        return f"{self.prefix}:requests:processing"

    @property
    def deadlines(self) -> str:
        """Sorted set lease id -> lease deadline (Redis server time, ms)."""
        return f"{self.prefix}:requests:deadlines"

    @property
    def seeds(self) -> str:
        """Hash fingerprint -> serialized request of the last queued copy of each seed (feed,
        sitemap, listing): `pressmon enqueue` queues no second copy while that one waits."""
        return f"{self.prefix}:requests:seeds"

    @property
    def dupefilter(self) -> str:
        """Set of fingerprints of every article request ever scheduled."""
        return f"{self.prefix}:dupefilter"

    @property
    def stories(self) -> str:
        """List of the (article id, story id, fingerprint, seen at) rows processes shared, in
        the order shared: a log each process reads from where it stopped, appended at the tail
        and dropped at the head once too old to match (`stories_dropped`)."""
        return f"{self.prefix}:stories"

    @property
    def stories_lock(self) -> str:
        """Held (with an expiry) by the one process reading, assigning and appending stories."""
        return f"{self.prefix}:stories:lock"

    @property
    def stories_dropped(self) -> str:
        """How many rows, older than any process still matches, were dropped from the head of
        `stories`: a row's position is this plus its index, so positions survive the drop."""
        return f"{self.prefix}:stories:dropped"

    @property
    def cycle(self) -> str:
        """The id of the latest enqueue cycle (`pressmon enqueue` sets it)."""
        return f"{self.prefix}:cycle"

    def refetches(self, cycle: str, source_id: str) -> str:
        """Counter of a source's stored articles fetched again in one cycle, by every worker."""
        return f"{self.prefix}:refetches:{cycle}:{source_id}"

    def domain_next(self, host: str) -> str:
        return f"{self.prefix}:polite:{host}:next"

    def domain_backoff(self, host: str) -> str:
        """The host's raised delay (ms) after it answered 429/503, for every worker; expires."""
        return f"{self.prefix}:polite:{host}:backoff"

    def domain_pause(self, host: str) -> str:
        """Until when (ms, Redis clock) no worker starts a request to the host: its Retry-After."""
        return f"{self.prefix}:polite:{host}:pause"

    def domain_holders(self, host: str) -> str:
        return f"{self.prefix}:polite:{host}:holders"

    def scheduler_settings(self) -> dict[str, str]:
        return {"SCHEDULER_QUEUE_KEY": self.queue, "SCHEDULER_DUPEFILTER_KEY": self.dupefilter}
