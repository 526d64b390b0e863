"""Wrong current passwords on /doi-mat-khau count against the account's sign-in limit: someone
holding a stolen session cookie cannot guess the password there without limit."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient

from pressmon.web import AccountStore
from tests.web.conftest import PASSWORDS, sign_in

NEW_PASSWORD = "mật khẩu mới của An 2026"


def _change(client: TestClient, token: str, current: str, new: str = NEW_PASSWORD):
    return client.post(
        "/doi-mat-khau",
        data={"csrf_token": token, "current": current, "new": new, "confirm": new},
        follow_redirects=False,
    )


def _sign_in_attempt(client: TestClient, username: str, password: str):
    form = client.get("/dang-nhap").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert found is not None
    return client.post(
        "/dang-nhap",
        data={"username": username, "password": password, "csrf_token": found.group(1)},
        follow_redirects=False,
    )


def _clients(app) -> tuple[TestClient, TestClient]:
    return TestClient(app, base_url="http://testserver"), TestClient(
        app, base_url="http://testserver"
    )


def test_wrong_current_passwords_back_off_like_sign_ins(app, clock, accounts: AccountStore) -> None:
    thief, owner = _clients(app)
    token = sign_in(thief, "an")
    for _ in range(3):  # typos cost nothing, as at sign-in
        wrong = _change(thief, token, "doan-mat-khau")
        assert wrong.status_code == 400 and "Mật khẩu hiện tại không đúng." in wrong.text
    refused = _change(thief, token, PASSWORDS["an"])  # even the right one waits
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "2"
    assert "Nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 2 giây." in refused.text
    assert accounts.verify("an", PASSWORDS["an"]) is not None  # nothing changed
    # One count: the account's sign-in waits as well.
    assert _sign_in_attempt(owner, "an", PASSWORDS["an"]).status_code == 429

    clock.advance(timedelta(seconds=2))
    assert _change(thief, token, "doan-mat-khau").status_code == 400
    assert "thử lại sau 4 giây" in _change(thief, token, PASSWORDS["an"]).text  # doubled
    clock.advance(timedelta(seconds=4))
    assert _change(thief, token, PASSWORDS["an"]).status_code == 303  # as today
    assert accounts.verify("an", NEW_PASSWORD) is not None
    # The right current password cleared the count: a typo at sign-in is free again.
    assert _sign_in_attempt(owner, "an", "go-nham").status_code == 401
    assert _sign_in_attempt(owner, "an", NEW_PASSWORD).status_code == 303


def test_failed_sign_ins_count_on_the_password_page(app) -> None:
    here, elsewhere = _clients(app)
    token = sign_in(here, "an")
    for _ in range(3):
        assert _sign_in_attempt(elsewhere, "an", "doan-mat-khau").status_code == 401
    refused = _change(here, token, PASSWORDS["an"])
    assert refused.status_code == 429 and "thử lại sau 2 giây" in refused.text


def test_ten_wrong_current_passwords_lock_the_account(app, clock, login) -> None:
    thief, owner = _clients(app)
    token = sign_in(thief, "an")
    for _ in range(10):
        assert _change(thief, token, "doan-mat-khau").status_code == 400
        clock.advance(timedelta(minutes=20))  # past every back-off delay
    locked = _change(thief, token, PASSWORDS["an"])
    assert locked.status_code == 429 and "Retry-After" not in locked.headers
    assert (
        "Tài khoản đã bị tạm khoá do nhập sai mật khẩu nhiều lần. "
        "Vui lòng liên hệ quản trị viên để mở khoá." in locked.text
    )
    refused = _sign_in_attempt(owner, "an", PASSWORDS["an"])
    assert refused.status_code == 429 and "liên hệ quản trị viên để mở khoá" in refused.text

    # The admin lifts it on /nguoi-dung, as a lock from sign-ins.
    admin = login(owner, "chi")
    users = owner.get("/nguoi-dung").text
    assert "/nguoi-dung/an/mo-khoa-dang-nhap" in users
    lifted = owner.post(
        "/nguoi-dung/an/mo-khoa-dang-nhap", data={"csrf_token": admin}, follow_redirects=False
    )
    assert lifted.status_code == 303
    assert _change(thief, token, PASSWORDS["an"]).status_code == 303


def test_one_address_is_limited_on_the_password_page_too(app) -> None:
    here, elsewhere = _clients(app)
    token = sign_in(here, "an")
    for n in range(20):  # the same client address (the test client's), any names
        assert _sign_in_attempt(elsewhere, f"ten-{n}", "sai-mat-khau").status_code == 401
    refused = _change(here, token, PASSWORDS["an"])
    assert refused.status_code == 429
    assert "Quá nhiều lần nhập sai mật khẩu từ địa chỉ này" in refused.text
    assert refused.headers["Retry-After"] == str(15 * 60)
