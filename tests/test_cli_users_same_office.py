"""`pressmon users set-province` to the office an account already has says so and logs nothing,
as `disable`, `enable` and `set-role` do for a repeat: the audit log records changes, and
running the command twice used to log the move twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main

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
