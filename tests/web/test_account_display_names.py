"""A display name typed decomposed (NFD: some keyboards and macOS pastes) is stored NFC, as all
Vietnamese text is, whether the account is made with `pressmon users add --name` or on the web
app's accounts page. The audit found `users add --name` storing the NFD bytes as typed."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from pressmon.cli import main
from pressmon.web import AccountStore

NAME = "Nguyễn Thị Hoà Bình"
NFD_NAME = unicodedata.normalize("NFD", NAME)
PASSWORD = "một mật khẩu đủ dài 2026"


def test_the_names_differ_only_in_normal_form() -> None:
    assert NFD_NAME != NAME and unicodedata.normalize("NFC", NFD_NAME) == NAME


def test_users_add_stores_the_name_nfc(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(tmp_path), "users", "add", "mai", "--name", f" {NFD_NAME} "]
        + ["--password-stdin"],
        input=PASSWORD,
    )
    assert result.exit_code == 0, result.output
    (account,) = AccountStore(tmp_path / "pressmon-state.db").list()
    assert account.display_name == NAME


def test_the_accounts_page_stores_the_name_nfc(
    as_admin: tuple[TestClient, str], accounts: AccountStore
) -> None:
    client, token = as_admin
    response = client.post(
        "/nguoi-dung",
        data={
            "csrf_token": token,
            "username": "mai",
            "password": PASSWORD,
            "role": "reviewer",
            "display_name": NFD_NAME,
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    account = accounts.get("mai")
    assert account is not None and account.display_name == NAME
    assert NAME in client.get("/nguoi-dung").text
