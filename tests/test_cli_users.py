"""`pressmon users enable|set-role|reset-password|log`: account administration from the CLI,
every change in the audit log."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from pressmon.cli import main
from pressmon.web.accounts import AccountStore

PASSWORD = "một mật khẩu đủ dài 2026"


def _run(tmp_path: Path, *args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["--data-dir", str(tmp_path), "users", *args], input=stdin)


def _add(tmp_path: Path, name: str, role: str = "reviewer") -> None:
    result = _run(tmp_path, "add", name, "--role", role, "--password-stdin", stdin=PASSWORD + "\n")
    assert result.exit_code == 0, result.output


def test_disable_then_enable_again(tmp_path: Path) -> None:
    _add(tmp_path, "lan")
    assert _run(tmp_path, "disable", "LAN").exit_code == 0
    assert "đã khoá" in _run(tmp_path, "list").output
    result = _run(tmp_path, "enable", "Lan")
    assert result.exit_code == 0 and "Đã mở lại tài khoản lan" in result.output
    assert "đang dùng" in _run(tmp_path, "list").output


def test_set_role(tmp_path: Path) -> None:
    _add(tmp_path, "lan")
    result = _run(tmp_path, "set-role", "lan", "lead")
    assert result.exit_code == 0
    assert "Người xác minh (reviewer) → Lãnh đạo (lead)" in result.output
    account = AccountStore(tmp_path / "pressmon-state.db").get("lan")
    assert account is not None and account.role == "lead"
    assert _run(tmp_path, "set-role", "lan", "boss").exit_code == 2


def test_reset_password_issues_a_one_time_password(tmp_path: Path) -> None:
    _add(tmp_path, "lan")
    result = _run(tmp_path, "reset-password", "lan")
    assert result.exit_code == 0, result.output
    one_time = result.output.split("Mật khẩu dùng một lần của lan: ")[1].split()[0]
    store = AccountStore(tmp_path / "pressmon-state.db")
    assert store.verify("lan", PASSWORD) is None
    account = store.verify("lan", one_time)
    assert account is not None and account.must_change_password
    assert "phải đổi mật khẩu" in _run(tmp_path, "list").output


def test_account_output_is_vietnamese_with_role_names(tmp_path: Path) -> None:
    result = _run(tmp_path, "add", "lan", "--role", "lead", "--password-stdin", stdin=PASSWORD)
    assert result.output.strip() == "Đã tạo tài khoản lan: Lãnh đạo (lead), Trung tâm"
    listing = _run(tmp_path, "list").output
    assert listing.splitlines()[0].split() == [
        "tài",
        "khoản",
        "vai",
        "trò",
        "tên",
        "đơn",
        "vị",
        "trạng",
        "thái",
    ]
    assert "Lãnh đạo (lead)" in listing
    log = _run(tmp_path, "log").output
    assert "tạo tài khoản (add)" in log


def test_log_shows_times_in_the_archive_zone(tmp_path: Path) -> None:
    """As the web shows the audit log: Asia/Ho_Chi_Minh by default, not the stored UTC."""
    before = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(microsecond=0)
    _add(tmp_path, "lan")
    after = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
    (shown,) = re.findall(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", _run(tmp_path, "log").output)
    at = datetime.strptime(shown, "%d/%m/%Y %H:%M:%S").replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert before <= at <= after


def test_unknown_user_is_an_error_with_a_hint(tmp_path: Path) -> None:
    for command in ("enable", "reset-password", "disable"):
        result = _run(tmp_path, command, "nobody")
        assert result.exit_code == 1
        assert "không có tài khoản 'nobody'" in result.output and "gợi ý:" in result.output


def test_every_change_is_in_the_audit_log(tmp_path: Path) -> None:
    _add(tmp_path, "lan")
    _run(tmp_path, "set-role", "lan", "admin")
    _run(tmp_path, "disable", "lan")
    _run(tmp_path, "enable", "lan")
    _run(tmp_path, "reset-password", "lan")
    log = _run(tmp_path, "log", "lan").output
    actions = [line.split("(")[-1].split(")")[0] for line in log.splitlines()[2:]]
    assert actions == ["reset-password", "enable", "disable", "set-role", "add"]
    assert "đặt lại mật khẩu (reset-password)" in log
    assert "reviewer -> admin" in log and "cli:" in log


def test_a_provincial_account_by_any_spelling_of_its_province(tmp_path: Path) -> None:
    result = _run(
        tmp_path,
        *("add", "lan", "--role", "reviewer", "--province", "nghe an", "--password-stdin"),
        stdin=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Đã tạo tài khoản lan:" in result.output and "BHXH Nghệ An" in result.output
    store = AccountStore(tmp_path / "pressmon-state.db")
    account = store.get("lan")
    assert account is not None and account.province == "Nghệ An"
    assert "Nghệ An" in _run(tmp_path, "list").output
    # A pre-2025 name is the province it merged into (Vĩnh Phúc is part of Phú Thọ now).
    assert _run(tmp_path, "set-province", "lan", "Vinh Phuc").exit_code == 0
    account = store.get("lan")
    assert account is not None and account.province == "Phú Thọ"
    assert _run(tmp_path, "set-province", "lan", "--center").exit_code == 0
    account = store.get("lan")
    assert account is not None and account.province is None


def test_an_unknown_province_or_a_provincial_admin_is_refused(tmp_path: Path) -> None:
    unknown = _run(
        tmp_path,
        *("add", "lan", "--province", "Atlantis", "--password-stdin"),
        stdin=PASSWORD + "\n",
    )
    assert unknown.exit_code != 0 and "Atlantis" in unknown.output
    admin = _run(
        tmp_path,
        *("add", "lan", "--role", "admin", "--province", "Nghệ An", "--password-stdin"),
        stdin=PASSWORD + "\n",
    )
    assert admin.exit_code != 0 and "không thể thuộc một tỉnh" in admin.output
    assert AccountStore(tmp_path / "pressmon-state.db").get("lan") is None


def test_the_log_of_an_account_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    """`users log lna` (for lan) printed an empty table, as for an account never changed."""
    _add(tmp_path, "lan")
    result = _run(tmp_path, "log", "lna")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        "Lỗi: không có tài khoản 'lna'",
        "  gợi ý: xem danh sách: pressmon users list",
    ]
    assert "lan" in _run(tmp_path, "log", "LAN").output
