"""Sign-in throttling (per account, per real client address), uniform cost of refusals, and
argon2 running on the small login pool (issue 14, item 1)."""

from __future__ import annotations

import re
import threading
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from pressmon.web import AccountStore, create_app
from pressmon.web.app import LOGIN_THREAD_PREFIX, LOGIN_WORKERS
from pressmon.web.client_address import client_address, trusted_networks

# The accounts conftest.py seeds (an: reviewer, binh: lead, chi: admin).
PASSWORDS = {"an": "matkhau-an-1", "binh": "matkhau-binh-2", "chi": "matkhau-chi-3"}


def attempt(client: TestClient, username: str, password: str, **headers: str):
    form = client.get("/dang-nhap")
    found = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert found is not None, "no CSRF token on the sign-in page"
    token = found.group(1)
    return client.post(
        "/dang-nhap",
        data={"username": username, "password": password, "csrf_token": token},
        headers=headers,
        follow_redirects=False,
    )


def test_three_typos_are_free_then_the_account_backs_off(client, clock) -> None:
    for _ in range(3):
        assert attempt(client, "an", "sai-mat-khau").status_code == 401
    wait = attempt(client, "an", PASSWORDS["an"])  # even the right password waits
    assert wait.status_code == 429 and "thử lại sau 2 giây" in wait.text
    assert wait.headers["Retry-After"] == "2"
    clock.advance(timedelta(seconds=2))
    assert attempt(client, "an", "sai-mat-khau").status_code == 401  # checked again
    assert "thử lại sau 4 giây" in attempt(client, "an", PASSWORDS["an"]).text  # doubled
    clock.advance(timedelta(seconds=4))
    assert attempt(client, "an", PASSWORDS["an"]).status_code == 303
    assert attempt(client, "binh", PASSWORDS["binh"]).status_code == 303  # per account


def test_rotating_x_forwarded_for_does_not_reset_the_count(client) -> None:
    for n in range(3):
        response = attempt(client, "an", "sai-mat-khau", **{"X-Forwarded-For": f"198.51.100.{n}"})
        assert response.status_code == 401
    rotated = attempt(client, "an", "sai-mat-khau", **{"X-Forwarded-For": "198.51.100.99"})
    assert rotated.status_code == 429


def test_ten_failures_lock_the_account_until_an_admin_lifts_it(client, clock, login) -> None:
    for _ in range(10):
        assert attempt(client, "an", "sai-mat-khau").status_code == 401
        clock.advance(timedelta(minutes=20))  # past every back-off delay
    clock.advance(timedelta(days=3))
    locked = attempt(client, "an", PASSWORDS["an"])
    assert locked.status_code == 429 and "liên hệ quản trị viên để mở khoá" in locked.text
    token = login(client, "chi")
    users = client.get("/nguoi-dung").text
    assert "Tạm khoá đăng nhập" in users and "/nguoi-dung/an/mo-khoa-dang-nhap" in users
    unlock = client.post(
        "/nguoi-dung/AN/mo-khoa-dang-nhap", data={"csrf_token": token}, follow_redirects=False
    )
    assert unlock.status_code == 303
    assert "Tạm khoá đăng nhập" not in client.get("/nguoi-dung").text
    assert attempt(client, "an", PASSWORDS["an"]).status_code == 303


def test_unknown_names_are_throttled_like_real_ones(client, clock) -> None:
    """Otherwise the lock message would tell an attacker which names exist."""
    for _ in range(10):
        assert attempt(client, "khong-co-ai", "sai-mat-khau").status_code == 401
        clock.advance(timedelta(minutes=20))
    assert "liên hệ quản trị viên" in attempt(client, "khong-co-ai", "x").text


def test_one_address_is_limited_across_names(client) -> None:
    for n in range(20):
        spoofed = {"X-Forwarded-For": f"203.0.113.{n}"}  # not believed: no trusted proxy
        assert attempt(client, f"ten-{n}", "sai-mat-khau", **spoofed).status_code == 401
    refused = attempt(client, "binh", PASSWORDS["binh"], **{"X-Forwarded-For": "192.0.2.7"})
    assert refused.status_code == 429 and "từ địa chỉ này" in refused.text


def test_two_workers_share_the_address_limit(settings, archive, accounts, clock) -> None:
    """Two apps over one state database, as `pressmon serve --workers 2` runs them."""
    workers = [
        TestClient(create_app(settings, archive=archive, accounts=accounts, clock=clock))
        for _ in range(2)
    ]
    for n in range(20):
        assert attempt(workers[n % 2], f"ten-{n}", "sai-mat-khau").status_code == 401
    for worker in workers:
        refused = attempt(worker, "binh", PASSWORDS["binh"])
        assert refused.status_code == 429 and "từ địa chỉ này" in refused.text
        assert refused.headers["Retry-After"] == str(15 * 60)


def test_forwarded_for_is_believed_from_a_trusted_proxy_only(settings, archive, accounts, clock):
    trusted = settings.model_copy(
        update={"web": settings.web.model_copy(update={"trusted_proxies": ("10.0.0.0/8",)})}
    )
    app = create_app(trusted, archive=archive, accounts=accounts, clock=clock)
    proxy = TestClient(app, client=("10.0.0.1", 40000))
    for n in range(20):
        response = attempt(proxy, f"ten-{n}", "sai", **{"X-Forwarded-For": "203.0.113.5"})
        assert response.status_code == 401
    blocked = attempt(proxy, "binh", PASSWORDS["binh"], **{"X-Forwarded-For": "203.0.113.5"})
    assert blocked.status_code == 429
    other = attempt(proxy, "binh", PASSWORDS["binh"], **{"X-Forwarded-For": "203.0.113.6"})
    assert other.status_code == 303  # another client behind the same proxy


def test_client_address_rules() -> None:
    proxies = trusted_networks(["10.0.0.1", "10.1.0.0/16"])
    assert client_address("192.0.2.1", "1.2.3.4", proxies) == "192.0.2.1"  # not a proxy
    assert client_address("10.0.0.1", "1.2.3.4", proxies) == "1.2.3.4"
    # the client may prepend anything; the right-most hop not a proxy is the one seen
    assert client_address("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.1.2.3", proxies) == "1.2.3.4"
    assert client_address("127.0.0.1", "1.2.3.4", trusted_networks([])) == "127.0.0.1"


class SpyHasher(PasswordHasher):
    """Real argon2id (cheap parameters) that records every verification and its thread."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verified: list[tuple[str, str]] = []

    def verify(self, hash, password):
        self.verified.append((hash, threading.current_thread().name))
        return super().verify(hash, password)


@pytest.fixture
def spy(tmp_path, clock) -> tuple[SpyHasher, AccountStore]:
    hasher = SpyHasher()
    store = AccountStore(tmp_path / "spy-state.sqlite3", clock=clock, hasher=hasher)
    store.add("an", PASSWORDS["an"], "reviewer")
    store.add("cu", "mat-khau-nguoi-cu", "reviewer")
    store.disable("cu")
    return hasher, store


@pytest.mark.parametrize(
    ("username", "real_hash"),
    [("an", True), ("khong-co-ai", False), ("cu", False)],  # wrong, unknown, disabled
)
def test_every_refusal_costs_one_argon2_verification(spy, username, real_hash) -> None:
    hasher, store = spy
    assert store.verify(username, "sai-mat-khau-roi") is None
    [(checked, _)] = hasher.verified
    assert checked.startswith("$argon2id$")
    assert (checked == _stored_hash(store, "an")) is real_hash


def _stored_hash(store: AccountStore, username: str) -> str:
    import sqlite3

    return (
        sqlite3.connect(store.path)
        .execute("SELECT password_hash FROM users WHERE username = ?", (username,))
        .fetchone()[0]
    )


def test_argon2_runs_on_the_bounded_login_pool(settings, archive, spy, clock) -> None:
    hasher, store = spy
    app = create_app(settings, archive=archive, accounts=store, clock=clock)
    client = TestClient(app)
    assert attempt(client, "khong-co-ai", "sai-mat-khau").status_code == 401
    assert attempt(client, "an", PASSWORDS["an"]).status_code == 303
    assert [name.startswith(LOGIN_THREAD_PREFIX) for _, name in hasher.verified] == [True, True]
    assert app.state.ctx.login_pool._max_workers == LOGIN_WORKERS


def test_cli_lists_and_lifts_a_sign_in_lock(tmp_path, clock) -> None:
    from click.testing import CliRunner

    from pressmon.cli import main
    from pressmon.web.login_address_failures import LoginAddressFailureStore
    from pressmon.web.login_failures import LoginFailureStore
    from pressmon.web.throttle import AddressWindow, LoginThrottle

    state = tmp_path / "cli-state.sqlite3"
    AccountStore(state, clock=clock, hasher=SpyHasher()).add("an", PASSWORDS["an"], "reviewer")
    throttle = LoginThrottle(
        clock,
        LoginFailureStore(state, clock=clock),
        AddressWindow(clock, LoginAddressFailureStore(state)),
    )
    for _ in range(10):
        throttle.failed("an")
    assert throttle.check("an", "192.0.2.2").reason == "account_locked"
    runner = CliRunner(env={"PRESSMON_ARCHIVE__STATE_PATH": str(state)})
    archive = ["--archive", str(tmp_path / "a.sqlite3")]
    assert "(tạm khoá đăng nhập)" in runner.invoke(main, [*archive, "users", "list"]).output
    result = runner.invoke(main, [*archive, "users", "unlock", "AN"])
    assert result.exit_code == 0 and "Đã mở khoá đăng nhập cho an" in result.output
    assert throttle.check("an", "192.0.2.2").allowed
    assert runner.invoke(main, [*archive, "users", "unlock", "khong-co"]).exit_code == 1
