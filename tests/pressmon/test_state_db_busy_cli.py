"""A state database another process holds (a crawl, the web app, a second `users` command)
stops a command that writes to it with a Vietnamese "Lỗi:" naming the file and a hint, not
sqlite3's traceback; the change is not half made. The audit found `users add|disable|…` raising
`sqlite3.OperationalError: database is locked` once the wait was over."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

import pressmon.state_db
from pressmon.cli import main
from pressmon.web.accounts import AccountStore
from pressmon.web.login_failures import LoginFailureStore
from pressmon.web.throttle import FailureRecord

PASSWORD = "một mật khẩu đủ dài 2026"
WRITES = {
    "add": ["add", "mai", "--password-stdin"],
    "disable": ["disable", "lan"],
    "enable": ["enable", "binh"],  # disabled: enabling an account in use changes nothing
    "set-role": ["set-role", "lan", "lead"],
    "set-province": ["set-province", "lan", "Nghệ An"],
    "reset-password": ["reset-password", "lan"],
    "unlock": ["unlock", "lan"],
}


def _users(data: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data), "users", *args], input=PASSWORD)


@pytest.fixture
def holder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[sqlite3.Connection]:
    """A data folder with the account `lan` and the disabled `binh`, its state database
    write-locked (BEGIN EXCLUSIVE, as a `sqlite3` shell would) until the test ends; commands give
    up at once instead of 30 s."""
    for username in ("lan", "binh"):
        assert _users(tmp_path, "add", username, "--password-stdin").exit_code == 0
    assert _users(tmp_path, "disable", "binh").exit_code == 0
    state = tmp_path / "pressmon-state.db"
    # Locked out: unlocking an account that is not changes nothing, so writes nothing.
    LoginFailureStore(state, clock=lambda: datetime.now(UTC)).put(
        "lan", FailureRecord(10, datetime.now(UTC), locked=True)
    )
    holder = sqlite3.connect(state, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(pressmon.state_db, "TIMEOUT_SECONDS", 0)
    yield holder
    holder.rollback()
    holder.close()


@pytest.fixture
def held_state_db(tmp_path: Path, holder: sqlite3.Connection) -> Path:
    return tmp_path / "pressmon-state.db"


@pytest.mark.parametrize("command", WRITES)
def test_a_held_state_database_is_an_error_naming_the_file(
    held_state_db: Path, command: str
) -> None:
    result = _users(held_state_db.parent, *WRITES[command])

    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    error, hint = result.output.strip().splitlines()[-2:]
    assert error == (
        f"Lỗi: không dùng được cơ sở dữ liệu trạng thái '{held_state_db}': "
        "tệp đang bị tiến trình khác khóa; thử lại sau"
    ), result.output
    assert hint.startswith("  gợi ý: một tiến trình khác") and "fuser -v" in hint, result.output


def test_nothing_is_half_changed_and_a_rerun_succeeds(
    held_state_db: Path, holder: sqlite3.Connection
) -> None:
    assert _users(held_state_db.parent, *WRITES["add"]).exit_code == 1
    holder.rollback()  # the other process is done
    assert sorted(a.username for a in AccountStore(held_state_db).list()) == ["binh", "lan"]
    assert _users(held_state_db.parent, *WRITES["add"]).exit_code == 0
    assert sorted(a.username for a in AccountStore(held_state_db).list()) == ["binh", "lan", "mai"]


def test_an_existing_account_is_still_said_as_such(tmp_path: Path) -> None:
    """Only SQLite's failures become the state database's error; a name taken stays one."""
    assert _users(tmp_path, "add", "lan", "--password-stdin").exit_code == 0
    result = _users(tmp_path, "add", "lan", "--password-stdin")
    assert result.exit_code == 1 and "tài khoản 'lan' đã có" in result.output, result.output
