"""`pressmon users add` with no terminal and no input (cron, `< /dev/null`) printed
"(không có cửa sổ lệnh; …)" then "Đã huỷ.", a cancellation nobody asked for; it is now an error
saying no account was made and how to give the password in a script."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pressmon.cli import main


def test_users_add_without_a_terminal_or_input_is_an_error_with_a_hint(tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "users", "add", "lan"]
    result = CliRunner().invoke(main, args, input="")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        "(không có cửa sổ lệnh; trong script hãy dùng --password-stdin)",
        "Lỗi: không có cửa sổ lệnh để nhập mật khẩu và đầu vào không còn dòng nào: "
        "chưa tạo tài khoản",
        "  gợi ý: trong script, đưa mật khẩu qua đầu vào với --password-stdin (printf '%s\\n' "
        '"$MAT_KHAU" | pressmon users add TÊN --password-stdin), hoặc chạy lệnh trong cửa sổ lệnh',
    ]


def test_two_piped_lines_still_make_the_account(tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "users", "add", "lan"]
    result = CliRunner().invoke(main, args, input="Abcdef12345!x\nAbcdef12345!x\n")
    assert result.exit_code == 0, result.output
    assert "Đã tạo tài khoản lan" in result.output
