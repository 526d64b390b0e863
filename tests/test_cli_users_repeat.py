"""`pressmon users disable|enable|set-role` asked for the state the account already has: said
so, exit 0, and nothing added to the audit log. Each said "Đã khoá…" ("Đã đổi vai trò …:
Người xác minh (reviewer) → Người xác minh (reviewer)") again and logged a change nobody made."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main
from pressmon.web.accounts import AccountStore

PASSWORD = "một mật khẩu đủ dài 2026"


def _run(tmp_path: Path, *args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["--data-dir", str(tmp_path), "users", *args], input=stdin)


def _actions(tmp_path: Path) -> list[str]:
    return [e.action for e in AccountStore(tmp_path / "pressmon-state.db").events(None, 100)]


@pytest.mark.parametrize(
    ("setup", "repeat", "said"),
    [
        (
            ("disable", "lan"),
            ("disable", "LAN"),
            "Tài khoản lan đã khoá từ trước; không thay đổi gì",
        ),
        ((), ("enable", "lan"), "Tài khoản lan đang dùng; không thay đổi gì"),
        (
            (),
            ("set-role", "lan", "reviewer"),
            "lan đã là Người xác minh (reviewer); không thay đổi gì",
        ),
    ],
    ids=["disable", "enable", "set-role"],
)
def test_a_repeat_changes_nothing_and_says_so(tmp_path: Path, setup, repeat, said) -> None:
    added = _run(tmp_path, "add", "lan", "--role", "reviewer", "--password-stdin", stdin=PASSWORD)
    assert added.exit_code == 0, added.output
    if setup:
        assert _run(tmp_path, *setup).exit_code == 0
    logged = _actions(tmp_path)
    result = _run(tmp_path, *repeat)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == said
    assert _actions(tmp_path) == logged


def test_a_real_change_is_still_made_and_logged(tmp_path: Path) -> None:
    _run(tmp_path, "add", "lan", "--role", "reviewer", "--password-stdin", stdin=PASSWORD)
    assert "Đã khoá tài khoản lan" in _run(tmp_path, "disable", "lan").output
    assert "Đã mở lại tài khoản lan" in _run(tmp_path, "enable", "lan").output
    assert "→ Lãnh đạo (lead)" in _run(tmp_path, "set-role", "lan", "lead").output
    assert _actions(tmp_path)[:3] == ["set-role", "enable", "disable"]
