"""AccountStore: the functions the CLI wires (`pressmon users add|list|disable`) and sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pressmon.web import AccountStore, ensure_demo_account
from pressmon.web.errors import AccountError


@pytest.fixture
def store(tmp_path, clock):
    from argon2 import PasswordHasher

    return AccountStore(
        tmp_path / "state.sqlite3",
        clock=clock,
        hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),
    )


def test_add_list_verify_disable(store) -> None:
    store.add("Lan", "mat-khau-cua-lan", "reviewer", "Đỗ Thị Lan")
    [account] = store.list()
    assert (account.username, account.display_name, account.role, account.disabled) == (
        "lan",
        "Đỗ Thị Lan",
        "reviewer",
        False,
    )
    assert store.verify("lan", "mat-khau-cua-lan") == account
    assert store.verify("LAN ", "mat-khau-cua-lan") == account
    assert store.verify("lan", "sai") is None and store.verify("khong-co", "x") is None
    store.disable("lan")
    assert store.verify("lan", "mat-khau-cua-lan") is None and store.list()[0].disabled


def test_password_is_stored_as_argon2id(store) -> None:
    import sqlite3

    store.add("lan", "mat-khau-cua-lan", "lead")
    stored = sqlite3.connect(store.path).execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and "mat-khau-cua-lan" not in stored


@pytest.mark.parametrize(
    ("username", "password", "role", "message"),
    [
        ("lan", "ngan", "reviewer", "quá ngắn"),
        ("lan", "12345678", "reviewer", "quá ngắn"),
        ("lan", "        ", "reviewer", "quá ngắn"),
        ("lan", "            ", "reviewer", "toàn dấu cách"),
        ("lan", "aaaaaaaaaaaaaa", "reviewer", "chỉ lặp lại một ký tự"),
        ("nguyen.van.lan", "Nguyen.Van.Lan", "reviewer", "không được trùng tên đăng nhập"),
        ("lan", "qwertyuiop123", "reviewer", "hay dùng"),
        ("lan", "Password1234", "reviewer", "hay dùng"),
        ("lan", "123456789012", "reviewer", "quá dễ đoán"),
        ("binh", "binhbinhbinh", "reviewer", "quá dễ đoán"),
        ("lan", "mat-khau-du-dai", "boss", "không có vai trò"),
        ("a b", "mat-khau-du-dai", "reviewer", "tên đăng nhập không hợp lệ"),
        ("", "mat-khau-du-dai", "reviewer", "tên đăng nhập không hợp lệ"),
        (" System ", "mat-khau-du-dai", "reviewer", "dành cho hệ thống"),
    ],
)
def test_add_rejects_bad_input(store, username, password, role, message) -> None:
    with pytest.raises(AccountError, match=message):
        store.add(username, password, role)


def test_set_password_follows_the_same_policy(store) -> None:
    store.add("lan", "mat-khau-cua-lan", "reviewer")
    with pytest.raises(AccountError, match="hay dùng"):
        store.set_password("lan", "qwerty123456")
    store.set_password("lan", "ba tu khong lien quan")  # a passphrase with spaces is fine
    assert store.verify("lan", "ba tu khong lien quan") is not None


def test_duplicate_and_unknown_users(store) -> None:
    store.add("lan", "mat-khau-cua-lan", "reviewer")
    with pytest.raises(AccountError, match="đã có"):
        store.add("lan", "mat-khau-khac-nua", "lead")
    with pytest.raises(AccountError, match="không có tài khoản"):
        store.disable("khong-co")


def test_sessions_expire_and_depend_on_the_secret(store, clock) -> None:
    account = store.add("lan", "mat-khau-cua-lan", "reviewer")
    token, session = store.open_session(account, "bi-mat")
    assert store.session(token, "bi-mat").csrf_token == session.csrf_token
    assert store.session(token, "bi-mat-khac") is None  # a new secret ends every session
    clock.advance(timedelta(hours=13))
    assert store.session(token, "bi-mat") is None


def test_demo_account_gets_a_fresh_password_each_run(store) -> None:
    username, first = ensure_demo_account(store)
    assert store.verify(username, first).role == "lead"
    store.disable(username)
    _, second = ensure_demo_account(store)
    assert second != first
    assert store.verify(username, first) is None and store.verify(username, second) is not None
