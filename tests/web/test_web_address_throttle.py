"""The per-address sign-in window lives in the state database: workers of `pressmon serve
--workers N` (here, throttles over one file) share it, attempts at the same instant cannot pass
the limit between them, it slides, and old rows are deleted."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest

from pressmon.web.login_address_failures import LoginAddressFailureStore
from pressmon.web.login_failures import LoginFailureStore
from pressmon.web.throttle import MAX_ADDRESS, AddressWindow, LoginThrottle
from tests.web.conftest import NOW, Clock

WINDOW = timedelta(minutes=15)
ADDRESS = "198.51.100.7"


def worker_throttle(state: Path, clock: Clock) -> LoginThrottle:
    """The throttle one worker builds (as pressmon.web.app.create_app does)."""
    return LoginThrottle(
        clock,
        LoginFailureStore(state, clock=clock),
        AddressWindow(clock, LoginAddressFailureStore(state)),
    )


def stored(state: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(state) as db:
        rows = db.execute(
            "SELECT address, failed_at FROM login_address_failures ORDER BY failed_at"
        ).fetchall()
    db.close()
    return rows


@pytest.mark.parametrize(
    "split",
    [(20, 0), (10, 10), (1, 19)],  # failures seen by the first worker, by the second
)
def test_workers_over_one_state_database_share_the_address_count(tmp_path, split) -> None:
    state = tmp_path / "state.sqlite3"
    clock = Clock()
    workers = [worker_throttle(state, clock), worker_throttle(state, clock)]
    order = [workers[0]] * split[0] + [workers[1]] * split[1]
    for n, worker in enumerate(order):
        for each in workers:
            assert each.addresses.retry_after(ADDRESS) == timedelta(0)  # 19 so far: not the limit
        assert worker.check(f"ten-{n}", ADDRESS).allowed
        worker.failed(f"ten-{n}")  # a new name each time: no account back-off
        clock.advance(timedelta(seconds=10))
    for worker in workers:
        verdict = worker.check("binh", ADDRESS)
        assert verdict.reason == "address_limit"
        assert verdict.retry_after == NOW + WINDOW - clock.now  # the first failure ages out
        assert worker.check("binh", "198.51.100.8").allowed  # another address is not counted


@pytest.mark.parametrize(
    ("after_the_last", "retry_after"),
    [
        (timedelta(0), timedelta(minutes=5, seconds=30)),
        (timedelta(minutes=5, seconds=29), timedelta(seconds=1)),
        (timedelta(minutes=5, seconds=30), timedelta(0)),  # the first failure is 15 min old
    ],
)
def test_the_window_slides(tmp_path, after_the_last, retry_after) -> None:
    clock = Clock()
    window = AddressWindow(clock, LoginAddressFailureStore(tmp_path / "state.sqlite3"))
    for _ in range(20):
        assert window.admit(ADDRESS) is not None  # and never withdrawn: a failure
        clock.advance(timedelta(seconds=30))
    clock.advance(after_the_last - timedelta(seconds=30))  # the last was at NOW + 9 min 30 s
    assert window.retry_after(ADDRESS) == retry_after


def test_failures_older_than_the_window_are_deleted(tmp_path) -> None:
    state = tmp_path / "state.sqlite3"
    clock = Clock()
    window = AddressWindow(clock, LoginAddressFailureStore(state))
    window.admit(ADDRESS)
    clock.advance(timedelta(minutes=1))
    window.admit("198.51.100.8")
    clock.advance(WINDOW - timedelta(minutes=1))  # the first is 15 min old, the second 14
    window.admit("2001:db8::1")
    assert [address for address, _ in stored(state)] == ["198.51.100.8", "2001:db8::1"]
    clock.advance(WINDOW)
    window.admit(ADDRESS)
    assert stored(state) == [(ADDRESS, clock.now.isoformat())]  # every address's old rows go


@pytest.mark.parametrize("workers", [2, 8])
def test_attempts_at_the_same_instant_cannot_pass_the_limit_between_them(tmp_path, workers) -> None:
    """Each worker's attempts on its own connection, all released at once: exactly the limit is
    admitted, however the checks interleave."""
    state = tmp_path / "state.sqlite3"
    clock = Clock()
    windows = [AddressWindow(clock, LoginAddressFailureStore(state)) for _ in range(workers)]
    start = threading.Barrier(workers)

    def attempts(window: AddressWindow) -> int:
        start.wait()
        return sum(window.admit(ADDRESS) is not None for _ in range(40 // workers + 5))

    with ThreadPoolExecutor(workers) as pool:
        admitted = sum(pool.map(attempts, windows))
    assert admitted == 20
    assert len(stored(state)) == 20


def test_an_attempt_that_succeeds_or_is_refused_by_its_account_does_not_count(tmp_path) -> None:
    state = tmp_path / "state.sqlite3"
    clock = Clock()
    throttle = worker_throttle(state, clock)
    verdict = throttle.check("an", ADDRESS)
    assert verdict.allowed and len(stored(state)) == 1  # held while the password is checked
    throttle.succeeded("an", verdict)
    assert stored(state) == []
    while (verdict := throttle.check("binh", ADDRESS)).allowed:
        throttle.failed("binh")
    assert verdict.reason == "account_wait"  # the account's back-off: nothing was tried
    failures = throttle.policy.free_failures
    assert len(stored(state)) == failures
    for _ in range(5):
        assert throttle.check("binh", ADDRESS).reason == "account_wait"
    assert len(stored(state)) == failures


def test_address_keys_are_bounded_and_folded(tmp_path) -> None:
    state = tmp_path / "state.sqlite3"
    window = AddressWindow(Clock(), LoginAddressFailureStore(state), max_failures=2)
    window.admit(" 2001:DB8::1 ")
    window.admit("2001:db8::1")
    assert window.admit("2001:db8::1") is None
    assert window.retry_after("2001:db8::1") > timedelta(0)
    window.admit("x" * 10_000)  # from a trusted proxy's header, say
    assert max(len(address) for address, _ in stored(state)) == MAX_ADDRESS


def test_a_refused_address_is_refused_without_writing(tmp_path) -> None:
    """A flood from an address at its limit only reads: it still gets its answer while another
    process holds the state database's write lock."""
    state = tmp_path / "state.sqlite3"
    clock = Clock()
    throttle = worker_throttle(state, clock)
    for n in range(20):
        assert throttle.check(f"ten-{n}", ADDRESS).allowed
        throttle.failed(f"ten-{n}")
    writer = sqlite3.connect(state, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        for _ in range(3):
            assert throttle.check("binh", ADDRESS).reason == "address_limit"
    finally:
        writer.rollback()
        writer.close()
    assert len(stored(state)) == 20
