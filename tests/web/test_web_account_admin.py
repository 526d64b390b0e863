"""Admins re-enable accounts, change roles and reset passwords on /nguoi-dung, audited; a reset
password is one-time: the next sign-in leads to /doi-mat-khau and nothing else opens first."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from pressmon.web import AccountStore
from tests.web.conftest import PASSWORDS

NEW_PASSWORD = "mật khẩu mới của An 2026"


def _post(client, path: str, token: str, **data: str):
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


def test_admin_disables_then_enables_and_it_is_audited(as_admin, accounts: AccountStore) -> None:
    client, token = as_admin
    assert _post(client, "/nguoi-dung/an/khoa", token).status_code == 303
    assert accounts.get("an").disabled  # type: ignore[union-attr]
    assert _post(client, "/nguoi-dung/AN/mo-lai", token).status_code == 303
    assert not accounts.get("an").disabled  # type: ignore[union-attr]
    assert [(e.actor, e.action) for e in accounts.events("an")] == [
        ("chi", "enable"),
        ("chi", "disable"),
    ]
    assert "Nhật ký thay đổi tài khoản" in client.get("/nguoi-dung").text


def test_admin_changes_a_role(as_admin, accounts: AccountStore) -> None:
    client, token = as_admin
    assert _post(client, "/nguoi-dung/an/vai-tro", token, role="lead").status_code == 303
    assert accounts.get("an").role == "lead"  # type: ignore[union-attr]
    assert accounts.events("an")[0].detail == "reviewer -> lead"
    assert _post(client, "/nguoi-dung/an/vai-tro", token, role="boss").status_code == 400


@pytest.mark.parametrize("name", ["chi", "CHI", " Chi"])
def test_an_admin_cannot_demote_himself(as_admin, accounts: AccountStore, name: str) -> None:
    client, token = as_admin
    response = _post(client, f"/nguoi-dung/{name}/vai-tro", token, role="reviewer")
    assert response.status_code == 403
    assert accounts.get("chi").role == "admin"  # type: ignore[union-attr]


@pytest.mark.parametrize("path", ["/nguoi-dung/an/mo-lai", "/nguoi-dung/an/dat-lai-mat-khau"])
def test_only_admins_manage_accounts(as_lead, path: str) -> None:
    client, token = as_lead
    assert _post(client, path, token, role="admin").status_code == 403


def test_reset_password_is_one_time_and_must_be_changed(
    client, login, accounts: AccountStore
) -> None:
    token = login(client, "chi")
    page = _post(client, "/nguoi-dung/an/dat-lai-mat-khau", token)
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    found = re.search(r"Mật khẩu dùng một lần của an: (\S+)", page.text)
    assert found is not None
    one_time = found.group(1)
    client.cookies.clear()

    form = client.get("/dang-nhap").text
    login_token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    response = client.post(
        "/dang-nhap",
        data={"username": "an", "password": one_time, "csrf_token": login_token, "next": "/"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/doi-mat-khau"
    # Nothing else opens before the password is changed.
    assert client.get("/hang-doi", follow_redirects=False).headers["location"] == "/doi-mat-khau"
    assert client.get("/api/queue").status_code == 403
    session_token = client.get("/api/me").json()["csrf_token"]
    same = _post(
        client,
        "/doi-mat-khau",
        session_token,
        current=one_time,
        new=one_time,
        confirm=one_time,
    )
    assert same.status_code == 400
    changed = _post(
        client,
        "/doi-mat-khau",
        session_token,
        current=one_time,
        new=NEW_PASSWORD,
        confirm=NEW_PASSWORD,
    )
    assert changed.status_code == 303
    assert client.get("/hang-doi").status_code == 200
    assert accounts.verify("an", NEW_PASSWORD) is not None
    assert [e.action for e in accounts.events("an")] == ["change-password", "reset-password"]


def test_changing_ones_password_signs_out_the_other_sessions(app, login) -> None:
    """Someone who knew the old password (a browser left signed in elsewhere) is signed out; the
    browser the change was made from stays in."""
    here, elsewhere = (TestClient(app, base_url="http://testserver") for _ in range(2))
    token = login(here, "an")
    login(elsewhere, "an")
    changed = _post(
        here,
        "/doi-mat-khau",
        token,
        current=PASSWORDS["an"],
        new=NEW_PASSWORD,
        confirm=NEW_PASSWORD,
    )
    assert changed.status_code == 303
    assert here.get("/hang-doi").status_code == 200
    assert elsewhere.get("/api/me").status_code == 401
    assert (
        elsewhere.get("/hang-doi", follow_redirects=False)
        .headers["location"]
        .startswith("/dang-nhap")
    )


def test_every_column_of_the_accounts_table_has_a_heading(as_admin) -> None:
    client, _ = as_admin
    table = client.get("/nguoi-dung").text.split('<table class="grid">', 1)[1]
    headings = re.findall(r"<th>([^<]*)</th>", table.split("</thead>", 1)[0])
    assert headings[-1] == "Thao tác" and all(headings)  # read aloud with each row's buttons
