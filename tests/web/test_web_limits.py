"""Roles, account management edge cases, input and body size limits, cache and cookie headers
(issue 14, items 4 and 5)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from pressmon.review.workflow import MAX_NOTE_LENGTH
from pressmon.web import create_app


def _app_with(settings, archive, accounts, clock, **web):
    changed = settings.model_copy(update={"web": settings.web.model_copy(update=web)})
    return create_app(changed, archive=archive, accounts=accounts, clock=clock)


def test_admin_cannot_disable_himself_by_changing_case(as_admin, accounts) -> None:
    client, token = as_admin
    for name in ("CHI", "Chi", " chi"):
        response = client.post(f"/nguoi-dung/{name}/khoa", data={"csrf_token": token})
        assert response.status_code == 403 and "tự khoá" in response.text
    assert not accounts.get("chi").disabled
    assert client.get("/api/me").status_code == 200


def test_disabling_an_unknown_user_is_404_with_a_message(as_admin) -> None:
    client, token = as_admin
    response = client.post("/nguoi-dung/khong-co-ai/khoa", data={"csrf_token": token})
    assert response.status_code == 404 and "Không tìm thấy người dùng" in response.text


def test_note_cap_is_the_same_on_form_and_api(as_reviewer, archive) -> None:
    client, token = as_reviewer
    too_long = "x" * (MAX_NOTE_LENGTH + 1)
    form = client.post(
        "/bai/doc003/xu-ly", data={"csrf_token": token, "action": "note", "note": too_long}
    )
    api = client.post(
        "/api/items/doc003/decide",
        json={"action": "note", "note": too_long},
        headers={"X-CSRF-Token": token},
    )
    assert form.status_code == api.status_code == 422
    assert not archive.review_history("doc003")
    fits = client.post(
        "/bai/doc003/xu-ly",
        data={"csrf_token": token, "action": "note", "note": "x" * MAX_NOTE_LENGTH},
        follow_redirects=False,
    )
    assert fits.status_code == 303
    assert f'maxlength="{MAX_NOTE_LENGTH}"' in client.get("/bai/doc003").text


@pytest.fixture
def small_body_client(settings, archive, accounts, clock, login):
    client = TestClient(_app_with(settings, archive, accounts, clock, max_body_bytes=4096))
    return client, login(client, "an")


def test_declared_oversized_body_is_413(small_body_client, archive) -> None:
    client, token = small_body_client
    response = client.post(
        "/api/items/doc003/decide",
        content=b'{"action": "note", "note": "' + b"x" * 5000 + b'"}',
        headers={"X-CSRF-Token": token, "Content-Type": "application/json"},
    )
    assert response.status_code == 413 and response.json()["ok"] is False
    assert not archive.review_history("doc003")


def test_streamed_oversized_body_is_413(small_body_client, archive) -> None:
    client, token = small_body_client

    def chunks():  # no Content-Length: sent chunked, counted as it arrives
        yield b'{"action": "note", "note": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'"}'

    response = client.post(
        "/bai/doc003/xu-ly",
        content=chunks(),
        headers={"X-CSRF-Token": token, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413 and "quá lớn" in response.text
    assert not archive.review_history("doc003")


def test_body_within_the_limit_passes(small_body_client, archive) -> None:
    client, token = small_body_client
    response = client.post(
        "/api/items/doc003/decide",
        json={"action": "note", "note": "vừa đủ"},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert [e.note for e in archive.review_history("doc003")] == ["vừa đủ"]


def test_default_body_limit_is_one_megabyte(settings) -> None:
    assert settings.web.max_body_bytes == 1_000_000


@pytest.mark.parametrize(
    "path", ["/hang-doi", "/bai/doc003", "/api/queue", "/bao-phu.csv", "/bao-cao.xlsx"]
)
def test_signed_in_responses_are_not_cached(as_lead, path: str) -> None:
    client, _ = as_lead
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"


def test_login_page_is_not_cached_but_static_files_may_be(client) -> None:
    assert client.get("/dang-nhap").headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/static/style.css").headers.get("cache-control", "")


def test_secure_cookies_setting_behind_a_tls_proxy(settings, archive, accounts, clock) -> None:
    client = TestClient(_app_with(settings, archive, accounts, clock, secure_cookies=True))
    form = client.get("/dang-nhap")
    login_cookie = form.headers["set-cookie"]
    assert "Secure" in login_cookie
    found = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert found is not None, "no CSRF token on the sign-in page"
    token = found.group(1)
    # A browser returns Secure cookies over https (to the proxy); this client, over http, won't.
    client.cookies.clear()
    response = client.post(
        "/dang-nhap",
        data={"username": "an", "password": "matkhau-an-1", "csrf_token": token},
        headers={"Cookie": f"pm_login={token}"},
        follow_redirects=False,
    )
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and "pm_session" in v
    )
    assert "Secure" in cookie
