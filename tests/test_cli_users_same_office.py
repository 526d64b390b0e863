"""`pressmon users set-province` to the office an account already has, and `unlock` of an account
not locked, say so and log nothing, as `disable`, `enable` and `set-role` do for a repeat: the
audit log records changes, and these used to log a change that changed nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main
from pressmon.web.login_failures import LoginFailureStore
from pressmon.web.throttle import FailureRecord

PASSWORD = "một mật khẩu đủ dài 2026"


def _users(data: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data), "users", *args], input=PASSWORD)


@pytest.mark.parametrize(
    ("typed", "office"),
    [(["Nghệ An"], "BHXH Nghệ An"), (["--center"], "Trung tâm")],
    ids=["province", "center"],
)
def test_moving_an_account_where_it_is_changes_and_logs_nothing(
    tmp_path: Path, typed: list[str], office: str
) -> None:
    assert _users(tmp_path, "add", "lan", "--password-stdin").exit_code == 0
    if office != "Trung tâm":
        assert _users(tmp_path, "set-province", "lan", *typed).exit_code == 0
    logged = _users(tmp_path, "log", "lan").output.splitlines()
    again = _users(tmp_path, "set-province", "lan", *typed)
    assert again.exit_code == 0, again.output
    assert again.output == f"lan đã thuộc {office}; không thay đổi gì\n"
    assert _users(tmp_path, "log", "lan").output.splitlines() == logged


def test_unlocking_an_account_not_locked_says_so_and_logs_nothing(tmp_path: Path) -> None:
    """It used to say "Đã mở khoá đăng nhập" and log an unlock that lifted nothing."""
    assert _users(tmp_path, "add", "lan", "--password-stdin").exit_code == 0
    logged = _users(tmp_path, "log", "lan").output.splitlines()
    result = _users(tmp_path, "unlock", "lan")
    assert result.exit_code == 0, result.output
    assert result.output == "Tài khoản lan không bị tạm khoá đăng nhập; không thay đổi gì\n"
    assert _users(tmp_path, "log", "lan").output.splitlines() == logged


def test_unlocking_a_locked_account_lifts_the_lock_and_logs_it(tmp_path: Path) -> None:
    assert _users(tmp_path, "add", "lan", "--password-stdin").exit_code == 0
    failures = LoginFailureStore(tmp_path / "pressmon-state.db", clock=lambda: datetime.now(UTC))
    failures.put("lan", FailureRecord(10, datetime.now(UTC), locked=True))
    result = _users(tmp_path, "unlock", "LAN")
    assert result.output == "Đã mở khoá đăng nhập cho lan\n"
    assert failures.locked() == {}
    assert "mở khoá đăng nhập (unlock)" in _users(tmp_path, "log", "lan").output
