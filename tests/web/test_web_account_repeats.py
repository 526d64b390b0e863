"""/nguoi-dung asked for the state an account already has (a form sent twice): a notice on the
page, as `pressmon users` says it, and nothing added to the account log, which used to record
a second "khoá" or a "reviewer → reviewer" change nobody made."""

from __future__ import annotations

import pytest

from pressmon.web import AccountStore


def _post(client, path: str, token: str, **data: str):
    return client.post(path, data={"csrf_token": token, **data}, follow_redirects=False)


@pytest.mark.parametrize(
    ("setup", "repeat", "said"),
    [
        ("/nguoi-dung/an/khoa", "/nguoi-dung/AN/khoa", "Tài khoản an đã khoá từ trước"),
        (None, "/nguoi-dung/an/mo-lai", "Tài khoản an đang dùng"),
        (None, "/nguoi-dung/an/vai-tro", "an đã là Người xác minh (reviewer)"),
    ],
    ids=["disable", "enable", "set-role"],
)
def test_a_repeat_is_said_and_not_logged(
    as_admin, accounts: AccountStore, setup: str | None, repeat: str, said: str
) -> None:
    client, token = as_admin
    if setup:
        assert _post(client, setup, token).status_code == 303
    logged = accounts.events("an")
    response = _post(client, repeat, token, role="reviewer")
    assert response.status_code == 200
    assert f"{said}; không thay đổi gì" in response.text
    assert accounts.events("an") == logged


def test_a_change_is_still_made_and_logged(as_admin, accounts: AccountStore) -> None:
    client, token = as_admin
    assert _post(client, "/nguoi-dung/an/khoa", token).status_code == 303
    assert _post(client, "/nguoi-dung/an/mo-lai", token).status_code == 303
    assert _post(client, "/nguoi-dung/an/vai-tro", token, role="lead").status_code == 303
    assert [e.action for e in accounts.events("an")][:3] == ["set-role", "enable", "disable"]
