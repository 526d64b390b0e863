"""Login throttling: per account (exponential back-off, then a lock an admin lifts) and per client
address (a sliding window). The back-off rules are pure; where the counts live is given.

Names that match no account are throttled and locked exactly like real ones, so the answers to
an attacker never tell which names exist (pressmon.web.login_failures keeps them all).
"""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

MAX_NAME = 64  # longer "names" cannot exist (32 at most); keep stored keys small


def account_key(username: str) -> str:
    return username.strip().lower()[:MAX_NAME]


@dataclass(frozen=True)
class FailureRecord:
    """Consecutive failed sign-ins for one name."""

    failures: int = 0
    last_failure: datetime | None = None
    locked: bool = False


@dataclass(frozen=True)
class BackoffPolicy:
    free_failures: int = 3  # typos cost nothing
    lock_after: int = 10  # this many in a row locks the account until an admin lifts it
    first_delay: timedelta = timedelta(seconds=2)  # doubled after every further failure
    forget_after: timedelta = timedelta(hours=24)  # an unlocked count this old starts again

    def current(self, record: FailureRecord, now: datetime) -> FailureRecord:
        """The record as it stands now: an old, unlocked count is forgotten."""
        if (
            not record.locked
            and record.last_failure is not None
            and now - record.last_failure >= self.forget_after
        ):
            return FailureRecord()
        return record

    def wait(self, record: FailureRecord, now: datetime) -> timedelta:
        """How long before the next attempt may be checked (zero: now)."""
        record = self.current(record, now)
        if record.failures < self.free_failures or record.last_failure is None:
            return timedelta(0)
        delay = self.first_delay * 2 ** (record.failures - self.free_failures)
        return max(timedelta(0), record.last_failure + delay - now)

    def after_failure(self, record: FailureRecord, now: datetime) -> FailureRecord:
        failures = self.current(record, now).failures + 1
        return FailureRecord(failures, now, record.locked or failures >= self.lock_after)


class FailureStore(Protocol):
    """Where per-account failure records live (pressmon.web.login_failures.LoginFailureStore)."""

    def get(self, key: str) -> FailureRecord: ...

    def put(self, key: str, record: FailureRecord) -> None: ...

    def clear(self, key: str) -> None: ...

    def locked(self) -> dict[str, datetime]: ...


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: Literal["ok", "wrong", "account_wait", "account_locked", "address_limit"] = "ok"
    retry_after: timedelta = timedelta(0)


class AddressWindow:
    """At most `max_failures` failed sign-ins from one client address per `window` (in memory:
    a restart forgetting them is acceptable, the per-account counts are the ones that persist;
    each worker of `pressmon serve --workers N` counts its own, so an address gets up to N times
    as many before this limit, and the per-account back-off and lock, shared, still apply)."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        *,
        max_failures: int = 20,
        window: timedelta = timedelta(minutes=15),
    ) -> None:
        self._clock = clock
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[str, deque[datetime]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, address: str) -> deque[datetime]:
        failures = self._failures[address]
        cutoff = self._clock() - self.window
        while failures and failures[0] <= cutoff:
            failures.popleft()
        if not failures:
            del self._failures[address]  # keep the table to addresses that failed lately
            return self._failures[address]
        return failures

    def retry_after(self, address: str) -> timedelta:
        with self._lock:
            failures = self._recent(address)
            if len(failures) < self.max_failures:
                return timedelta(0)
            return failures[0] + self.window - self._clock()

    def failed(self, address: str) -> None:
        with self._lock:
            self._recent(address).append(self._clock())


class LoginThrottle:
    """Decides whether a sign-in attempt may be checked, and records its outcome."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        store: FailureStore,
        *,
        policy: BackoffPolicy | None = None,
        addresses: AddressWindow | None = None,
    ) -> None:
        self._clock = clock
        self._store = store
        self.policy = policy or BackoffPolicy()
        self.addresses = addresses or AddressWindow(clock)

    def check(self, username: str, address: str) -> Verdict:
        now = self._clock()
        wait = self.addresses.retry_after(address)
        if wait > timedelta(0):
            return Verdict(False, "address_limit", wait)
        record = self._store.get(account_key(username))
        if record.locked:
            return Verdict(False, "account_locked")
        wait = self.policy.wait(record, now)
        if wait > timedelta(0):
            return Verdict(False, "account_wait", wait)
        return Verdict(True)

    def failed(self, username: str, address: str) -> FailureRecord:
        self.addresses.failed(address)
        key = account_key(username)
        record = self.policy.after_failure(self._store.get(key), self._clock())
        self._store.put(key, record)
        return record

    def succeeded(self, username: str) -> None:
        self._store.clear(account_key(username))

    def unlock(self, username: str) -> None:
        """An admin lifts the lock (and the back-off) of one account."""
        self._store.clear(account_key(username))

    def locked(self) -> dict[str, datetime]:
        """Locked name -> when it was locked (names matching no account included)."""
        return self._store.locked()
