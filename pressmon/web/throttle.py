"""Login throttling: per account (exponential back-off, then a lock an admin lifts) and per client
address (a sliding window). The rules are decided here; where the counts live is given (the state
database, so all the workers of `pressmon serve --workers N` share them).

Names that match no account are throttled and locked exactly like real ones, so the answers to
an attacker never tell which names exist (pressmon.web.login_failures keeps them all).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

MAX_NAME = 64  # longer "names" cannot exist (32 at most); keep stored keys small
MAX_ADDRESS = 64  # an IPv6 address with its zone fits; a proxy's header may hold anything


def account_key(username: str) -> str:
    return username.strip().lower()[:MAX_NAME]


def address_key(address: str) -> str:
    return address.strip().lower()[:MAX_ADDRESS]


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
    attempt: int | None = None  # the address window's hold on an allowed attempt


class AddressFailureStore(Protocol):
    """Where sign-in attempts per client address live
    (pressmon.web.login_address_failures.LoginAddressFailureStore)."""

    def admit(self, address: str, at: datetime, since: datetime, limit: int) -> int | None: ...

    def withdraw(self, attempt: int) -> None: ...

    def recent(self, address: str, since: datetime) -> list[datetime]: ...


class AddressWindow:
    """At most `max_failures` failed sign-ins from one client address per `window` (a sliding
    window). The attempts are kept in the state database, so the limit holds across restarts
    and is shared by all the workers of `pressmon serve --workers N`.

    An attempt is counted when it is admitted, in the same transaction as the count, and
    withdrawn if it succeeds: workers checking at the same instant cannot let more than
    `max_failures` through between them."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        store: AddressFailureStore,
        *,
        max_failures: int = 20,
        window: timedelta = timedelta(minutes=15),
    ) -> None:
        self._clock = clock
        self._store = store
        self.max_failures = max_failures
        self.window = window

    def admit(self, address: str) -> int | None:
        """The held attempt, or None when the address has reached its limit."""
        now = self._clock()
        return self._store.admit(address_key(address), now, now - self.window, self.max_failures)

    def withdraw(self, attempt: int) -> None:
        self._store.withdraw(attempt)

    def retry_after(self, address: str) -> timedelta:
        now = self._clock()
        attempts = self._store.recent(address_key(address), now - self.window)
        if len(attempts) < self.max_failures:
            return timedelta(0)
        # Wait until enough have aged out that fewer than `max_failures` remain.
        return attempts[-self.max_failures] + self.window - now


class LoginThrottle:
    """Decides whether a sign-in attempt may be checked, and records its outcome: every allowed
    verdict is followed by `failed` or `succeeded`."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        store: FailureStore,
        addresses: AddressWindow,
        *,
        policy: BackoffPolicy | None = None,
    ) -> None:
        self._clock = clock
        self._store = store
        self.addresses = addresses
        self.policy = policy or BackoffPolicy()

    def check(self, username: str, address: str) -> Verdict:
        now = self._clock()
        # Refusals read only, so a flood of refused guesses never takes the write lock.
        wait = self.addresses.retry_after(address)
        if wait > timedelta(0):
            return Verdict(False, "address_limit", wait)
        record = self._store.get(account_key(username))
        if record.locked:
            return Verdict(False, "account_locked")
        wait = self.policy.wait(record, now)
        if wait > timedelta(0):
            return Verdict(False, "account_wait", wait)
        attempt = self.addresses.admit(address)
        if attempt is None:  # another worker's attempts reached the limit meanwhile
            return Verdict(False, "address_limit", self.addresses.retry_after(address))
        return Verdict(True, attempt=attempt)

    def failed(self, username: str) -> FailureRecord:
        """The allowed attempt failed: it stays counted against its address."""
        key = account_key(username)
        record = self.policy.after_failure(self._store.get(key), self._clock())
        self._store.put(key, record)
        return record

    def succeeded(self, username: str, verdict: Verdict) -> None:
        if verdict.attempt is not None:
            self.addresses.withdraw(verdict.attempt)
        self._store.clear(account_key(username))

    def unlock(self, username: str) -> None:
        """An admin lifts the lock (and the back-off) of one account."""
        self._store.clear(account_key(username))

    def locked(self) -> dict[str, datetime]:
        """Locked name -> when it was locked (names matching no account included)."""
        return self._store.locked()
