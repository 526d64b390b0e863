"""`pressmon users add` (and /nguoi-dung's add form) for a name already taken says the account
exists, before a password is asked or judged: with a weak password it used to report the
password, and the operator fixed it only to be told the name was taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main
from pressmon.web.accounts import AccountStore
from pressmon.web.errors import AccountError

PASSWORD = "một mật khẩu đủ dài 2026"


def _add(tmp_path: Path, username: str, password: str):
    return CliRunner().invoke(
        main,
        ["--data-dir", str(tmp_path), "users", "add", username, "--password-stdin"],
        input=password + "\n",
    )


@pytest.mark.parametrize("username", ["an", "AN", " an "])
def test_an_existing_name_is_said_before_the_password(tmp_path: Path, username: str) -> None:
    assert _add(tmp_path, "an", PASSWORD).exit_code == 0
    result = _add(tmp_path, username, "yếu")
    assert result.exit_code == 1
    assert "tài khoản 'an' đã có" in result.stderr
    assert "mật khẩu" not in result.stderr


def test_the_store_checks_the_name_first(tmp_path: Path) -> None:
    store = AccountStore(tmp_path / "state.db")
    store.add("an", PASSWORD, "reviewer")
    with pytest.raises(AccountError, match="tài khoản 'an' đã có"):
        store.add("an", "yếu", "reviewer")
    with pytest.raises(AccountError, match="mật khẩu"):
        store.add("binh", "yếu", "reviewer")
